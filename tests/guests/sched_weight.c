/*
 * Weights share a CPU as Xen's credit schedulers do: two spinners pinned to
 * CPU 1 (domains 1 and 3; docs/scheduler.md) with weights 512 and 256 run
 * in the ratio 2:1 over the 500 ms of system time after the second one
 * starts, and together about one CPU's worth of it, which shows that they
 * did share the CPU. The first one runs alone for 200 ms before: the
 * second must not make up for that time by running alone in turn. Weight
 * and cap go through the union member of the scheduler in use:
 * XEN_SYSCTL_sched_id is credit on Xenith, credit2 on Xen 4.17.
 */
#include "domctl.h"
#include "sched.h"
#include "spinner.h"
#include "test.h"
#include "time.h"

const char test_name[] = "sched_weight";

#define MS 1000000ULL
#define WINDOW_NS (500 * MS)
#define HEAD_START_NS (200 * MS)
#define NR_SPINNERS 2
/* Both on CPU 1, as (domain id + vCPU id) mod 2 places them. */
static const domid_t ids[NR_SPINNERS] = { 1, 3 };
static const uint16_t weights[NR_SPINNERS] = { 512, 256 };
/* The ratio of their run times, in hundredths: 2:1, give or take a quarter. */
#define MIN_RATIO 150
#define MAX_RATIO 250
/* Together they fill one CPU, with what dom0 and the hypervisor take from it. */
#define MIN_TOTAL_PERCENT 80
#define MAX_TOTAL_PERCENT 110

static struct domu spinners[NR_SPINNERS];

static void set_weight(const struct domu *d, uint32_t sched, uint16_t want)
{
	uint16_t weight = 0, cap = ~0;

	expect_eq(sched_set(d->domid, sched, want, 0), 0, "XEN_DOMCTL_SCHEDOP_putinfo");
	expect_eq(sched_get(d->domid, sched, &weight, &cap), 0, "XEN_DOMCTL_SCHEDOP_getinfo");
	expect_eq(weight, want, "weight");
	expect_eq(cap, 0, "cap");
}

static void check_shares(void)
{
	uint64_t ran[NR_SPINNERS], elapsed, total;
	long rc = spinners_run(spinners, NR_SPINNERS, WINDOW_NS, ran, &elapsed);

	if (rc) {
		fail("getdomaininfo or sleeping: %ld", rc);
		return;
	}
	total = ran[0] + ran[1];
	printf("sched_weight: in %lu ms, weight %u ran %lu ms, weight %u ran %lu ms\n",
	       (unsigned long)(elapsed / MS), weights[0], (unsigned long)(ran[0] / MS),
	       weights[1], (unsigned long)(ran[1] / MS));
	expect(ran[1] && ran[0] * 100 >= ran[1] * MIN_RATIO && ran[0] * 100 <= ran[1] * MAX_RATIO,
	       "weights %u:%u ran %lu:%lu ms", weights[0], weights[1],
	       (unsigned long)(ran[0] / MS), (unsigned long)(ran[1] / MS));
	expect(total * 100 >= elapsed * MIN_TOTAL_PERCENT &&
	       total * 100 <= elapsed * MAX_TOTAL_PERCENT,
	       "the two spinners ran %lu ms in %lu ms, not one CPU's worth",
	       (unsigned long)(total / MS), (unsigned long)(elapsed / MS));
}

void test_main(void)
{
	struct xen_sysctl_physinfo before;
	uint32_t sched;
	long rc;

	if ((rc = physinfo(&before)) || (rc = sched_id(&sched))) {
		fail("physinfo or XEN_SYSCTL_sched_id: %ld", rc);
		return;
	}
	printf("sched_weight: scheduler %u\n", sched);
	expect(sched == XEN_SCHEDULER_CREDIT || sched == XEN_SCHEDULER_CREDIT2,
	       "scheduler %u has no weights", sched);
	for (unsigned int i = 0; i < NR_SPINNERS && !rc; i++) {
		if (i && (rc = sleep_until(now_ns() + HEAD_START_NS)))
			fail("sleeping: %ld", rc);
		else if ((rc = spinner_start(&spinners[i], ids[i])))
			fail("spinner d%u: %s: %ld", ids[i], spinners[i].failed_step, rc);
		else
			set_weight(&spinners[i], sched, weights[i]);
	}
	if (!rc)
		check_shares();
	expect_spinners_gone(spinners, NR_SPINNERS, before.free_pages);
}
