/*
 * Switching processes: the next one's page tables (mov %cr3) and the
 * kernel stack its user-mode entries land on (TSS.rsp0), then its FPU
 * state and kernel stack. (On Xen: one multicall of mmuext_op and
 * stack_switch.) exec switches only the page tables.
 */
#include "cpu.h"
#include "mm.h"
#include "native.h"
#include "proc.h"
#include "segments.h"

void arch_aspace_load(struct arch_aspace *as)
{
	WRITE_CR(3, as->l4);
}

/* The idle thread runs on the kernel's tables, so that a dead process's
 * can be freed while it runs. Only user processes have FPU state. */
void arch_switch_to(struct proc *prev, struct proc *next)
{
	arch_aspace_load(next->mm ? &next->mm->as : &kernel_as);
	tss_set_kernel_stack(proc_kstack_top(next));
	if (prev->mm)
		fpu_save(&prev->ctx);
	if (next->mm)
		fpu_restore(&next->ctx);
	context_switch(&prev->ctx.sp, next->ctx.sp);
}

void arch_uregs_init(struct uregs *r, uintptr_t entry, uintptr_t user_sp)
{
	*r = (struct uregs){
		.rip = entry,
		.cs = USER_CS,
		.rflags = X86_EFLAGS_IF,
		.rsp = user_sp,
		.ss = USER_DS,
	};
}
