/*
 * The domU that domu_hello builds: it checks what the builder gave it and
 * says hello. Its output goes to its console ring (console_write does that
 * in a domU), which domu_hello serves and prints; the framework then
 * powers it off.
 */
#include "frames.h"
#include "hypercall.h"
#include "string.h"
#include "test.h"

const char test_name[] = "domu_child";

/* The builder allocates both channels unbound to dom0, then dom0 binds the console. */
static void check_channel(evtchn_port_t port, const char *what, uint32_t status)
{
	struct evtchn_status st = { .dom = DOMID_SELF, .port = port };
	long rc = HYPERVISOR_event_channel_op(EVTCHNOP_status, &st);

	expect(!rc, "EVTCHNOP_status of the %s port %u: %ld", what, port, rc);
	expect_eq(st.status, status, what);
	expect_eq(status == EVTCHNSTAT_unbound ? st.u.unbound.dom : st.u.interdomain.dom,
		  0, what);
}

static void check_memory(const start_info_t *si)
{
	domid_t self = DOMID_SELF;
	xen_pfn_t pfn;

	expect_eq(HYPERVISOR_memory_op(XENMEM_current_reservation, &self), si->nr_pages,
		  "XENMEM_current_reservation");
	/* populate_physmap wrote the M2P from the PFNs the builder asked for. */
	for (pfn = 0; pfn < si->nr_pages; pfn++)
		if (mfn_to_pfn(pfn_to_mfn(pfn)) != pfn) {
			fail("M2P[p2m[%lx]] = %lx", pfn, mfn_to_pfn(pfn_to_mfn(pfn)));
			break;
		}
}

void test_main(void)
{
	const start_info_t *si = xen_start_info;
	static const char line[] = "domu_child: console_io\n";

	printf("domu_child: hello from a PV domU built by domain 0\n");
	expect(!(si->flags & (SIF_PRIVILEGED | SIF_INITDOMAIN)), "start_info flags 0x%x",
	       si->flags);
	expect(!strncmp(si->magic, "xen-3.0-x86_64", sizeof(si->magic)),
	       "start_info magic \"%s\"", si->magic);
	check_memory(si);
	check_channel(si->console.domU.evtchn, "console", EVTCHNSTAT_interdomain);
	check_channel(si->store_evtchn, "xenstore", EVTCHNSTAT_unbound);
	/* Xen keeps console_io for dom0 (XSM_PRIV) unless built with VERBOSE_DEBUG. */
	expect_eq(HYPERVISOR_console_io(CONSOLEIO_write, sizeof(line) - 1, line), -XEN_EPERM,
		  "console_io from a domU");
}
