/*
 * The PV bench guest: the operations of tests/bench/common/bench.c as a
 * PV64 kernel on the test-guest framework, run as dom0 on Xenith or Xen;
 * its second boot module is the domU of the interdomain rows (domu.c).
 */
#include "console.h"
#include "pv.h"
#include "test.h"

const char test_name[] = "pv-bench";

void bench_write(const char *s, unsigned long len)
{
	console_write(s, len);
}

void test_main(void)
{
	static const struct bench_op *const tables[] = { pv_ops, pv_mmu_ops, pv_domu_ops, NULL };

	bench_run(tables);
}
