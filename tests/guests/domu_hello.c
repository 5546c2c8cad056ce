/*
 * dom0 builds a PV domU from its second boot module (domu/domu_child.c)
 * with the framework's libxc-style builder, serves the domU's console ring,
 * waits for it to power off and destroys it; twice, so that the second
 * round shows every page coming back (the first domain ever leaves Xen 4.17
 * one page poorer for good).
 */
#include <stdbool.h>

#include "builder.h"
#include "domctl.h"
#include "frames.h"
#include "hypercall.h"
#include "string.h"
#include "test.h"
#include "time.h"
#include "xencons.h"

const char test_name[] = "domu_hello";

/* 8 MiB: the child's initial mapping takes 4 MiB; libxl adds 1 MiB of slack. */
#define DOMU_PAGES 2048
#define SLACK_PAGES 256
#define WAIT_NS (10 * 1000000000UL)
/* Xen 4.17 under TCG frees a domain's last pages about 20 ms after the destroy. */
#define SETTLE_NS (1000000000UL)
#define XEN_DOMINF_NOT_SHUT_DOWN (0xffffU << XEN_DOMINF_shutdownshift)

static struct domu domu;
static struct xencons_backend cons;
static bool saw_hello, saw_result;

static void on_line(const struct xencons_backend *b, const char *line)
{
	static const char result[] = "RESULT: domu_child: ";

	printf("(d%u) %s\n", b->domid, line);
	if (strstr(line, "domu_child: hello from a PV domU"))
		saw_hello = true;
	if (!strncmp(line, result, sizeof(result) - 1)) {
		saw_result = true;
		expect(!strncmp(line + sizeof(result) - 1, "PASS", 5), "the domU says %s",
		       line);
	}
}

/*
 * Sleeps in SCHEDOP_poll on VIRQ_DOM_EXC and the console port until done()
 * holds, serving the console ring whenever woken. Events stay masked: their
 * pending bits are all that wakes us.
 */
static long wait_for(evtchn_port_t exc, bool (*done)(struct xen_domctl_getdomaininfo *, long),
		     struct xen_domctl_getdomaininfo *info)
{
	evtchn_port_t ports[2] = { exc, cons.port };
	uint64_t deadline = now_ns() + WAIT_NS;
	long rc;

	for (;;) {
		event_clear(exc);
		if (cons.ring) {
			event_clear(cons.port);
			if ((rc = xencons_drain(&cons)))
				return rc;
		}
		rc = domain_info(domu.domid, info);
		if (done(info, rc)) {
			/* The domU may have written its last lines between the
			 * drain above and its shutdown: they are in the ring. */
			if (cons.ring)
				xencons_drain(&cons);
			return rc;
		}
		if (now_ns() >= deadline)
			return -XEN_ETIMEDOUT;
		if ((rc = event_poll(ports, cons.ring ? 2 : 1, deadline)))
			return rc;
	}
}

static bool is_shut_down(struct xen_domctl_getdomaininfo *info, long rc)
{
	return rc || (info->flags & XEN_DOMINF_shutdown);
}

static bool is_gone(struct xen_domctl_getdomaininfo *info, long rc)
{
	(void)info;
	return rc == -XEN_ESRCH;
}

static void print_info(const char *when, const struct xen_domctl_getdomaininfo *info)
{
	printf("domu_hello: d%u %s: flags %x tot_pages %lu max_pages %lu, %u vCPUs online, "
	       "max vCPU %u\n", domu.domid, when, info->flags, (unsigned long)info->tot_pages,
	       (unsigned long)info->max_pages, info->nr_online_vcpus, info->max_vcpu_id);
}

/* What the builder's first steps left: a paused domain with its memory. */
static void check_created(void)
{
	struct xen_domctl_getdomaininfo info;
	domid_t domid = domu.domid;
	xen_pfn_t pfn;

	expect_eq(domain_info(domu.domid, &info), 0, "getdomaininfo after create");
	print_info("created", &info);
	/* Xen reports shutdown code -1 in every bit above the shift. */
	expect_eq(info.flags, XEN_DOMINF_NOT_SHUT_DOWN | XEN_DOMINF_paused,
		  "flags of a new domain");
	expect_eq(info.nr_online_vcpus, 0, "vCPUs online before setvcpucontext");
	expect_eq(info.max_vcpu_id, 0, "max vCPU id");
	expect_eq(info.tot_pages, DOMU_PAGES, "tot_pages");
	expect_eq(info.max_pages, DOMU_PAGES + SLACK_PAGES, "max_pages");
	expect_eq(HYPERVISOR_memory_op(XENMEM_current_reservation, &domid), DOMU_PAGES,
		  "XENMEM_current_reservation of the domU");
	/* For a PV domU, populate_physmap writes the M2P from the PFNs asked for. */
	for (pfn = 0; pfn < DOMU_PAGES; pfn++)
		if (mfn_to_pfn(domu.p2m[pfn]) != pfn) {
			fail("M2P[%lx] = %lx, not PFN %lx", domu.p2m[pfn],
			     mfn_to_pfn(domu.p2m[pfn]), pfn);
			break;
		}
}

/* Runs the loaded domU to its poweroff, serving its console until then. */
static void run(evtchn_port_t exc)
{
	struct xen_domctl_getdomaininfo info;
	long rc;

	expect_eq(domain_info(domu.domid, &info), 0, "getdomaininfo after load");
	print_info("loaded", &info);
	expect_eq(info.flags, XEN_DOMINF_NOT_SHUT_DOWN | XEN_DOMINF_paused, "flags when loaded");
	expect_eq(info.nr_online_vcpus, 1, "vCPUs online after setvcpucontext");
	cons.on_line = on_line;
	rc = xencons_attach(&cons, domu.domid, domu.p2m[domu.layout.console],
			    domu.console_port);
	if (rc) {
		fail("console backend: %ld", rc);
		return;
	}
	saw_hello = saw_result = false;
	if ((rc = builder_unpause(&domu)))
		fail("unpause: %ld", rc);
	else if ((rc = wait_for(exc, is_shut_down, &info)))
		fail("waiting for the domU to shut down: %ld", rc);
	else {
		print_info("shut down", &info);
		expect_eq((info.flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask,
			  SHUTDOWN_poweroff, "the domU's shutdown reason");
		expect_eq(info.tot_pages, DOMU_PAGES, "tot_pages when shut down");
	}
	expect(saw_hello, "no hello line on the domU's console");
	expect(saw_result, "no result line on the domU's console");
	/* Our mapping of its ring would keep the domU from being freed. */
	expect_eq(xencons_detach(&cons), 0, "console backend detach");
}

/*
 * Destroys the domU and returns the free pages once it is freed. Its own
 * pages are back when getdomaininfo says -ESRCH; Xen's pages for it
 * (struct domain, vCPU, shared_info...) come back after an RCU grace
 * period, and Xen then raises VIRQ_DOM_EXC again (the first one came with
 * the destroy and wait_for cleared it). A hypervisor that frees everything
 * at once need not raise a second one: SETTLE_NS bounds the wait for it.
 */
static uint64_t destroy(evtchn_port_t exc)
{
	struct xen_domctl_getdomaininfo info;
	domid_t domid = domu.domid;
	long rc;

	if ((rc = builder_destroy(&domu))) {
		fail("destroy: %ld", rc);
		return 0;
	}
	expect_eq(wait_for(exc, is_gone, &info), -XEN_ESRCH, "getdomaininfo after destroy");
	expect_eq(HYPERVISOR_memory_op(XENMEM_current_reservation, &domid), -XEN_ESRCH,
		  "XENMEM_current_reservation after destroy");
	if (!event_is_pending(exc))
		event_poll(&exc, 1, now_ns() + SETTLE_NS);
	event_clear(exc);
	return free_pages();
}

/*
 * Xen hands out domain ids in turn, never the last one again at once; and
 * 4.17's getdomaininfo of a missing id answers for the next domain up.
 */
static void check_domid(domid_t previous)
{
	struct xen_domctl op = { 0 };

	expect_eq(domu.domid, previous + 1, "domain id after destroying the last one");
	expect_eq(domctl(XEN_DOMCTL_getdomaininfo, previous, &op), 0,
		  "getdomaininfo of a destroyed domain id");
	expect_eq(op.u.getdomaininfo.domain, domu.domid,
		  "the domain getdomaininfo of a destroyed id answers for");
}

/*
 * One domU from creation to destruction, after the one whose id was
 * previous (0: none); returns the free pages after.
 */
static uint64_t round_trip(evtchn_port_t exc, domid_t previous)
{
	long rc;

	if ((rc = builder_create(&domu, DOMU_PAGES)) < 0) {
		fail("%s: %ld", domu.failed_step, rc);
		return 0;
	}
	if (previous)
		check_domid(previous);
	check_created();
	rc = builder_load(&domu, (const void *)xen_start_info->mod_start,
			  xen_start_info->mod_len);
	if (rc)
		fail("%s: %ld", domu.failed_step, rc);
	else
		run(exc);
	return destroy(exc);
}

void test_main(void)
{
	struct evtchn_bind_virq virq = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
	struct xen_sysctl_physinfo before;
	uint64_t first, second;
	long rc;

	if (!xen_start_info->mod_start || !xen_start_info->mod_len) {
		fail("no domU image: domu_child.elf must be the second boot module");
		return;
	}
	if ((rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &virq)) ||
	    (rc = physinfo(&before))) {
		fail("VIRQ_DOM_EXC or physinfo: %ld", rc);
		return;
	}
	first = round_trip(virq.port, 0);
	second = round_trip(virq.port, domu.domid);
	printf("domu_hello: free pages: %lu before, %lu after one domU, %lu after two\n",
	       (unsigned long)before.free_pages, (unsigned long)first,
	       (unsigned long)second);
	expect_eq(second, first, "free pages after the second domU");
}
