/* Test-and-test-and-set spinlocks. Hypervisor code runs with interrupts
 * off, so no lock is ever taken from an interrupt it interrupted. */
#ifndef XENITH_SPINLOCK_H
#define XENITH_SPINLOCK_H

#include "x86.h"

typedef struct { volatile int locked; } spinlock_t;

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (l->locked)
			cpu_relax();
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif
