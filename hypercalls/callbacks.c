/*
 * callback.h and the CPU-state hypercalls of arch-x86/xen.h: where the
 * guest kernel wants its exceptions, events and system calls delivered,
 * its kernel stack, its segment bases and its virtual CR0.TS.
 */
#include "arch.h"
#include "hypercalls.h"
#include "vcpu_switch.h"
#include "x86.h"
#include <xen/callback.h>


/* A NULL table clears every entry; otherwise entries are read up to the
 * first with address 0, or 256 of them. */
long do_set_trap_table(unsigned long traps)
{
	struct vcpu *v = current_vcpu();
	struct trap_info ti;

	if (!traps) {
		memset(v->trap_ctxt, 0, sizeof(v->trap_ctxt));
		return 0;
	}
	for (unsigned i = 0; i < ARRAY_SIZE(v->trap_ctxt); i++) {
		if (copy_from_guest_va(&ti, traps + i * sizeof(ti), sizeof(ti)))
			return -EFAULT;
		if (!ti.address)
			break;
		if (!is_canonical(ti.address))
			return -EINVAL;
		v->trap_ctxt[ti.vector] = ti;
	}
	return 0;
}

long do_stack_switch(unsigned long ss, unsigned long sp)
{
	struct vcpu *v = current_vcpu();

	v->kernel_ss = ss | 3;
	v->kernel_sp = sp;
	return 0;
}

static long register_callback(struct vcpu *v, const struct callback_register *cb)
{
	if (!is_canonical(cb->address))
		return -EINVAL;
	bool mask = cb->flags & CALLBACKF_mask_events;

	switch (cb->type) {
	case CALLBACKTYPE_event:
		v->event_callback = cb->address;
		return 0;
	case CALLBACKTYPE_failsafe:
		v->failsafe_callback = cb->address;
		v->failsafe_masks_events = mask;
		return 0;
	case CALLBACKTYPE_syscall:
		v->syscall_callback = cb->address;
		v->syscall_masks_events = mask;
		return 0;
	}
	return -ENOSYS;
}

/* The old interface, as Xen 4.17 keeps it: all three without masking
 * events, each refused address simply not registered, and always 0. */
long do_set_callbacks(unsigned long event, unsigned long failsafe, unsigned long syscall)
{
	struct vcpu *v = current_vcpu();
	const struct callback_register cbs[] = {
		{ .type = CALLBACKTYPE_event, .address = event },
		{ .type = CALLBACKTYPE_failsafe, .address = failsafe },
		{ .type = CALLBACKTYPE_syscall, .address = syscall },
	};
	for (unsigned i = 0; i < ARRAY_SIZE(cbs); i++)
		register_callback(v, &cbs[i]);
	return 0;
}

/* Xen lets no PV guest unregister its event, failsafe or syscall entry. */
long do_callback_op(unsigned long cmd, unsigned long arg)
{
	struct vcpu *v = current_vcpu();

	if (cmd == CALLBACKOP_register) {
		struct callback_register cb;
		if (copy_from_guest(&cb, arg))
			return -EFAULT;
		return register_callback(v, &cb);
	}
	if (cmd == CALLBACKOP_unregister) {
		struct callback_unregister cb;
		if (copy_from_guest(&cb, arg))
			return -EFAULT;
		return cb.type <= CALLBACKTYPE_syscall ? -EINVAL : -ENOSYS;
	}
	return -ENOSYS;
}

long do_set_segment_base(unsigned long which, unsigned long base)
{
	struct vcpu *v = current_vcpu();

	if (!is_canonical(base))
		return -EINVAL;
	switch (which) {
	case SEGBASE_FS:
		v->fs_base = base;
		wrmsr(MSR_FS_BASE, base);
		return 0;
	case SEGBASE_GS_USER:
		v->gs_base_user = base;
		return 0;
	case SEGBASE_GS_KERNEL:
		v->gs_base_kernel = base;
		wrmsr(MSR_KERNEL_GS_BASE, base);
		return 0;
	}
	return -EINVAL;
}

long do_fpu_taskswitch(unsigned long set)
{
	vcpu_fpu_taskswitch(current_vcpu(), set);
	return 0;
}
