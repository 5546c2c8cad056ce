/*
 * Image header of a PV64 test guest: the Xen ELF notes the domain builder
 * reads, the entry point, and the pages the hypervisor fills in for us.
 */
#include <xen/elfnote.h>

.macro elfnote type, desc:vararg
	.pushsection .note.Xen, "a", @note
	.balign 4
	.long 2f - 1f
	.long 4f - 3f
	.long \type
1:	.asciz "Xen"
2:	.balign 4
3:	\desc
4:	.balign 4
	.popsection
.endm

	elfnote XEN_ELFNOTE_GUEST_OS, .asciz "Xenith-test-guest"
	elfnote XEN_ELFNOTE_GUEST_VERSION, .asciz "1"
	elfnote XEN_ELFNOTE_XEN_VERSION, .asciz "xen-3.0"
	elfnote XEN_ELFNOTE_LOADER, .asciz "generic"
	elfnote XEN_ELFNOTE_PAE_MODE, .asciz "yes"
	elfnote XEN_ELFNOTE_VIRT_BASE, .quad 0
	elfnote XEN_ELFNOTE_ENTRY, .quad _start
	elfnote XEN_ELFNOTE_HYPERCALL_PAGE, .quad hypercall_page

	.section .text.head, "ax"
	.code64
	.globl _start
/* The builder's boot stack sits among its page tables; leave it at once. */
_start:
	mov $boot_stack_top, %rsp
	mov %rsi, %rdi
	call guest_start
	ud2

/* Filled with int3 so that a hypervisor which never wrote it traps at once. */
	.balign 4096
	.globl hypercall_page
hypercall_page:
	.fill 4096, 1, 0xcc

	.bss
	.balign 4096
	.globl shared_info_page
shared_info_page:
	.skip 4096
boot_stack:
	.skip 16384
boot_stack_top:
