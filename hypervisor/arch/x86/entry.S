/*
 * Every way into the hypervisor and back out. Each entry builds a
 * struct cpu_user_regs (Xen's public layout) on the stack: from ring 3 it
 * lands at the top of the CPU's stack (TSS.RSP0, or the syscall entry's
 * own switch), which is where guest_regs() finds the guest's state.
 *
 * %gs: in ring 0 it holds the per-CPU block; while a guest runs, the
 * guest's own base. Entries from ring 3 swap it first, exits back swap it
 * last, and nothing in between may fault with the guest's %gs loaded.
 */
#include "config.h"
#include "entry_offsets.h"
#include <xen/xen.h>

#define REGS_CS       (16*8 + 8)       /* offsetof(cpu_user_regs, cs) */
#define TRAP_syscall  256
#define X86_EXC_UD    6

.macro SAVE_ALL
	push	%rdi
	push	%rsi
	push	%rdx
	push	%rcx
	push	%rax
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	push	%rbx
	push	%rbp
	push	%r12
	push	%r13
	push	%r14
	push	%r15
.endm

.macro RESTORE_ALL
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbp
	pop	%rbx
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rax
	pop	%rcx
	pop	%rdx
	pop	%rsi
	pop	%rdi
.endm

	.text

/* syscall: from guest kernel mode a hypercall, from guest user mode a
 * system call for the guest kernel. RFLAGS.IF is clear (SFMASK). */
	.global syscall_entry
syscall_entry:
	swapgs
	movq	%rsp, %gs:PCPU_SCRATCH_RSP
	movq	%gs:PCPU_FRAME_TOP, %rsp
	pushq	$FLAT_KERNEL_SS
	pushq	%gs:PCPU_SCRATCH_RSP
	pushq	%r11
	pushq	$FLAT_KERNEL_CS
	pushq	%rcx
	pushq	$0
	movl	$TRAP_syscall, 4(%rsp)
	SAVE_ALL
	movq	%rsp, %rdi
	call	do_syscall
	jmp	exit_to_guest

/* syscall from compat mode is not supported: the guest gets #UD at the
 * syscall instruction itself. */
	.global syscall32_entry
syscall32_entry:
	swapgs
	movq	%rsp, %gs:PCPU_SCRATCH_RSP
	movq	%gs:PCPU_FRAME_TOP, %rsp
	subq	$2, %rcx
	pushq	$FLAT_RING3_SS32
	pushq	%gs:PCPU_SCRATCH_RSP
	pushq	%r11
	pushq	$FLAT_RING3_CS32
	pushq	%rcx
	pushq	$0
	movl	$X86_EXC_UD, 4(%rsp)
	SAVE_ALL
	movq	%rsp, %rdi
	call	do_interrupt
	jmp	exit_to_guest

.macro VECTOR vec, has_err
	.align 16
	.if \has_err == 0
	pushq	$0
	.endif
	movl	$\vec, 4(%rsp)
	jmp	common_interrupt
.endm

	.align 16
	.global vector_stubs
vector_stubs:
	.set vec, 0
	.rept 256
	.if vec == 8 || (vec >= 10 && vec <= 14) || vec == 17 || vec == 21 || vec == 29 || vec == 30
	VECTOR vec, 1
	.else
	VECTOR vec, 0
	.endif
	.set vec, vec + 1
	.endr

common_interrupt:
	testb	$3, 16(%rsp)
	jz	1f
	swapgs
	/* The guest's RFLAGS.AC must not switch SMAP off in here (syscall
	 * clears it through SFMASK). */
661:	.byte	0x0f, 0x01, 0xca
	.pushsection .smap_sites, "a"
	.balign	8
	.quad	661b
	.popsection
1:	cld
	SAVE_ALL
	movq	%rsp, %rdi
	call	do_interrupt
	testb	$3, REGS_CS(%rsp)
	jnz	exit_to_guest
	RESTORE_ALL
	addq	$8, %rsp
	iretq

/* Leaves for the guest whose frame is at the top of this CPU's stack,
 * after delivering any event it is owed. Interrupts stay off from the
 * last check to the iretq so that no event is left undelivered. */
	.global return_to_guest
return_to_guest:
	movq	%gs:PCPU_FRAME_TOP, %rsp
	subq	$(REGS_CS + 4*8), %rsp
exit_to_guest:
	cli
	movq	%rsp, %rdi
	call	guest_exit_work
	testl	%eax, %eax
	jnz	exit_sysret
	RESTORE_ALL
	addq	$8, %rsp
	swapgs
1:	iretq

/* The iretq can still fault if the guest pulled its code or stack segment
 * out of its GDT since it was checked: the domain crashes, the
 * hypervisor does not. We arrive in ring 0 with the guest's %gs. */
2:	swapgs
	call	guest_iret_fault
	.pushsection .ex_table, "a"
	.balign	8
	.quad	1b, 2b
	.popsection

/* The cheaper way back when the frame is what sysret restores anyway
 * (guest_exit_work checked: rcx = rip, r11 = rflags, flat 64-bit cs and
 * ss, a canonical rip). Interrupts stay off until the guest runs. */
exit_sysret:
	RESTORE_ALL
	movq	8 + 3*8(%rsp), %rsp          /* the guest's rsp, from the frame */
	swapgs
	sysretq
