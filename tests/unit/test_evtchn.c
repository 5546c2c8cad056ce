/* common/evtchn.c: closing a port undoes its binding where it was made,
 * and its pending event. */
#include "domain.h"
#include "event.h"
#include "support.h"

static struct domain dom;
static struct vcpu vcpus[2];
static struct shared_info shared;

struct domain *domain_by_id(domid_t id)
{
	(void)id;
	return NULL;
}

void vcpu_wake(struct vcpu *v)
{
	(void)v;
}

static void setup(void)
{
	memset(&dom, 0, sizeof(dom));
	memset(vcpus, 0, sizeof(vcpus));
	dom.shared_info = &shared;
	dom.max_vcpus = 2;
	for (unsigned i = 0; i < 2; i++) {
		vcpus[i] = (struct vcpu){ .domain = &dom, .vcpu_id = i,
					  .vcpu_info = &shared.vcpu_info[i] };
		dom.vcpu[i] = &vcpus[i];
	}
}

/* As bind_virq and then bind_vcpu leave it (hypercalls/event_channel.c). */
static unsigned bind(unsigned virq, unsigned bound_on, unsigned notify)
{
	unsigned port = evtchn_alloc_port(&dom);

	ck_assert_int_gt(port, 0);
	dom.evtchn[port] = (struct evtchn){ .state = EVTCHNSTAT_virq, .virq = virq,
					    .notify_vcpu = notify };
	vcpus[bound_on].virq_to_port[virq] = port;
	return port;
}

START_TEST(closing_a_moved_global_virq_frees_it_on_vcpu0)
{
	unsigned port = bind(VIRQ_DOM_EXC, 0, 1);

	vcpus[1].virq_to_port[VIRQ_DOM_EXC] = 7;        /* not this port's */
	evtchn_free_port(&dom, port);
	ck_assert_uint_eq(vcpus[0].virq_to_port[VIRQ_DOM_EXC], 0);
	ck_assert_uint_eq(vcpus[1].virq_to_port[VIRQ_DOM_EXC], 7);
	ck_assert_uint_eq(dom.evtchn[port].state, EVTCHNSTAT_closed);
}
END_TEST

START_TEST(closing_a_per_vcpu_virq_frees_it_on_its_vcpu)
{
	unsigned port = bind(VIRQ_TIMER, 1, 1);

	vcpus[0].virq_to_port[VIRQ_TIMER] = 7;
	evtchn_free_port(&dom, port);
	ck_assert_uint_eq(vcpus[1].virq_to_port[VIRQ_TIMER], 0);
	ck_assert_uint_eq(vcpus[0].virq_to_port[VIRQ_TIMER], 7);
}
END_TEST

/* As Xen's free_evtchn(): the port's next binding starts without it. */
START_TEST(closing_a_port_clears_its_pending_bit)
{
	unsigned port = bind(VIRQ_DOM_EXC, 0, 0);

	evtchn_set_pending(&dom, port);
	ck_assert(evtchn_2l_is_pending(&shared, port));
	evtchn_free_port(&dom, port);
	ck_assert(!evtchn_2l_is_pending(&shared, port));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("evtchn");
	TCase *tc = tcase_create("free_port");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, closing_a_moved_global_virq_frees_it_on_vcpu0);
	tcase_add_test(tc, closing_a_per_vcpu_virq_frees_it_on_its_vcpu);
	tcase_add_test(tc, closing_a_port_clears_its_pending_bit);
	suite_add_tcase(s, tc);
	return s;
}
