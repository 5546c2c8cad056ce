/*
 * Multiboot entry. The loader leaves us in 32-bit protected mode with
 * paging off at the image's machine address; we build just enough page
 * tables to enter long mode and jump to the image's link address, and
 * start_xenith() builds the real ones.
 */
#include "config.h"

#define PHYS(x)        ((x) - XEN_VIRT_START)
#define MB_MAGIC       0x1badb002
#define MB_FLAGS       0x00000003      /* page-aligned modules, memory map */
#define MB_BOOT_MAGIC  0x2badb002

#define CR0_PE         (1 << 0)
#define CR0_WP         (1 << 16)
#define CR0_PG         (1 << 31)
#define CR4_PAE        (1 << 5)
#define MSR_EFER       0xc0000080
#define EFER_LME       (1 << 8)
#define PDE_TABLE      0x003           /* present, writable */
#define PDE_2M         0x083           /* present, writable, 2 MiB page */

	.section .text.head, "ax"
	.code32
	.align 4
multiboot_header:
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

	.global start
start:
	cli
	cld
	mov	%ebx, %ebp
	cmp	$MB_BOOT_MAGIC, %eax
	jne	not_multiboot

	mov	$PHYS(__bss_start), %edi
	mov	$PHYS(__bss_end), %ecx
	sub	%edi, %ecx
	shr	$2, %ecx
	xor	%eax, %eax
	rep stosl

	/* One L2 of 2 MiB pages covers the first GiB; it is mapped both at
	 * 0 (so this code keeps running when paging comes on) and at
	 * XEN_VIRT_START (where the image is linked). */
	mov	$PHYS(boot_l2), %edi
	mov	$PDE_2M, %eax
	xor	%ecx, %ecx
1:	mov	%eax, (%edi,%ecx,8)
	add	$0x200000, %eax
	inc	%ecx
	cmp	$512, %ecx
	jb	1b

	movl	$PHYS(boot_l2) + PDE_TABLE, PHYS(boot_l3_low)
	movl	$PHYS(boot_l2) + PDE_TABLE, PHYS(boot_l3_high) + 8 * ((XEN_VIRT_START >> 30) & 511)
	movl	$PHYS(boot_l3_low) + PDE_TABLE, PHYS(idle_l4)
	movl	$PHYS(boot_l3_high) + PDE_TABLE, PHYS(idle_l4) + 8 * ((XEN_VIRT_START >> 39) & 511)

	mov	%cr4, %eax
	or	$CR4_PAE, %eax
	mov	%eax, %cr4
	mov	$PHYS(idle_l4), %eax
	mov	%eax, %cr3
	mov	$MSR_EFER, %ecx
	rdmsr
	or	$EFER_LME, %eax
	wrmsr
	mov	%cr0, %eax
	or	$(CR0_PE | CR0_WP | CR0_PG), %eax
	mov	%eax, %cr0

	lgdt	PHYS(boot_gdtr)
	ljmp	$0x08, $PHYS(start64)

not_multiboot:
	hlt
	jmp	not_multiboot

	.code64
start64:
	mov	$0x10, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	xor	%eax, %eax
	mov	%eax, %fs
	mov	%eax, %gs
	movabs	$cpu_stacks + STACK_SIZE - GUEST_FRAME_RESERVE, %rsp
	movabs	$start_high, %rax
	jmp	*%rax
start_high:
	mov	%ebp, %edi
	xor	%ebp, %ebp
	call	start_xenith
	ud2

	.align 8
boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff        /* 0x08: 64-bit ring-0 code */
	.quad 0x00cf92000000ffff        /* 0x10: ring-0 data */
boot_gdt_end:
boot_gdtr:
	.word boot_gdt_end - boot_gdt - 1
	.long PHYS(boot_gdt)

	.section .bss.page_aligned, "aw", @nobits
	.align 4096
	.global idle_l4, boot_l3_high, boot_l2
idle_l4:	.skip 4096
boot_l3_low:	.skip 4096
boot_l3_high:	.skip 4096
boot_l2:	.skip 4096
