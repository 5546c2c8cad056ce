/*
 * A secondary CPU's first instructions. The SIPI starts it in real mode at
 * TRAMPOLINE_BASE (CS = TRAMPOLINE_BASE >> 4, IP = 0), where smp.c copied
 * this block; it climbs to protected mode, then to long mode on the page
 * table named in the parameter block, and calls the C entry on the CPU's
 * own stack. The code runs at TRAMPOLINE_BASE, not where it is linked:
 * every address in it is TRAMP(label), a difference of two labels of this
 * section, which the assembler resolves itself and leaves no relocation for.
 */
#include "trampoline.h"

#define TRAMP(x)       ((x) - trampoline_start + TRAMPOLINE_BASE)
#define PARAM(off)     TRAMP(trampoline_params + (off))

#define CR0_PE         (1 << 0)
#define CR0_WP         (1 << 16)
#define CR0_NW         (1 << 29)
#define CR0_CD         (1 << 30)
#define CR0_PG         (1 << 31)
#define CR4_PAE        (1 << 5)
#define MSR_EFER       0xc0000080

#define CS32           0x08
#define DS32           0x10
#define CS64           0x18

	/* Copied, never run where it is linked. */
	.section .rodata.trampoline, "a"
	.align 16
	.code16
	.global trampoline_start
trampoline_start:
	cli
	cld
	mov	%cs, %ax
	mov	%ax, %ds
	lgdtl	trampoline_gdtr - trampoline_start
	/* INIT leaves the caches disabled (CD, NW): turn them back on. */
	mov	%cr0, %eax
	and	$~(CR0_CD | CR0_NW) & 0xffffffff, %eax
	or	$CR0_PE, %eax
	mov	%eax, %cr0
	ljmpl	$CS32, $TRAMP(start32)

	.code32
start32:
	mov	$DS32, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	mov	%cr4, %eax
	or	$CR4_PAE, %eax
	mov	%eax, %cr4
	mov	PARAM(TP_CR3), %eax
	mov	%eax, %cr3
	mov	$MSR_EFER, %ecx
	rdmsr
	or	PARAM(TP_EFER), %eax
	wrmsr
	mov	%cr0, %eax
	or	$(CR0_WP | CR0_PG), %eax
	mov	%eax, %cr0
	ljmp	$CS64, $TRAMP(start64)

	/* %ds, %es and %ss keep DS32 until percpu_init() loads the CPU's GDT;
	 * the call leaves the stack aligned as the C ABI expects. */
	.code64
start64:
	xor	%eax, %eax
	mov	%eax, %fs
	mov	%eax, %gs
	mov	PARAM(TP_STACK), %rsp
	mov	PARAM(TP_CPU), %edi
	xor	%ebp, %ebp
	call	*PARAM(TP_ENTRY)
	ud2

	/* Accessed bits preset, so the CPU never writes to this GDT. */
	.align 8
trampoline_gdt:
	.quad 0
	.quad 0x00cf9b000000ffff        /* CS32: 32-bit ring-0 code */
	.quad 0x00cf93000000ffff        /* DS32: ring-0 data */
	.quad 0x00af9b000000ffff        /* CS64: 64-bit ring-0 code */
trampoline_gdtr:
	.word trampoline_gdtr - trampoline_gdt - 1
	.long TRAMP(trampoline_gdt)

	.align 8
	.global trampoline_params
trampoline_params:
	.skip TP_SIZE
	.global trampoline_end
trampoline_end:
