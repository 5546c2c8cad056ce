/*
 * The C ends of entry.S: every exception and interrupt reaches
 * trap_dispatch(), every system call syscall_trap(). The kernel runs with
 * interrupts off; they are on only in user mode and in arch_idle().
 */
#include "cpu.h"
#include "native.h"
#include "proc.h"
#include "sched.h"
#include "syscall.h"
#include "trap.h"
#include "vectors.h"

void trap_dispatch(struct uregs *r);
void trap_dispatch(struct uregs *r)
{
	switch (r->vector) {
	case VECTOR_TIMER:
		timer_interrupt();
		break;
	case VECTOR_SPURIOUS:
		/* Nothing happened, and the local APIC wants no EOI for it. */
		break;
	default:
		x86_exception(r, r->vector == X86_EXC_PF ? READ_CR(2) : 0);
	}
	if (uregs_user_mode(r))
		sched_return_to_user();
}

/*
 * sysretq to a non-canonical rip faults in ring 0 with the user's rsp
 * already loaded (on Intel CPUs), and iretq to one in ring 0 too; exec
 * may have set any entry point. A user-half rip is always canonical.
 * Returns whether sysretq may return (else iretq restores every register).
 */
bool syscall_trap(struct uregs *r);
bool syscall_trap(struct uregs *r)
{
	syscall_dispatch(r);
	sched_return_to_user();
	if (r->rip >= USER_END)
		proc_fatal_signal(SIGSEGV, "return to a kernel or non-canonical address", r->rip, 0);
	return uregs_sysret_ok(r);
}

/* sti holds interrupts off for one more instruction: none can slip in
 * between the caller's last check and the hlt, to be missed until the
 * next one. */
void arch_idle(void)
{
	asm volatile("sti; hlt; cli" : : : "memory");
}
