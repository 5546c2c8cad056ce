/* Exceptions and interrupts: vectors, the fixup table, guest bounces. */
#ifndef XENITH_TRAPS_H
#define XENITH_TRAPS_H

#include "lib.h"
#include <xen/xen.h>

#define X86_EXC_DE   0
#define X86_EXC_DB   1
#define X86_EXC_NMI  2
#define X86_EXC_BP   3
#define X86_EXC_OF   4
#define X86_EXC_UD   6
#define X86_EXC_NM   7
#define X86_EXC_DF   8
#define X86_EXC_NP   11
#define X86_EXC_SS   12
#define X86_EXC_GP   13
#define X86_EXC_PF   14
#define X86_NR_EXC   32

#define TIMER_VECTOR    0xf0
#define EVENT_CHECK_VECTOR 0xf1     /* another CPU made a vCPU here runnable */
#define FLUSH_VECTOR    0xf2        /* another CPU asks for a TLB flush */
#define SPURIOUS_VECTOR 0xff
#define TRAP_syscall    256

/* Error-code bits of #GP/#NP/#SS for a fault raised by an IDT lookup. */
#define ERR_IDT         (1u << 1)
#define PFEC_USER       (1u << 2)

/* An instruction in the hypervisor that may fault on guest memory, and
 * where to continue when it does. */
struct ex_entry {
	unsigned long insn, fixup;
};

bool search_ex_table(struct cpu_user_regs *regs);
void __noreturn fatal_trap(const struct cpu_user_regs *regs, const char *why);

/* Guest-visible exceptions and events (arch/x86/pv_traps.c). */
struct vcpu;
void pv_inject_exception(struct vcpu *v, unsigned int vector, int error_code);
void pv_inject_softint(struct vcpu *v, unsigned int vector);
void pv_bounce_syscall(struct vcpu *v);
void pv_trap_from_guest(struct cpu_user_regs *regs);
void toggle_guest_mode(struct vcpu *v);
/* Loads the L4 of the mode v is in, and the %gs base the exit swapgs restores. */
void load_guest_mode(const struct vcpu *v);

#endif
