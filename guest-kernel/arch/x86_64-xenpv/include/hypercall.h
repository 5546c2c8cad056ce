/*
 * Hypercalls through the page Xen fills in (XEN_ELFNOTE_HYPERCALL_PAGE):
 * stub n sits at 32*n, takes rdi, rsi, rdx, r10, r8 and returns in rax.
 */
#ifndef HYPERCALL_H
#define HYPERCALL_H

#include "types.h"
#include "xen_public.h"

extern char hypercall_page[];

/* Debug builds of Xen poison the argument registers on the way out. */
static inline __attribute__((always_inline)) long
hypercall5(unsigned nr, unsigned long a1, unsigned long a2, unsigned long a3,
	   unsigned long a4, unsigned long a5)
{
	register unsigned long r10 asm("r10") = a4;
	register unsigned long r8 asm("r8") = a5;
	long ret;

	asm volatile("call hypercall_page + %c[offset]"
		     : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10), "+r"(r8)
		     : [offset] "i"(nr * 32)
		     : "rcx", "r11", "memory");
	return ret;
}

/* A hypercall whose number comes at run time (privcmd); nr < HYPERCALL_STUBS. */
#define HYPERCALL_STUBS (4096 / 32)
static inline long hypercall_by_number(unsigned nr, const unsigned long a[5])
{
	register unsigned long r10 asm("r10") = a[3];
	register unsigned long r8 asm("r8") = a[4];
	unsigned long a1 = a[0], a2 = a[1], a3 = a[2];
	long ret;

	asm volatile("call *%%rax"
		     : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10), "+r"(r8)
		     : "0"(hypercall_page + nr * 32)
		     : "rcx", "r11", "memory");
	return ret;
}

#define HYPERCALL(nr, a1, a2, a3, a4, a5)                                    \
	hypercall5(__HYPERVISOR_##nr, (unsigned long)(a1), (unsigned long)(a2), \
		   (unsigned long)(a3), (unsigned long)(a4), (unsigned long)(a5))

static inline long HYPERVISOR_console_io(int cmd, size_t count, const void *buf)
{
	return HYPERCALL(console_io, cmd, count, buf, 0, 0);
}

static inline long HYPERVISOR_sched_op(int cmd, void *arg)
{
	return HYPERCALL(sched_op, cmd, arg, 0, 0, 0);
}

static inline long HYPERVISOR_set_trap_table(const trap_info_t *table)
{
	return HYPERCALL(set_trap_table, table, 0, 0, 0, 0);
}

static inline long HYPERVISOR_callback_op(int cmd, const void *arg)
{
	return HYPERCALL(callback_op, cmd, arg, 0, 0, 0);
}

static inline long HYPERVISOR_update_va_mapping(unsigned long va, uint64_t pte,
						unsigned long flags)
{
	return HYPERCALL(update_va_mapping, va, pte, flags, 0, 0);
}

/* foreigndom: whose frames the new entries may name (DOMID_SELF: ours). */
static inline long HYPERVISOR_mmu_update_foreign(mmu_update_t *reqs, unsigned count,
						 unsigned *done, domid_t foreigndom)
{
	return HYPERCALL(mmu_update, reqs, count, done, foreigndom, 0);
}

static inline long HYPERVISOR_mmu_update(mmu_update_t *reqs, unsigned count,
					 unsigned *done)
{
	return HYPERVISOR_mmu_update_foreign(reqs, count, done, DOMID_SELF);
}

static inline long HYPERVISOR_mmuext_op(struct mmuext_op *ops, unsigned count,
					unsigned *done)
{
	return HYPERCALL(mmuext_op, ops, count, done, DOMID_SELF, 0);
}

static inline long HYPERVISOR_event_channel_op(int cmd, void *arg)
{
	return HYPERCALL(event_channel_op, cmd, arg, 0, 0, 0);
}

static inline long HYPERVISOR_set_timer_op(uint64_t deadline)
{
	return HYPERCALL(set_timer_op, deadline, 0, 0, 0, 0);
}

static inline long HYPERVISOR_vcpu_op(int cmd, unsigned vcpu, void *arg)
{
	return HYPERCALL(vcpu_op, cmd, vcpu, arg, 0, 0);
}

static inline long HYPERVISOR_multicall(multicall_entry_t *calls, unsigned count)
{
	return HYPERCALL(multicall, calls, count, 0, 0, 0);
}

#endif
