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

#define DESC_PRESENT  (1UL << 47)
#define DESC_DPL3     (3UL << 45)
#define DESC_S        (1UL << 44)
#define DESC_CODE     (1UL << 43)
#define DESC_WRITABLE (1UL << 41)

/* A present DPL-3 segment of the guest's own GDT: code, or writable data. */
static bool guest_segment_ok(const struct vcpu *v, unsigned sel, bool code)
{
	uint64_t d, want = DESC_PRESENT | DESC_DPL3 | DESC_S | (code ? DESC_CODE : DESC_WRITABLE);

	return guest_gdt_descriptor(v, sel, &d) && (d & want) == want &&
	       (code || !(d & DESC_CODE));
}

/* The hardware iretq that follows must not fault in ring 0: cs and ss
 * are the flat ring-3 selectors or fitting segments of the guest's own
 * GDT, and rip is canonical. */
static bool iret_frame_ok(const struct vcpu *v, const struct iret_context *ctx)
{
	uint16_t cs = ctx->cs | 3, ss = ctx->ss | 3;
	bool cs_ok = cs == FLAT_RING3_CS64 || cs == FLAT_RING3_CS32 || guest_segment_ok(v, cs, true);
	bool ss_ok = ss == FLAT_RING3_SS64 || guest_segment_ok(v, ss, false);

	return cs_ok && ss_ok && is_canonical(ctx->rip);
}

long do_iret(void)
{
	struct cpu_user_regs *regs = guest_regs();
	struct vcpu *v = current_vcpu();
	struct iret_context ctx;

	if (copy_from_guest(&ctx, regs->rsp))
		domain_crash(v->domain, "iret with a bad stack");
	if (!iret_frame_ok(v, &ctx))
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
