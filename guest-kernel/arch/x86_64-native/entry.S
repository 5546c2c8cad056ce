/*
 * Entries into the kernel. Exceptions and interrupts come through the IDT
 * with the CPU's frame (ss, rsp, rflags, cs, rip, [error code]) on the
 * kernel stack, from TSS.rsp0 if they came from user mode; each stub
 * completes a struct uregs and calls trap_dispatch(), and iretq returns.
 * System calls come through MSR_LSTAR on the user's stack; syscall_entry
 * builds the same struct uregs and returns with sysretq, or with iretq
 * when rcx and r11 must be restored too (see syscall_trap).
 */
#include "segments.h"
#include "exception_stubs.h"
#include "uregs.h"
#include "vectors.h"

.macro stub name, vector, has_error_code
	.globl \name
\name:
	.if \has_error_code == 0
	push $0
	.endif
	push $\vector
	jmp interrupt_common
.endm

	.text
	exception_stubs
	stub irq_timer, VECTOR_TIMER, 0
	stub irq_spurious, VECTOR_SPURIOUS, 0

/* The CPU aligned the frame to 16 bytes; 22 words keep it aligned for the call. */
interrupt_common:
	save_registers
	mov %rsp, %rdi
	cld
	call trap_dispatch
	jmp return_iret

/* void arch_enter_user(struct uregs *r) */
	.globl arch_enter_user
arch_enter_user:
	mov %rdi, %rsp
return_iret:
	restore_registers
	add $16, %rsp
	iretq

/*
 * syscall left the user's rip in rcx and rflags in r11, cleared IF, DF,
 * TF and AC (MSR_SFMASK) and kept the user's rsp. One CPU and interrupts
 * off until sysretq: a global can hold the user's rsp while the stack
 * switches (more CPUs would want swapgs and per-CPU data).
 */
	.globl syscall_entry
syscall_entry:
	mov %rsp, user_rsp(%rip)
	mov tss + TSS_RSP0(%rip), %rsp
	push $USER_DS
	push user_rsp(%rip)
	push %r11
	push $USER_CS
	push %rcx
	push $0
	push $VECTOR_SYSCALL
	save_registers
	mov %rsp, %rdi
	call syscall_trap
	test %al, %al
	jz return_iret
	restore_registers
	add $16, %rsp
	/* sysretq takes rip from rcx and rflags from r11: the syscall ABI
	 * gives those two registers up. */
	mov (%rsp), %rcx
	mov 16(%rsp), %r11
	mov 24(%rsp), %rsp
	sysretq

	.bss
	.balign 8
user_rsp:
	.skip 8
