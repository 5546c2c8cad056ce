/*
 * The image header Xen's domain builder reads (pv-abi.md §1.1), the entry
 * point, and the pages Xen fills in or the kernel maps over.
 */
#include <xen/elfnote.h>

#include "layout.h"

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

	elfnote XEN_ELFNOTE_GUEST_OS, .asciz "Xenith-kernel"
	elfnote XEN_ELFNOTE_GUEST_VERSION, .asciz "0.1"
	elfnote XEN_ELFNOTE_XEN_VERSION, .asciz "xen-3.0"
	elfnote XEN_ELFNOTE_LOADER, .asciz "generic"
	elfnote XEN_ELFNOTE_PAE_MODE, .asciz "yes"
	/* PFN i of the initial mapping is at KERNBASE + i*4K: the image's
	 * load addresses (p_paddr) are its offsets from KERNBASE. */
	elfnote XEN_ELFNOTE_VIRT_BASE, .quad KERNBASE
	elfnote XEN_ELFNOTE_PADDR_OFFSET, .quad 0
	elfnote XEN_ELFNOTE_ENTRY, .quad _start
	elfnote XEN_ELFNOTE_HYPERCALL_PAGE, .quad hypercall_page

	.section .text.head, "ax"
	.globl _start
/* The builder's boot stack lies among its page tables, which are freed. */
_start:
	mov $boot_stack_top, %rsp
	mov %rsi, %rdi
	call xenpv_start
	ud2

/* int3 everywhere: a hypervisor that never wrote it traps at once. */
	.balign 4096
	.globl hypercall_page
hypercall_page:
	.fill 4096, 1, 0xcc

	.bss
	.balign 4096
	.globl shared_info_page
shared_info_page:
	.skip 4096
/* A domU's console ring goes over this page (console.c). */
	.globl console_ring_page
console_ring_page:
	.skip 4096
/* The xenstore ring: a domU's goes over this page, dom0 offers it (xenbus.c). */
	.globl store_ring_page
store_ring_page:
	.skip 4096
/* The idle thread's kernel stack. */
	.globl boot_stack, boot_stack_top
boot_stack:
	.skip KSTACK_SIZE
boot_stack_top:
