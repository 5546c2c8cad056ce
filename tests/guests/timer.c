/*
 * VIRQ_TIMER through a one-shot set_timer_op: the event stays pending while
 * the vCPU's events are masked, is delivered once they are unmasked, and
 * never fires before its deadline on the pvclock.
 */
#include "events.h"
#include "hypercall.h"
#include "test.h"
#include "time.h"

const char test_name[] = "timer";

#define MS 1000000ULL
/* Generous for TCG: waiting ends as soon as the event is there. */
#define WAIT_LIMIT (2000 * MS)
/*
 * Xen runs every timer due within its timer_slop (50 us by default) at
 * once, so an event may come that much before its deadline.
 */
#define TIMER_SLOP 50000ULL

static volatile unsigned int deliveries;
static volatile uint64_t delivered_at;

static void on_timer(evtchn_port_t port)
{
	(void)port;
	delivered_at = now_ns();
	deliveries++;
}

static uint64_t arm(void)
{
	uint64_t deadline = now_ns() + MS;
	long rc = HYPERVISOR_set_timer_op(deadline);

	if (rc)
		fail("set_timer_op: %ld", rc);
	return deadline;
}

static void test_masked(evtchn_port_t port)
{
	uint64_t deadline, seen_at;

	events_mask();
	deadline = arm();
	while (!event_is_pending(port) && now_ns() < deadline + WAIT_LIMIT)
		;
	seen_at = now_ns();
	expect(event_is_pending(port), "timer event not pending %lu ns after its deadline",
	       (unsigned long)(seen_at - deadline));
	expect(seen_at + TIMER_SLOP >= deadline,
	       "timer event pending %lu ns before its deadline",
	       (unsigned long)(deadline - seen_at));
	expect_eq(deliveries, 0, "upcalls while masked");
	events_unmask();
	expect_eq(deliveries, 1, "upcalls after unmasking");
}

static void test_unmasked(void)
{
	uint64_t deadline;

	events_unmask();
	deadline = arm();
	while (deliveries < 2 && now_ns() < deadline + WAIT_LIMIT)
		;
	events_mask();
	expect_eq(deliveries, 2, "upcalls with events unmasked");
	if (deliveries == 2)
		expect(delivered_at + TIMER_SLOP >= deadline,
		       "timer upcall %lu ns before its deadline",
		       (unsigned long)(deadline - delivered_at));
}

void test_main(void)
{
	long port = timer_bind_oneshot(on_timer);

	if (port < 0) {
		fail("stopping the periodic timer or binding VIRQ_TIMER: %ld", port);
		return;
	}
	test_masked(port);
	test_unmasked();
}
