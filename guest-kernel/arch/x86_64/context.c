/*
 * A new thread's kernel stack, laid out as if context_switch() had saved
 * it: six zero callee-saved registers and a return into first(), entered
 * with the stack as a call would leave it, just below the user registers.
 */
#include "arch.h"
#include "proc.h"

void arch_context_init(struct proc *p, void (*first)(void))
{
	unsigned long *sp = (unsigned long *)proc_uregs(p);

	*--sp = 0;
	*--sp = (unsigned long)first;
	for (int i = 0; i < 6; i++)
		*--sp = 0;
	p->ctx.sp = (unsigned long)sp;
	fpu_init_state(&p->ctx);
}
