/*
 * A new thread's kernel stack, laid out as if context_switch() had saved
 * it: six zero callee-saved registers and a return into first(), entered
 * with the stack as a call would leave it, just below the user registers.
 * And a thread's FPU state: fresh, inherited by fork, or fresh again for
 * the program exec starts.
 */
#include "arch.h"
#include "lib.h"
#include "proc.h"

static void stack_init(struct proc *p, void (*first)(void))
{
	unsigned long *sp = (unsigned long *)proc_uregs(p);

	*--sp = 0;
	*--sp = (unsigned long)first;
	for (int i = 0; i < 6; i++)
		*--sp = 0;
	p->ctx.sp = (unsigned long)sp;
}

void arch_context_init(struct proc *p, void (*first)(void))
{
	stack_init(p, first);
	fpu_init_state(&p->ctx);
}

/* The registers are loaded now: p is running (in exec). */
void arch_context_exec(struct proc *p)
{
	fpu_reset(&p->ctx);
}

/* The caller's FPU state is live in the registers: saved, then copied. */
void arch_context_fork(struct proc *child, void (*first)(void))
{
	stack_init(child, first);
	fpu_save(&current->ctx);
	memcpy(child->ctx.fpu, current->ctx.fpu, sizeof(child->ctx.fpu));
}
