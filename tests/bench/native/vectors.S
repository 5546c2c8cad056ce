/*
 * One 16-byte stub per exception vector. Each leaves the same frame for
 * exception_common: vector, error code (0 where the CPU pushes none), rip.
 */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
			   (v) == 21 || (v) == 29 || (v) == 30)

	.text
	.balign 16
	.globl exception_stubs
exception_stubs:
	.set	vec, 0
	.rept	32
	.balign	16
	.if	!HAS_ERROR_CODE(vec)
	push	$0
	.endif
	push	$vec
	jmp	exception_common
	.set	vec, vec + 1
	.endr

exception_common:
	pop	%rdi
	mov	8(%rsp), %rsi
	call	exception_fatal
