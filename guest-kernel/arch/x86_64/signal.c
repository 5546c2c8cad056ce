/*
 * Signal frames, laid out as Linux's x86-64 rt_sigframe (asm/ucontext.h,
 * asm/sigcontext.h), so that code built for Linux finds what it expects:
 * the handler's return address (the restorer, which calls rt_sigreturn),
 * a ucontext with the user registers and the mask to restore, the
 * siginfo, and the FPU and SSE state (an fxsave image, 64-byte aligned)
 * above them, all below the red zone of the code interrupted. The frame
 * is user memory: what rt_sigreturn reads back is held to what user mode
 * could have set itself, since the way back to user mode (sysretq, iretq,
 * Xen's iret) trusts it. Both ports share it.
 */
#include "arch.h"
#include "errno.h"
#include "lib.h"
#include "proc.h"
#include "signal.h"

#define RED_ZONE 128
#define FPSTATE_ALIGN 64
/* uc_stack's flags: there is no alternate signal stack. */
#define SS_DISABLE 2
/* The rflags bits user mode sets itself (Linux's FIX_EFLAGS); IF, IOPL,
 * NT, VM and the rest stay as the kernel has them. */
#define USER_FLAGS (X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | X86_EFLAGS_ZF | \
		    X86_EFLAGS_SF | X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_OF | \
		    X86_EFLAGS_RF | X86_EFLAGS_AC)
/* What a handler starts without, as on Linux. */
#define HANDLER_CLEARS (X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF)

struct sigcontext {
	unsigned long r8, r9, r10, r11, r12, r13, r14, r15;
	unsigned long rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
	unsigned long rflags;
	uint16_t cs, gs, fs, ss;
	unsigned long err, trapno, oldmask, cr2;
	uintptr_t fpstate;
	unsigned long reserved[8];
};

struct ucontext {
	unsigned long flags;
	uintptr_t link;
	struct {
		uintptr_t sp;
		int flags;
		size_t size;
	} stack;
	struct sigcontext mcontext;
	uint64_t sigmask;
};

struct rt_sigframe {
	uintptr_t restorer;
	struct ucontext uc;
	struct kernel_siginfo info;
};

_Static_assert(sizeof(struct sigcontext) == 256, "Linux's sigcontext");
_Static_assert(offsetof(struct rt_sigframe, uc.mcontext) == 48, "Linux's ucontext");
_Static_assert(sizeof(struct rt_sigframe) == 440, "Linux's rt_sigframe");

/* The registers a frame keeps as they are: where each is in both. */
#define REG(name) { offsetof(struct sigcontext, name), offsetof(struct uregs, name) }
static const struct {
	uint8_t sc, r;
} regs[] = {
	REG(r8), REG(r9), REG(r10), REG(r11), REG(r12), REG(r13), REG(r14), REG(r15),
	REG(rdi), REG(rsi), REG(rbp), REG(rbx), REG(rdx), REG(rax), REG(rcx), REG(rsp),
	REG(rip),
};

static unsigned long *reg(void *base, unsigned offset)
{
	return (unsigned long *)((char *)base + offset);
}

/* err, trapno and cr2 stay 0: no signal comes from a fault. */
static void save(struct sigcontext *sc, struct uregs *r, uint64_t mask, uintptr_t fpstate)
{
	for (unsigned i = 0; i < ARRAY_SIZE(regs); i++)
		*reg(sc, regs[i].sc) = *reg(r, regs[i].r);
	sc->rflags = r->rflags;
	sc->cs = (uint16_t)r->cs;
	sc->ss = (uint16_t)r->ss;
	sc->oldmask = mask;
	sc->fpstate = fpstate;
}

/* The handler is entered as if called from the frame (rsp + 8 16-byte
 * aligned) with rax 0: no vector registers for a variadic function. */
int arch_signal_frame(struct uregs *r, const struct kernel_sigaction *act,
		      const struct kernel_siginfo *info, uint64_t mask)
{
	uintptr_t fpstate = ALIGN_DOWN(r->rsp - RED_ZONE - sizeof(current->ctx.fpu), FPSTATE_ALIGN);
	struct rt_sigframe *frame = (void *)(ALIGN_DOWN(fpstate - sizeof(*frame), 16) - 8);
	struct rt_sigframe f;

	if (!(act->flags & SA_RESTORER) || act->handler >= USER_END)
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.restorer = act->restorer;
	f.uc.stack.flags = SS_DISABLE;
	save(&f.uc.mcontext, r, mask, fpstate);
	f.uc.sigmask = mask;
	f.info = *info;
	if (fpu_to_user(&current->ctx, (void *)fpstate) || copy_to_user(frame, &f, sizeof(f)))
		return -EFAULT;
	fpu_reset(&current->ctx);
	r->rip = act->handler;
	r->rsp = (uintptr_t)frame;
	r->rdi = (unsigned long)info->si_signo;
	r->rsi = (uintptr_t)&frame->info;
	r->rdx = (uintptr_t)&frame->uc;
	r->rax = 0;
	r->rflags &= ~HANDLER_CLEARS;
	return 0;
}

/*
 * The handler's ret took the restorer's address: the frame starts a word
 * below the stack. cs and ss stay the user's whatever the frame says, and
 * rip and rsp must be user addresses: none of the ways back to user mode
 * is the place to find a kernel or non-canonical one.
 */
int arch_signal_return(struct uregs *r, uint64_t *mask)
{
	const struct rt_sigframe *frame = (const void *)(r->rsp - sizeof(frame->restorer));
	struct ucontext uc;
	struct sigcontext *sc = &uc.mcontext;

	if (copy_from_user(&uc, &frame->uc, sizeof(uc)) || sc->rip >= USER_END ||
	    sc->rsp >= USER_END || fpu_from_user(&current->ctx, (const void *)sc->fpstate))
		return -EFAULT;
	for (unsigned i = 0; i < ARRAY_SIZE(regs); i++)
		*reg(r, regs[i].r) = *reg(sc, regs[i].sc);
	r->rflags = (r->rflags & ~USER_FLAGS) | (sc->rflags & USER_FLAGS);
	*mask = uc.sigmask;
	return 0;
}
