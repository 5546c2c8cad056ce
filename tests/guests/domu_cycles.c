/*
 * 200 create/destroy cycles of a PV domU, built completely each time
 * (memory, image, pinned page tables, hypercall page, vCPU context) and
 * destroyed without ever running: the hypervisor must give back every
 * frame each time. Free memory after the last cycle equals free memory
 * after the first (Xen keeps a page or two once, for its first domU, and
 * gives the last domain's own pages back a little later, announced by
 * VIRQ_DOM_EXC: so the final count is waited for, with a deadline).
 */
#include "builder.h"
#include "domctl.h"
#include "events.h"
#include "hypercall.h"
#include "test.h"
#include "time.h"

const char test_name[] = "domu_cycles";

#define CYCLES     200
#define DOMU_PAGES 2048
#define SETTLE_NS  1000000000ULL
#define RECHECK_NS 20000000ULL

static struct domu domu;

static long cycle(void)
{
	long rc = builder_create(&domu, DOMU_PAGES);

	if (rc >= 0)
		rc = builder_load(&domu, (const void *)xen_start_info->mod_start,
				  xen_start_info->mod_len);
	if (rc < 0) {
		fail("%s: %ld", domu.failed_step, rc);
		builder_destroy(&domu);
		return rc;
	}
	return builder_destroy(&domu);
}

/* Free memory once it reached `want`, or at the deadline; with NO_TARGET
 * (after the first cycle, when there is none yet) always at the deadline,
 * by when Xen has given back whatever it gives back late. */
#define NO_TARGET 0
static uint64_t settled_free_pages(evtchn_port_t dom_exc, uint64_t want)
{
	uint64_t deadline = now_ns() + SETTLE_NS, got;

	while ((got = free_pages()) != want && now_ns() < deadline) {
		event_poll(&dom_exc, 1, now_ns() + RECHECK_NS);
		event_clear(dom_exc);
	}
	return got;
}

void test_main(void)
{
	struct evtchn_bind_virq virq = { .virq = VIRQ_DOM_EXC };
	uint64_t after_first;

	if (!xen_start_info->mod_start || !xen_start_info->mod_len) {
		fail("no domU image: boot with it as the second module");
		return;
	}
	if (HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &virq)) {
		fail("bind VIRQ_DOM_EXC");
		return;
	}
	if (cycle())
		return;
	after_first = settled_free_pages(virq.port, NO_TARGET);
	for (unsigned int i = 1; i < CYCLES; i++)
		if (cycle())
			return;
	expect_eq(settled_free_pages(virq.port, after_first), after_first,
		  "free pages after 200 cycles");
}
