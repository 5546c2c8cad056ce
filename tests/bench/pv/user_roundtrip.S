/*
 * One guest kernel -> user -> kernel round trip: the iret hypercall to a
 * user stub that only issues syscall, which the hypervisor bounces to
 * bench_syscall_entry. Like the native kernel's, the kernel side only gives
 * up its stack and takes it back; the bounce frame lands on its own stack
 * (stack_switch), so it can be dropped.
 */
#include <xen/xen.h>

#define HYPERCALL_STUB(nr) (hypercall_page + (nr) * 32)

	.text
	.globl	bench_user_roundtrip
bench_user_roundtrip:
	mov	%rsp, kernel_rsp(%rip)
	push	$FLAT_USER_SS
	lea	user_stack_top(%rip), %rax
	push	%rax
	push	$0			/* rflags: IF clear keeps events masked */
	push	$FLAT_USER_CS
	lea	user_stub(%rip), %rax
	push	%rax
	push	$0			/* iret flags */
	jmp	HYPERCALL_STUB(__HYPERVISOR_iret)

user_stub:
	syscall

	.globl	bench_syscall_entry
bench_syscall_entry:
	mov	kernel_rsp(%rip), %rsp
	ret

	.bss
	.balign	16
kernel_rsp:
	.skip	16
	.skip	4096
	.globl	bounce_stack_top
bounce_stack_top:
	.skip	4096
user_stack_top:
