/*
 * Process entry for the freestanding test programs: the kernel leaves the
 * stack pointer at argc (System V ABI); main gets it and never returns.
 */
	.text
	.globl _start
_start:
	xor %ebp, %ebp
	mov %rsp, %rdi
	and $-16, %rsp
	call start_main
	ud2
