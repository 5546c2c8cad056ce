/*
 * Switching processes: the next one's two L4s and the kernel stack Xen
 * bounces its user-mode entries to, in one multicall (native: mov %cr3 and
 * the TSS's rsp0), then its FPU state and kernel stack. exec switches
 * only the L4s.
 */
#include "hypercall.h"
#include "lib.h"
#include "mm.h"
#include "pgtable.h"
#include "printk.h"
#include "proc.h"
#include "xenpv.h"

#define NR_BASEPTRS 2

/* Both of a space's L4s: Xen loads the user one on each return to user mode. */
static void baseptr_ops(const struct arch_aspace *as, struct mmuext_op ops[NR_BASEPTRS])
{
	ops[0] = (struct mmuext_op){ .cmd = MMUEXT_NEW_BASEPTR, .arg1.mfn = table_mfn(as->l4) };
	ops[1] = (struct mmuext_op){ .cmd = MMUEXT_NEW_USER_BASEPTR,
				     .arg1.mfn = table_mfn(as->user_l4) };
}

static void load_address_space(struct proc *next)
{
	struct mmuext_op ops[NR_BASEPTRS];
	multicall_entry_t calls[] = {
		{ .op = __HYPERVISOR_mmuext_op,
		  .args = { (unsigned long)ops, NR_BASEPTRS, 0, DOMID_SELF } },
		{ .op = __HYPERVISOR_stack_switch,
		  .args = { FLAT_KERNEL_SS, proc_kstack_top(next) } },
	};

	baseptr_ops(next->mm ? &next->mm->as : &kernel_as, ops);
	pt_sync();
	if (HYPERVISOR_multicall(calls, ARRAY_SIZE(calls)) || calls[0].result || calls[1].result)
		panic("switching to pid %d: multicall %ld, %ld", next->pid,
		      (long)calls[0].result, (long)calls[1].result);
}

/* The kernel stack stays: the process is the same. */
void arch_aspace_load(struct arch_aspace *as)
{
	struct mmuext_op ops[NR_BASEPTRS];

	baseptr_ops(as, ops);
	pt_sync();
	mmuext_ops(ops, NR_BASEPTRS);
}

/* Only user processes have FPU state; the kernel never touches it. */
void arch_switch_to(struct proc *prev, struct proc *next)
{
	load_address_space(next);
	if (prev->mm)
		fpu_save(&prev->ctx);
	if (next->mm)
		fpu_restore(&next->ctx);
	context_switch(&prev->ctx.sp, next->ctx.sp);
}

void arch_uregs_init(struct uregs *r, uintptr_t entry, uintptr_t user_sp)
{
	/* error_code carries the iret hypercall's flags: a full register restore. */
	*r = (struct uregs){
		.rip = entry,
		.cs = FLAT_USER_CS,
		.rflags = X86_EFLAGS_IF,
		.rsp = user_sp,
		.ss = FLAT_USER_SS,
	};
}
