/*
 * Hypercalls through the page the hypervisor filled in: stub i sits at
 * offset 32*i and takes its arguments in rdi, rsi, rdx, r10, r8.
 */
#ifndef GUEST_HYPERCALL_H
#define GUEST_HYPERCALL_H

#include "xen.h"

extern char hypercall_page[];

/*
 * Xen's debug builds poison the argument registers on the way out, so they
 * are all treated as clobbered; rcx and r11 are too, in case a hypervisor's
 * stubs do not preserve them as Xen's do.
 */
#define HYPERCALL_ASM(insn, ...)                                             \
	register unsigned long r10 asm("r10") = a4;                          \
	register unsigned long r8 asm("r8") = a5;                            \
	long ret;                                                            \
	asm volatile(insn                                                    \
		     : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10),   \
		       "+r"(r8)                                              \
		     : __VA_ARGS__                                           \
		     : "rcx", "r11", "memory");                              \
	return ret

static inline __attribute__((always_inline)) long
hypercall(unsigned int nr, unsigned long a1, unsigned long a2,
	  unsigned long a3, unsigned long a4, unsigned long a5)
{
	HYPERCALL_ASM("call hypercall_page + %c[offset]", [offset] "i"(nr * 32));
}

/* For numbers only known at run time, as in the bad-argument tables. */
static inline long hypercall_by_number(unsigned int nr, unsigned long a1,
				       unsigned long a2, unsigned long a3,
				       unsigned long a4, unsigned long a5)
{
	HYPERCALL_ASM("call *%[stub]", [stub] "r"(hypercall_page + nr * 32));
}

/* A bare syscall from kernel mode, as Linux issues since it dropped the page. */
static inline long hypercall_syscall(unsigned long nr, unsigned long a1,
				     unsigned long a2, unsigned long a3,
				     unsigned long a4, unsigned long a5)
{
	HYPERCALL_ASM("syscall", "a"(nr));
}

#define HC(nr, a1, a2, a3, a4, a5)                                           \
	hypercall(nr, (unsigned long)(a1), (unsigned long)(a2),              \
		  (unsigned long)(a3), (unsigned long)(a4), (unsigned long)(a5))

static inline long HYPERVISOR_console_io(int cmd, int count, const void *buf)
{
	return HC(__HYPERVISOR_console_io, cmd, count, buf, 0, 0);
}

static inline long HYPERVISOR_sched_op(int cmd, void *arg)
{
	return HC(__HYPERVISOR_sched_op, cmd, arg, 0, 0, 0);
}

static inline long HYPERVISOR_xen_version(int cmd, void *arg)
{
	return HC(__HYPERVISOR_xen_version, cmd, arg, 0, 0, 0);
}

static inline long HYPERVISOR_set_trap_table(const trap_info_t *table)
{
	return HC(__HYPERVISOR_set_trap_table, table, 0, 0, 0, 0);
}

static inline long HYPERVISOR_set_callbacks(void (*event)(void),
					    void (*failsafe)(void),
					    void (*syscall)(void))
{
	return HC(__HYPERVISOR_set_callbacks, event, failsafe, syscall, 0, 0);
}

static inline long HYPERVISOR_update_va_mapping(unsigned long va,
						uint64_t pte,
						unsigned long flags)
{
	return HC(__HYPERVISOR_update_va_mapping, va, pte, flags, 0, 0);
}

static inline long HYPERVISOR_mmu_update(mmu_update_t *reqs,
					 unsigned int count,
					 unsigned int *done, domid_t dom)
{
	return HC(__HYPERVISOR_mmu_update, reqs, count, done, dom, 0);
}

static inline long HYPERVISOR_memory_op(unsigned int cmd, void *arg)
{
	return HC(__HYPERVISOR_memory_op, cmd, arg, 0, 0, 0);
}

static inline long HYPERVISOR_mmuext_op(struct mmuext_op *ops,
					unsigned int count,
					unsigned int *done, domid_t dom)
{
	return HC(__HYPERVISOR_mmuext_op, ops, count, done, dom, 0);
}

static inline long HYPERVISOR_event_channel_op(int cmd, void *arg)
{
	return HC(__HYPERVISOR_event_channel_op, cmd, arg, 0, 0, 0);
}

static inline long HYPERVISOR_set_timer_op(uint64_t timeout)
{
	return HC(__HYPERVISOR_set_timer_op, timeout, 0, 0, 0, 0);
}

static inline long HYPERVISOR_grant_table_op(unsigned int cmd, void *uop,
					     unsigned int count)
{
	return HC(__HYPERVISOR_grant_table_op, cmd, uop, count, 0, 0);
}

static inline long HYPERVISOR_vcpu_op(int cmd, unsigned int vcpu, void *arg)
{
	return HC(__HYPERVISOR_vcpu_op, cmd, vcpu, arg, 0, 0);
}

static inline long HYPERVISOR_physdev_op(int cmd, void *arg)
{
	return HC(__HYPERVISOR_physdev_op, cmd, arg, 0, 0, 0);
}

static inline long HYPERVISOR_domctl(struct xen_domctl *op)
{
	return HC(__HYPERVISOR_domctl, op, 0, 0, 0, 0);
}

static inline long HYPERVISOR_sysctl(struct xen_sysctl *op)
{
	return HC(__HYPERVISOR_sysctl, op, 0, 0, 0, 0);
}

static inline long HYPERVISOR_multicall(multicall_entry_t *calls,
					unsigned int count)
{
	return HC(__HYPERVISOR_multicall, calls, count, 0, 0, 0);
}

#endif
