/*
 * One kernel -> user -> kernel round trip: sysretq to a ring-3 stub that
 * only issues syscall. sysret and syscall leave %rsp alone, so the kernel
 * side does the least any syscall entry must: leave the kernel stack before
 * ring 3 runs and take it back on entry.
 */
#include "segments.h"

#define RFLAGS_USER 0x002	/* IF clear: no interrupt lands in a region */

	.text
	.globl	user_roundtrip
user_roundtrip:
	mov	%rsp, kernel_rsp(%rip)
	lea	user_stub(%rip), %rcx
	mov	$RFLAGS_USER, %r11d
	lea	user_stack_top(%rip), %rsp
	sysretq

user_stub:
	syscall

	.globl	syscall_entry
syscall_entry:
	mov	kernel_rsp(%rip), %rsp
	ret

	.bss
	.balign	8
kernel_rsp:
	.quad	0
	.balign	16
	.space	4096
user_stack_top:
