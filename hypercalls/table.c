/*
 * The hypercall table, indexed by __HYPERVISOR_* number. Empty slots are
 * hypercalls Xenith does not implement: they answer -ENOSYS, as Xen does
 * for numbers it does not know. A `syscall` is a hypercall only from guest
 * kernel mode; from guest user mode it is the guest's own system call.
 */
#include "arch.h"
#include "hypercalls.h"
#include "time.h"
#include "traps.h"
#include "x86.h"

#define HYPERCALL(name) [__HYPERVISOR_##name] = (hypercall_fn)(void (*)(void))do_##name

static const hypercall_fn hypercall_table[] = {
	HYPERCALL(set_trap_table),
	HYPERCALL(mmu_update),
	HYPERCALL(set_gdt),
	HYPERCALL(stack_switch),
	HYPERCALL(set_callbacks),
	HYPERCALL(fpu_taskswitch),
	HYPERCALL(update_descriptor),
	HYPERCALL(memory_op),
	HYPERCALL(multicall),
	HYPERCALL(update_va_mapping),
	HYPERCALL(update_va_mapping_otherdomain),
	HYPERCALL(set_timer_op),
	HYPERCALL(xen_version),
	HYPERCALL(console_io),
	HYPERCALL(iret),
	HYPERCALL(vcpu_op),
	HYPERCALL(set_segment_base),
	HYPERCALL(mmuext_op),
	HYPERCALL(sched_op),
	HYPERCALL(callback_op),
	HYPERCALL(event_channel_op),
	HYPERCALL(physdev_op),
	HYPERCALL(domctl),
	HYPERCALL(sysctl),
	HYPERCALL(vm_assist),
	HYPERCALL(event_channel_op_compat),
	HYPERCALL(physdev_op_compat),
	HYPERCALL(sched_op_compat),
	HYPERCALL(grant_table_op),
};

long hypercall_dispatch(unsigned long nr, const unsigned long args[6])
{
	if (nr >= ARRAY_SIZE(hypercall_table) || !hypercall_table[nr])
		return -ENOSYS;
	return hypercall_table[nr](args[0], args[1], args[2], args[3], args[4], args[5]);
}

/* A hypercall runs at most about a millisecond before it yields: then the
 * guest takes its interrupts and re-executes the syscall, whose argument
 * registers the hypercall has advanced. Inside a multicall there is no
 * register to advance, so it runs to the end. */
#define PREEMPT_AFTER_MS 1

bool hypercall_preempt_check(void)
{
	struct percpu *p = this_cpu();
	return !p->in_multicall && rdtsc() > p->preempt_tsc;
}

void do_syscall(struct cpu_user_regs *regs)
{
	struct vcpu *v = current_vcpu();
	unsigned long nr = regs->rax;

	if (!v->kernel_mode) {
		pv_bounce_syscall(v);
		return;
	}
	this_cpu()->preempt_tsc = rdtsc() + tsc_khz * PREEMPT_AFTER_MS;
	const unsigned long args[6] = { regs->rdi, regs->rsi, regs->rdx,
					regs->r10, regs->r8, regs->r9 };
	long rc = hypercall_dispatch(nr, args);
	if (rc == -ERESTART) {
		regs->rax = nr;
		regs->rip -= 2;              /* back onto the syscall instruction */
		return;
	}
	regs->rax = rc;
}
