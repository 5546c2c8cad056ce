/*
 * lmbench: the guest kernel's lmbench-style rows for make bench
 * (docs/bench/README.md), on the bench kernels' measurement loop
 * (tests/bench/common/bench.c): each op inside marker regions that the
 * insncount plugin counts (user, kernel and hypervisor alike), then timed
 * with rdtsc. rdtsc, not clock_gettime(): there is no vDSO, so the clock
 * is itself a system call, dearer than the getpid() it would time, and
 * rdtsc gives the ticks of the other table. The bench root runs it as
 * /etc/rc.
 */
#include <unistd.h>

#include "lmbench.h"

/* The console writes all of a line at once: print.c hands over whole lines. */
void bench_write(const char *s, unsigned long len)
{
	write(STDOUT_FILENO, s, len);
}

int main(void)
{
	static const struct bench_op *const tables[] = {
		syscall_ops, fork_ops, ring_ops, memory_ops, NULL
	};

	bench_run(tables);
	return 0;
}
