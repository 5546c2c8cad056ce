/*
 * The hypercall table, indexed by __HYPERVISOR_* number. Empty slots are
 * hypercalls Xenith does not implement: they answer -ENOSYS, as Xen does
 * for numbers it does not know. A `syscall` is a hypercall only from guest
 * kernel mode; from guest user mode it is the guest's own system call.
 */
#include "arch.h"
#include "hypercalls.h"
#include "traps.h"

#define HYPERCALL(name) [__HYPERVISOR_##name] = (hypercall_fn)(void (*)(void))do_##name

static const hypercall_fn hypercall_table[] = {
	HYPERCALL(set_trap_table),
	HYPERCALL(stack_switch),
	HYPERCALL(set_callbacks),
	HYPERCALL(fpu_taskswitch),
	HYPERCALL(multicall),
	HYPERCALL(update_va_mapping),
	HYPERCALL(set_timer_op),
	HYPERCALL(xen_version),
	HYPERCALL(console_io),
	HYPERCALL(iret),
	HYPERCALL(vcpu_op),
	HYPERCALL(set_segment_base),
	HYPERCALL(mmuext_op),
	HYPERCALL(sched_op),
	HYPERCALL(callback_op),
	HYPERCALL(event_channel_op),
	HYPERCALL(physdev_op),
};

long hypercall_dispatch(unsigned long nr, const unsigned long args[6])
{
	if (nr >= ARRAY_SIZE(hypercall_table) || !hypercall_table[nr])
		return -ENOSYS;
	return hypercall_table[nr](args[0], args[1], args[2], args[3], args[4], args[5]);
}

void do_syscall(struct cpu_user_regs *regs)
{
	struct vcpu *v = current_vcpu();

	if (!v->kernel_mode) {
		pv_bounce_syscall(v);
		return;
	}
	const unsigned long args[6] = { regs->rdi, regs->rsi, regs->rdx,
					regs->r10, regs->r8, regs->r9 };
	regs->rax = hypercall_dispatch(regs->rax, args);
}
