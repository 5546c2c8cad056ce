/*
 * XEN_DOMCTL_setvcpucontext for a PV vCPU: a builder's initial register
 * state, page tables and callbacks, checked as Xen's arch_set_info_guest
 * checks them before anything is loaded. Guest GDTs and LDTs given this
 * way are not supported yet: a context naming one is refused.
 */
/* domctl.h is the toolstack's ABI; with it xen-compat.h fixes the
 * interface version itself (to this Xen's, the one the build names). */
#undef __XEN_INTERFACE_VERSION__
#define __XEN_TOOLS__ 1
#include "arch.h"
#include "hypercalls.h"
#include "mm.h"
#include "page_type.h"
#include "pv_mmu.h"
#include "time.h"
#include "x86.h"
#include <xen/domctl.h>

#define USER_FLAGS_KEPT (X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_AC | 0xcd5UL)

static bool context_addresses_ok(const struct vcpu_guest_context *c)
{
	if (!is_canonical(c->user_regs.rip) || !is_canonical(c->kernel_sp) ||
	    !is_canonical(c->event_callback_eip) || !is_canonical(c->failsafe_callback_eip) ||
	    !is_canonical(c->syscall_callback_eip) || !is_canonical(c->fs_base) ||
	    !is_canonical(c->gs_base_kernel) || !is_canonical(c->gs_base_user))
		return false;
	for (unsigned i = 0; i < ARRAY_SIZE(c->trap_ctxt); i++)
		if (!is_canonical(c->trap_ctxt[i].address))
			return false;
	return true;
}

static long check_context(const struct vcpu_guest_context *c)
{
	if (!context_addresses_ok(c) ||
	    (c->user_regs.cs | 3) != FLAT_RING3_CS64 || (c->user_regs.ss | 3) != FLAT_RING3_SS64)
		return -EINVAL;
	if (c->gdt_ents || c->ldt_ents)
		return -ENOSYS;
	return 0;
}

/* Both L4s are validated (taking their type references) before either
 * replaces what the vCPU had. Called with mm_lock held. */
static long take_base_pointers(struct vcpu *v, const struct vcpu_guest_context *c)
{
	domid_t owner = v->domain->domain_id;
	unsigned long kernel = c->ctrlreg[3] >> PAGE_SHIFT, user = c->ctrlreg[1] >> PAGE_SHIFT;
	long rc = get_page_and_type(kernel, PGT_l4, owner);

	if (rc)
		return rc;
	if (user && (rc = get_page_and_type(user, PGT_l4, owner))) {
		put_page_and_type(kernel);
		return rc;
	}
	if (v->guest_table)
		put_page_and_type(v->guest_table);
	if (v->guest_table_user)
		put_page_and_type(v->guest_table_user);
	v->guest_table = kernel;
	v->guest_table_user = user;
	return 0;
}

static void load_context(struct vcpu *v, const struct vcpu_guest_context *c)
{
	v->regs = c->user_regs;
	v->regs.cs |= 3;
	v->regs.ss |= 3;
	v->regs.rflags = (c->user_regs.rflags & USER_FLAGS_KEPT) | X86_EFLAGS_IF | 0x2;
	v->kernel_mode = c->flags & VGCF_in_kernel;
	memcpy(v->trap_ctxt, c->trap_ctxt, sizeof(v->trap_ctxt));
	v->kernel_ss = c->kernel_ss | 3;
	v->kernel_sp = c->kernel_sp;
	v->event_callback = c->event_callback_eip;
	v->failsafe_callback = c->failsafe_callback_eip;
	v->syscall_callback = c->syscall_callback_eip;
	v->failsafe_masks_events = c->flags & VGCF_failsafe_disables_events;
	v->syscall_masks_events = c->flags & VGCF_syscall_disables_events;
	v->fs_base = c->fs_base;
	v->gs_base_kernel = c->gs_base_kernel;
	v->gs_base_user = c->gs_base_user;
	v->fpu_initialised = c->flags & VGCF_i387_valid;
	if (v->fpu_initialised)
		memcpy(v->fpu, &c->fpu_ctxt, sizeof(v->fpu));
	v->online = c->flags & VGCF_online;
}

/* A context from guest memory into a vCPU that is not running. */
long load_vcpu_context(struct vcpu *v, unsigned long guest_ctx)
{
	static struct vcpu_guest_context ctx;     /* too big for the stack */
	static spinlock_t ctx_lock;

	spin_lock(&ctx_lock);
	long rc = copy_from_guest_va(&ctx, guest_ctx, sizeof(ctx)) ? -EFAULT : check_context(&ctx);
	if (!rc) {
		spin_lock(&mm_lock);
		rc = take_base_pointers(v, &ctx);
		spin_unlock(&mm_lock);
	}
	if (!rc) {
		load_context(v, &ctx);
		v->initialised = true;
		/* As Xen's arch_set_info_guest: the builder may have cleared
		 * shared_info (libxc does), wall clock and all. */
		if (v->vcpu_id == 0)
			wallclock_publish(v->domain->shared_info);
	}
	spin_unlock(&ctx_lock);
	return rc;
}

/* The domain must be paused: its vCPU is not running anywhere. */
long set_vcpu_context(struct domain *d, struct xen_domctl_vcpucontext *vc)
{
	if (vc->vcpu >= d->max_vcpus || !d->pause_count || !vc->ctxt.p)
		return -EINVAL;
	return load_vcpu_context(d->vcpu[vc->vcpu], (unsigned long)vc->ctxt.p);
}
