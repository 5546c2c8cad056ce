/*
 * Delivering exceptions, system calls and events to a PV guest kernel.
 * Like Xen's create_bounce_frame: the guest kernel gets, on its own stack,
 *     RCX, R11, [error code], RIP, CS, RFLAGS, RSP, SS   (lowest first)
 * where CS carries the saved upcall mask in bits 32-39 and has RPL 0 if
 * the guest was in kernel mode, and RFLAGS.IF is the virtual IF
 * (!evtchn_upcall_mask). Its handlers pop RCX and R11 and return with the
 * iret hypercall.
 */
#include "arch.h"
#include "domain.h"
#include "emulate.h"
#include "guest_access.h"
#include "sched.h"
#include "vcpu_switch.h"
#include "traps.h"
#include "x86.h"

#define GUEST_FLAGS_CLEARED (X86_EFLAGS_TF | X86_EFLAGS_NT | X86_EFLAGS_RF | \
			     X86_EFLAGS_AC | X86_EFLAGS_VM)
#define NO_ERROR_CODE (-1)

void load_guest_mode(const struct vcpu *v)
{
	write_cr3((v->kernel_mode ? v->guest_table : v->guest_table_user) << PAGE_SHIFT);
	/* The guest's %gs base is restored from here by the swapgs on exit. */
	wrmsr(MSR_KERNEL_GS_BASE, v->kernel_mode ? v->gs_base_kernel : v->gs_base_user);
}

void toggle_guest_mode(struct vcpu *v)
{
	v->kernel_mode = !v->kernel_mode;
	load_guest_mode(v);
}

static void bounce(struct vcpu *v, unsigned long handler, int error_code, bool mask_events)
{
	struct cpu_user_regs *regs = guest_regs();
	struct vcpu_info *vi = v->vcpu_info;
	uint64_t frame[8];
	unsigned n = 0;
	uint64_t saved_mask = vi->evtchn_upcall_mask;
	uint64_t cs = regs->cs;
	unsigned long sp = regs->rsp;

	if (!v->kernel_mode) {
		toggle_guest_mode(v);
		sp = v->kernel_sp;
	} else {
		cs &= ~3UL;
	}
	sp &= ~0xfUL;
	frame[n++] = regs->rcx;
	frame[n++] = regs->r11;
	if (error_code != NO_ERROR_CODE)
		frame[n++] = (uint32_t)error_code;
	frame[n++] = regs->rip;
	frame[n++] = cs | (saved_mask << 32);
	frame[n++] = (regs->rflags & ~X86_EFLAGS_IF) | (saved_mask ? 0 : X86_EFLAGS_IF);
	frame[n++] = regs->rsp;
	frame[n++] = regs->ss;
	sp -= n * sizeof(frame[0]);
	if (!handler)
		domain_crash(v->domain, "no guest handler to bounce to");
	if (copy_to_guest_va(sp, frame, n * sizeof(frame[0])))
		domain_crash(v->domain, "bad guest kernel stack for a bounce frame");

	regs->rsp = sp;
	regs->ss = FLAT_KERNEL_SS;
	regs->cs = FLAT_KERNEL_CS;
	regs->rip = handler;
	regs->rflags &= ~GUEST_FLAGS_CLEARED;
	if (mask_events)
		vi->evtchn_upcall_mask = 1;
}

static bool has_error_code(unsigned vector)
{
	return vector == 8 || (vector >= 10 && vector <= 14) || vector == 17 ||
	       vector == 21 || vector == 29 || vector == 30;
}

void pv_inject_exception(struct vcpu *v, unsigned int vector, int error_code)
{
	const struct trap_info *ti = &v->trap_ctxt[vector];

	if (!has_error_code(vector))
		error_code = NO_ERROR_CODE;
	bounce(v, ti->address, error_code, TI_GET_IF(ti));
}

void pv_inject_softint(struct vcpu *v, unsigned int vector)
{
	const struct trap_info *ti = &v->trap_ctxt[vector];

	bounce(v, ti->address, NO_ERROR_CODE, TI_GET_IF(ti));
}

/* A syscall from guest user mode; with no callback the guest gets #UD. */
void pv_bounce_syscall(struct vcpu *v)
{
	if (!v->syscall_callback) {
		pv_inject_exception(v, X86_EXC_UD, 0);
		return;
	}
	bounce(v, v->syscall_callback, NO_ERROR_CODE, v->syscall_masks_events);
}

/* `int $n` from the guest faulted on the DPL-0 gate: deliver vector n if
 * the guest's own trap table lets its current mode raise it (DPL >= 1 for
 * the kernel, DPL 3 for user mode), as Xen's permit_softint() does. */
static bool guest_softint(struct vcpu *v, struct cpu_user_regs *regs)
{
	if (!(regs->error_code & ERR_IDT))
		return false;
	unsigned vector = regs->error_code >> 3;
	const struct trap_info *ti = &v->trap_ctxt[vector];
	unsigned dpl = TI_GET_DPL(ti);

	if (!ti->address || dpl < (v->kernel_mode ? 1u : 3u))
		return false;
	regs->rip += 2;
	pv_inject_softint(v, vector);
	return true;
}

void pv_trap_from_guest(struct cpu_user_regs *regs)
{
	struct vcpu *v = current_vcpu();
	unsigned vector = regs->entry_vector;

	switch (vector) {
	case X86_EXC_GP:
		if (guest_softint(v, regs) || (v->kernel_mode && emulate_privileged_op(v, regs)))
			return;
		break;
	case X86_EXC_UD:
		if (emulate_forced_invalid_op(v, regs))
			return;
		break;
	case X86_EXC_PF:
		/* Read first: emulation's own guest reads may fault and
		 * overwrite %cr2. */
		v->vcpu_info->arch.cr2 = read_cr2();
		if (emulate_ptwr(v, regs, v->vcpu_info->arch.cr2))
			return;
		/* The guest kernel runs in ring 3, but it sees its faults as
		 * supervisor ones, as on Xen. */
		if (v->kernel_mode)
			regs->error_code &= ~PFEC_USER;
		break;
	case X86_EXC_NM:
		if (!vcpu_fpu_fault(v))
			return;
		break;
	case X86_EXC_DF:
	case X86_EXC_NMI:
		fatal_trap(regs, "machine exception while a guest ran");
	}
	pv_inject_exception(v, vector, (int)regs->error_code);
}

/* sysretq restores rip from rcx and rflags from r11, and cs/ss from STAR:
 * it fits a frame that already holds exactly that. A non-canonical rip
 * would fault in ring 0 (Intel), so it never takes this way. */
static bool sysret_fits(const struct cpu_user_regs *r)
{
	return r->rcx == r->rip && r->r11 == r->rflags && r->cs == FLAT_RING3_CS64 &&
	       r->ss == FLAT_RING3_SS64 && is_canonical(r->rip) &&
	       !(r->rflags & (X86_EFLAGS_RF | X86_EFLAGS_VM));
}

/* Last thing before returning to the guest: the scheduler's decision,
 * then an event upcall if one is due for the vCPU that will run. Returns
 * whether the frame may go back by sysret. */
int guest_exit_work(struct cpu_user_regs *regs)
{
	schedule_at_exit();
	struct vcpu *v = current_vcpu();
	if (vcpu_events_pending(v) && v->event_callback)
		bounce(v, v->event_callback, NO_ERROR_CODE, true);
	return sysret_fits(regs);
}

void guest_iret_fault(void)
{
	domain_crash(current_vcpu()->domain, "its code or stack segment is gone");
}
