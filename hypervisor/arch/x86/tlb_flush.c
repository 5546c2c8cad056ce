/*
 * Flushing every CPU's TLB. A frame leaving a type (page-type engine) may
 * still be reachable through a stale translation on any CPU that ran the
 * domain, so all of them flush before the frame takes its next type. The
 * CPUs asked are interrupted (FLUSH_VECTOR); one that waits with
 * interrupts off — for a lock, or for another CPU — serves its request in
 * its wait loop instead, so that two CPUs never wait on each other.
 */
#include "arch.h"
#include "spinlock.h"
#include "time.h"
#include "traps.h"
#include "x86.h"

static volatile bool flush_pending[NR_CPUS];
static volatile unsigned int flushes_in_flight;

void tlb_flush_service(void)
{
	if (!flushes_in_flight)
		return;
	unsigned me = this_cpu()->cpu_id;
	if (flush_pending[me]) {
		write_cr3(read_cr3());
		flush_pending[me] = false;
	}
}

void flush_tlb_all_cpus(void)
{
	unsigned me = this_cpu()->cpu_id, n = nr_cpus_online;

	write_cr3(read_cr3());
	if (n < 2)
		return;
	__atomic_add_fetch(&flushes_in_flight, 1, __ATOMIC_SEQ_CST);
	for (unsigned c = 0; c < n; c++)
		if (c != me) {
			flush_pending[c] = true;
			apic_send_ipi(percpu_of(c)->apic_id, FLUSH_VECTOR);
		}
	for (unsigned c = 0; c < n; c++)
		while (flush_pending[c] && c != me) {
			tlb_flush_service();
			cpu_relax();
		}
	__atomic_sub_fetch(&flushes_in_flight, 1, __ATOMIC_SEQ_CST);
}
