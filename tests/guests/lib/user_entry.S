/*
 * user_enter saves the kernel's callee-saved registers and makes its stack
 * pointer the one Xen bounces to from user mode (stack_switch), so frames
 * from user mode land below the saved state; user_return unwinds to it.
 */
#include <xen/xen.h>

#define HYPERCALL_STUB(nr) (hypercall_page + (nr) * 32)

	.text
/* long user_enter(void (*fn)(void), void *stack_top, unsigned long rflags) */
	.globl user_enter
user_enter:
	push %rbp
	push %rbx
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rsp, kernel_rsp(%rip)
	mov %rdi, %r12
	mov %rsi, %r13
	mov %rdx, %r14
	mov $FLAT_KERNEL_SS, %edi
	mov %rsp, %rsi
	call HYPERCALL_STUB(__HYPERVISOR_stack_switch)
	test %rax, %rax
	jnz .Lrestore_kernel_regs
	push $FLAT_USER_SS
	push %r13
	push %r14
	push $FLAT_USER_CS
	push %r12
	push $0
	jmp HYPERCALL_STUB(__HYPERVISOR_iret)
.Lrestore_kernel_regs:
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	ret

/* void user_return(long code), in kernel mode on any stack below kernel_rsp */
	.globl user_return
user_return:
	mov kernel_rsp(%rip), %rsp
	mov %rdi, %rax
	jmp .Lrestore_kernel_regs

	.bss
	.balign 8
kernel_rsp:
	.skip 8
