/*
 * void context_switch(unsigned long *prev_sp, unsigned long next_sp):
 * the callee-saved registers stay on the old stack, and the new stack
 * returns into whatever its thread was doing (or into a new thread's
 * first function, see arch_context_init).
 */
	.text
	.globl context_switch
context_switch:
	push %rbp
	push %rbx
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rsp, (%rdi)
	mov %rsi, %rsp
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	ret
