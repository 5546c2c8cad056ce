/*
 * Where Xen bounces exceptions, events and user system calls. Its frame
 * (pv-abi.md §2.5) is rcx, r11, [error code], rip, cs, rflags, rsp, ss:
 * each stub pops rcx and r11 back into their registers, pushes the rest of
 * a struct uregs and calls trap_dispatch(). The way out is the iret
 * hypercall, whose stub wants the frame from rip up with its flags word
 * below: that is the error-code slot, where trap_dispatch's return lands.
 */
#include <xen/xen.h>

#include "exception_stubs.h"
#include "uregs.h"
#include "vectors.h"

#define IRET_STUB (hypercall_page + __HYPERVISOR_iret * 32)

.macro stub name, vector, has_error_code
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
	exception_stubs
	stub event_callback, VECTOR_EVENT, 0
	stub syscall_callback, VECTOR_SYSCALL, 0

entry_common:
	save_registers
	mov %rsp, %rdi
	cld
	call trap_dispatch
	mov %rax, UREGS_ERROR_CODE(%rsp)
	jmp leave_to_guest

/* void arch_enter_user(struct uregs *r): r->error_code holds the flags. */
	.globl arch_enter_user
arch_enter_user:
	mov %rdi, %rsp
leave_to_guest:
	restore_registers
	add $8, %rsp
	jmp IRET_STUB

/* A segment reload on the way to the guest failed: nothing here sets any. */
	.globl failsafe_callback
failsafe_callback:
	and $~15, %rsp
	call failsafe_fatal
	ud2
