/* Test-and-test-and-set spinlocks. Hypervisor code runs with interrupts
 * off, so no lock is ever taken from an interrupt it interrupted; a CPU
 * spinning here still serves TLB-flush requests (arch/x86/tlb_flush.c),
 * which the lock's holder may be waiting for. */
#ifndef XENITH_SPINLOCK_H
#define XENITH_SPINLOCK_H

#include "x86.h"

typedef struct { volatile int locked; } spinlock_t;

void tlb_flush_service(void);

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (l->locked) {
			tlb_flush_service();
			cpu_relax();
		}
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif
