/*
 * The PV bench guest: the operations of tests/bench/common/bench.c as a
 * PV64 kernel on the test-guest framework, run as dom0 on Xenith or Xen;
 * its second boot module holds the images of the domUs it builds
 * (bench.mk). With capacity=1 on its command line it counts how many
 * domUs boot instead (domains.c).
 */
#include "console.h"
#include "peer.h"
#include "pv.h"
#include "test.h"

const char test_name[] = "pv-bench";

void bench_write(const char *s, unsigned long len)
{
	console_write(s, len);
}

void test_main(void)
{
	static const struct bench_op *const tables[] = {
		pv_ops, pv_mmu_ops, pv_domu_ops, pv_login_ops, pv_domains_ops, NULL
	};

	if (arg_value("capacity") == 1) {
		domu_capacity();
		bench_done();
	} else {
		bench_run(tables);
	}
}
