/*
 * Entry points Xen bounces to. Its frame holds rcx and r11 below the
 * interrupted rip (pv-abi.md 2.5); we pop them back, give every entry the
 * same struct frame, and leave through the iret hypercall, which wants the
 * iret frame plus a flags word under the rax, r11 and rcx its stub pushes.
 */
#include <xen/xen.h>

#include "frame.h"

#define HYPERCALL_STUB(nr) (hypercall_page + (nr) * 32)

.macro entry name, vector, has_error_code
	.globl \name
\name:
	pop %rcx
	pop %r11
	.if \has_error_code == 0
	push $0
	.endif
	push $\vector
	jmp entry_common
.endm

	.text
	entry exc_divide_error, 0, 0
	entry exc_debug, 1, 0
	entry exc_int3, 3, 0
	entry exc_overflow, 4, 0
	entry exc_bounds, 5, 0
	entry exc_invalid_op, 6, 0
	entry exc_device_not_available, 7, 0
	entry exc_double_fault, 8, 1
	entry exc_invalid_tss, 10, 1
	entry exc_segment_not_present, 11, 1
	entry exc_stack_segment, 12, 1
	entry exc_general_protection, 13, 1
	entry exc_page_fault, 14, 1
	entry exc_fpu_error, 16, 0
	entry exc_alignment_check, 17, 1
	entry exc_machine_check, 18, 0
	entry exc_simd_error, 19, 0
	entry event_callback, VECTOR_EVENT, 0
	entry syscall_callback, VECTOR_SYSCALL, 0

entry_common:
	push %rax
	push %rbx
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %rbp
	push %r8
	push %r9
	push %r10
	push %r11
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rsp, %rdi
	cld
	call entry_dispatch
	mov %rax, FRAME_ERROR_CODE_OFFSET(%rsp)
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rbp
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rbx
	pop %rax
	add $8, %rsp
	jmp HYPERCALL_STUB(__HYPERVISOR_iret)

/* Segment reloads are never expected to fail; report it and stop. */
	.globl failsafe_callback
failsafe_callback:
	and $~15, %rsp
	call failsafe_fatal
	ud2
