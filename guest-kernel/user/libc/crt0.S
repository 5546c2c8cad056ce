/* A process's first instruction. The kernel enters here as Linux does:
 * %rsp points at argc, then argv[] and envp[], each ended by NULL (the
 * auxiliary vector after them is not used). */
	.text
	.globl _start
	.type _start, @function
_start:
	/* A zero frame pointer ends a debugger's backtrace here. */
	xor %ebp, %ebp
	mov %rsp, %rdi
	/* The ABI wants %rsp 16-byte aligned at a call. */
	and $-16, %rsp
	call __libc_start
	ud2
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
