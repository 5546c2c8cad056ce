/*
 * iret (arch-x86/xen-x86_64.h): the guest's return from an exception, an
 * event or a system call. It pushed a struct iret_context and jumped to
 * the hypercall page's iret stub. A return to a ring-3 CS is a return to
 * guest user mode, which needs the user page tables.
 */
#include "arch.h"
#include "hypercalls.h"
#include "traps.h"
#include "x86.h"

#define GUEST_FLAGS_KEPT (~(X86_EFLAGS_IOPL | X86_EFLAGS_VM | X86_EFLAGS_NT))

/* The hardware iretq that follows must not fault in ring 0: only the flat
 * ring-3 selectors and a canonical rip are accepted. */
static bool iret_frame_ok(const struct iret_context *ctx)
{
	uint16_t cs = ctx->cs | 3, ss = ctx->ss | 3;

	return (cs == FLAT_RING3_CS64 || cs == FLAT_RING3_CS32) &&
	       ss == FLAT_RING3_SS64 && is_canonical(ctx->rip);
}

long do_iret(void)
{
	struct cpu_user_regs *regs = guest_regs();
	struct vcpu *v = current_vcpu();
	struct iret_context ctx;

	if (copy_from_guest(&ctx, regs->rsp))
		domain_crash(v->domain, "iret with a bad stack");
	if (!iret_frame_ok(&ctx))
		domain_crash(v->domain, "iret to a bad cs, ss or rip");
	if ((ctx.cs & 3) == 3 && v->kernel_mode) {
		if (!v->guest_table_user)
			domain_crash(v->domain, "iret to user mode with no user page tables");
		toggle_guest_mode(v);
	}
	regs->rip = ctx.rip;
	regs->cs = ctx.cs | 3;
	regs->rflags = (ctx.rflags & GUEST_FLAGS_KEPT) | X86_EFLAGS_IF;
	regs->rsp = ctx.rsp;
	regs->ss = ctx.ss | 3;
	v->vcpu_info->evtchn_upcall_mask = !(ctx.rflags & X86_EFLAGS_IF);
	/* A return from a system call leaves rcx and r11 as sysret would. */
	if (ctx.flags & VGCF_in_syscall) {
		regs->rcx = regs->rip;
		regs->r11 = regs->rflags;
	} else {
		regs->r11 = ctx.r11;
		regs->rcx = ctx.rcx;
	}
	return ctx.rax;
}
