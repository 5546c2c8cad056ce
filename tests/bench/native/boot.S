/*
 * Multiboot v1 entry: QEMU's -kernel starts us in 32-bit protected mode
 * with paging off. Identity-map the first GiB (user-accessible, so that the
 * ring-3 half of the syscall round trip runs from this same image), enter
 * long mode and call kmain().
 */
#include "segments.h"

#define MB_MAGIC	0x1badb002
#define MB_FLAGS	0
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define MSR_EFER	0xc0000080
#define EFER_LME	(1 << 8)
#define PTE_PUW		0x07	/* present, writable, user */
#define PTE_PS		0x80

	.section .multiboot, "a"
	.balign 4
	.long MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

	.text
	.code32
	.globl _start
_start:
	mov	$boot_stack_top, %esp
	mov	$pml4, %eax
	mov	%eax, %cr3
	mov	%cr4, %eax
	or	$CR4_PAE, %eax
	mov	%eax, %cr4
	mov	$MSR_EFER, %ecx
	rdmsr
	or	$EFER_LME, %eax
	wrmsr
	mov	%cr0, %eax
	or	$CR0_PG, %eax
	mov	%eax, %cr0
	lgdt	gdt_ptr
	ljmp	$KERNEL_CS, $long_mode

	.code64
long_mode:
	mov	$KERNEL_DS, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	xor	%eax, %eax
	mov	%eax, %fs
	mov	%eax, %gs
	mov	$boot_stack_top, %rsp
	call	kmain
1:	hlt
	jmp	1b

	.section .rodata
gdt_ptr:
	.word	GDT_ENTRIES * 8 - 1
	.long	gdt

	.data
	.balign 4096
	.globl	pml4, pd	/* mmu.c hooks an L1 into pd and copies pml4 */
pml4:
	.quad	pdpt + PTE_PUW
	.fill	511, 8, 0
pdpt:
	.quad	pd + PTE_PUW
	.fill	511, 8, 0
pd:
	.set	addr, 0
	.rept	512
	.quad	addr + PTE_PUW + PTE_PS
	.set	addr, addr + (1 << 21)
	.endr

	.bss
	.balign 16
	.space	16384
	.globl	boot_stack_top
boot_stack_top:
