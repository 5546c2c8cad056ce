/*
 * The multiboot entry. The header uses the a.out kludge: it names the
 * load addresses itself, so QEMU's -kernel and GRUB load this ELF64 file
 * as a flat image (as ELF they take only ELF32), and the one file is both
 * what boots and what the debugger reads.
 *
 * The loader starts _start in 32-bit protected mode with paging off, at
 * its physical address, with the loader's magic in eax and the multiboot
 * information in ebx. The boot tables map the first GiB three times: at
 * 0, where this code runs until it jumps up; at KERNBASE, the image; at
 * PHYSMAP_BASE, where the kernel reads the loader's data and builds its
 * own tables.
 */
#include "layout.h"
#include "multiboot.h"
#include "segments.h"

#define PA(x) ((x) - KERNBASE)
#define MB_FLAGS (MB_HEADER_PAGE_ALIGN | MB_HEADER_MEMORY_INFO | MB_HEADER_AOUT_KLUDGE)
#define CR0_PG (1 << 31)
#define CR4_PAE (1 << 5)
#define MSR_EFER 0xc0000080
#define EFER_LME (1 << 8)
#define BOOT_TABLE 0x3          /* present, writable */
#define BOOT_LARGE_PAGE 0x83    /* present, writable, 2 MiB */
#define L4_SLOT(va) (((va) >> 39) & 511)
#define L3_SLOT(va) (((va) >> 30) & 511)

	.section .multiboot, "a"
	.balign 4
mb_header:
	.long MB_HEADER_MAGIC, MB_FLAGS, -(MB_HEADER_MAGIC + MB_FLAGS)
	/* header, load start, load end, bss end, entry */
	.long PA(mb_header), PA(__image_start), PA(__load_end), PA(__image_end), PA(_start)

	.section .text.head, "ax"
	.code32
	.globl _start
_start:
	mov %eax, %edi
	mov %ebx, %esi
	mov $PA(boot_l4), %eax
	mov %eax, %cr3
	mov %cr4, %eax
	or $CR4_PAE, %eax
	mov %eax, %cr4
	mov $MSR_EFER, %ecx
	rdmsr
	or $EFER_LME, %eax
	wrmsr
	mov %cr0, %eax
	or $CR0_PG, %eax
	mov %eax, %cr0
	lgdt PA(boot_gdtr)
	ljmp $KERNEL_CS, $PA(long_mode)

	.code64
long_mode:
	mov $high, %rax
	jmp *%rax
high:
	mov $KERNEL_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	xor %eax, %eax
	mov %eax, %fs
	mov %eax, %gs
	mov $boot_stack + KSTACK_SIZE, %rsp
	/* native_start(magic, info): both still in edi and esi. */
	call native_start
	ud2

	.section .rodata
/* gdt.c's table, until gdt_init() loads it at its virtual address. */
boot_gdtr:
	.word GDT_ENTRIES * 8 - 1
	.long PA(gdt)

	.data
	.balign 4096
boot_l4:
	.quad PA(boot_l3_low) + BOOT_TABLE
	.fill L4_SLOT(PHYSMAP_BASE) - 1, 8, 0
	.quad PA(boot_l3_low) + BOOT_TABLE
	.fill 510 - L4_SLOT(PHYSMAP_BASE), 8, 0
	.quad PA(boot_l3_high) + BOOT_TABLE
boot_l3_low:
	.quad PA(boot_l2) + BOOT_TABLE
	.fill 511, 8, 0
boot_l3_high:
	.fill L3_SLOT(KERNBASE), 8, 0
	.quad PA(boot_l2) + BOOT_TABLE
	.fill 511 - L3_SLOT(KERNBASE), 8, 0
boot_l2:
	.set addr, 0
	.rept 512
	.quad addr + BOOT_LARGE_PAGE
	.set addr, addr + (1 << 21)
	.endr

	.bss
	.balign 4096
/* The idle thread's kernel stack. */
	.globl boot_stack
boot_stack:
	.skip KSTACK_SIZE
