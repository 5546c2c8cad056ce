#include "domctl.h"
#include "events.h"
#include "evtchn.h"
#include "hypercall.h"
#include "peer.h"
#include "string.h"
#include "test.h"
#include "time.h"

/* SCHEDOP_poll's limit on ports, Xen's and Xenith's. */
#define MAX_POLL_PORTS 128
#define JOIN_NS (20 * 1000000000UL)
/* Xen 4.17 frees a domain's last pages after an RCU grace period. */
#define GONE_NS (1000000000UL)

static const char result_prefix[] = "RESULT: ";

/* dom0's VIRQ_DOM_EXC: a domain shut down or was freed. */
static evtchn_port_t dom_exc;

static void on_line(const struct xencons_backend *b, const char *line)
{
	struct peer *p = b->owner;
	size_t len = strlen(line);

	printf("(d%u) %s\n", b->domid, line);
	p->lines++;
	if (p->pass_line ? !strncmp(line, p->pass_line, len + 1) :
			   !strncmp(line, result_prefix, sizeof(result_prefix) - 1) &&
				   len >= 6 && !strncmp(line + len - 6, ": PASS", 6))
		p->passed = true;
}

static long bind_dom_exc(void)
{
	struct evtchn_bind_virq virq = { .virq = VIRQ_DOM_EXC };
	long rc;

	if (dom_exc)
		return 0;
	rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &virq);
	dom_exc = virq.port;
	return rc;
}

long peer_create(struct peer *p, unsigned long nr_pages)
{
	long rc;

	p->shut_down = p->passed = false;
	p->lines = 0;
	if ((rc = bind_dom_exc())) {
		fail("binding VIRQ_DOM_EXC: %ld", rc);
		return rc;
	}
	if ((rc = builder_create(&p->domu, nr_pages)))
		fail("creating a domU: %s: %ld", p->domu.failed_step, rc);
	return rc;
}

/* Every step but the builder's (which logs its own) is named on failure. */
static long started(struct peer *p, const char *step, long rc)
{
	if (rc)
		fail("starting d%u: %s: %ld", p->domu.domid, step, rc);
	return rc;
}

long peer_load(struct peer *p, const char *fmt, ...)
{
	va_list ap;
	long rc;

	va_start(ap, fmt);
	vsnprintf(p->cmdline, sizeof(p->cmdline), fmt, ap);
	va_end(ap);
	p->domu.cmdline = p->cmdline;
	if (!p->image) {
		p->image = (const void *)xen_start_info->mod_start;
		p->image_len = xen_start_info->mod_len;
	}
	rc = builder_load(&p->domu, p->image, p->image_len);
	if (started(p, p->domu.failed_step, rc))
		return rc;
	p->cons.on_line = on_line;
	p->cons.owner = p;
	rc = xencons_attach(&p->cons, p->domu.domid, p->domu.p2m[p->domu.layout.console],
			    p->domu.console_port);
	if (started(p, "console backend", rc))
		return rc;
	rc = evtchn_bind_interdomain(p->domu.domid, p->domu.store_port, &p->doorbell);
	if (started(p, "doorbell", rc))
		return rc;
	/* The bind leaves our new end pending, in case the domU rang before. */
	event_clear(p->doorbell);
	return 0;
}

long peer_unpause(struct peer *p)
{
	return started(p, "unpause", builder_unpause(&p->domu));
}

bool peer_rang(struct peer *p)
{
	bool rang = event_is_pending(p->doorbell);

	if (rang)
		event_clear(p->doorbell);
	return rang;
}

void peer_ring(struct peer *p)
{
	expect_eq(evtchn_send(p->doorbell), 0, "ringing a domU");
}

/* After VIRQ_DOM_EXC: which peers have shut down (or are gone). */
static void note_shutdowns(struct peer *peers, unsigned int n)
{
	struct xen_domctl_getdomaininfo info;
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!peers[i].shut_down && (domain_info(peers[i].domu.domid, &info) ||
					    (info.flags & XEN_DOMINF_shutdown)))
			peers[i].shut_down = true;
}

static long serve_consoles(struct peer *peers, unsigned int n)
{
	unsigned int i;
	long rc;

	for (i = 0; i < n; i++) {
		if (!peers[i].cons.ring)
			continue;
		/* Cleared first: a line written during the drain rings again. */
		event_clear(peers[i].cons.port);
		if ((rc = xencons_drain(&peers[i].cons)))
			return rc;
	}
	return 0;
}

long peers_run(struct peer *peers, unsigned int n, bool (*step)(struct peer *, unsigned int),
	       uint64_t timeout_ns)
{
	evtchn_port_t ports[MAX_POLL_PORTS] = { dom_exc };
	uint64_t deadline = now_ns() + timeout_ns;
	unsigned int i, nr = 1;
	long rc;

	for (i = 0; i < n; i++) {
		if (nr > MAX_POLL_PORTS - 2)
			return -XEN_E2BIG;
		if (peers[i].cons.ring)
			ports[nr++] = peers[i].cons.port;
		if (peers[i].doorbell)
			ports[nr++] = peers[i].doorbell;
	}
	for (;;) {
		if (event_is_pending(dom_exc)) {
			event_clear(dom_exc);
			note_shutdowns(peers, n);
		}
		if ((rc = serve_consoles(peers, n)))
			return rc;
		if (step(peers, n))
			return 0;
		if (now_ns() >= deadline)
			return -XEN_ETIMEDOUT;
		if ((rc = event_poll(ports, nr, deadline)))
			return rc;
	}
}

long peer_destroy(struct peer *p)
{
	long rc = p->cons.ring ? xencons_detach(&p->cons) : 0;

	if (!rc && p->doorbell)
		rc = evtchn_close(p->doorbell);
	p->doorbell = 0;
	return rc ? rc : builder_destroy(&p->domu);
}

static bool rang_or_down(struct peer *peers, unsigned int n)
{
	(void)n;
	return peer_rang(peers) || peers->shut_down;
}

long peer_wait_ring(struct peer *p, uint64_t timeout_ns)
{
	long rc = peers_run(p, 1, rang_or_down, timeout_ns);

	return rc ? rc : p->shut_down ? -XEN_ESRCH : 0;
}

static bool all_shut_down(struct peer *peers, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!peers[i].shut_down)
			return false;
	return true;
}

static bool all_gone(struct peer *peers, unsigned int n)
{
	struct xen_domctl_getdomaininfo info;
	unsigned int i;

	for (i = 0; i < n; i++)
		if (domain_info(peers[i].domu.domid, &info) != -XEN_ESRCH)
			return false;
	return true;
}

void peers_join(struct peer *peers, unsigned int n)
{
	peers_join_within(peers, n, JOIN_NS);
}

void peers_join_within(struct peer *peers, unsigned int n, uint64_t timeout_ns)
{
	struct xen_domctl_getdomaininfo info;
	unsigned int i;
	long rc;

	if ((rc = peers_run(peers, n, all_shut_down, timeout_ns)))
		fail("waiting for the domUs to shut down: %ld", rc);
	for (i = 0; i < n; i++) {
		if (!domain_info(peers[i].domu.domid, &info))
			expect_eq((info.flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask,
				  SHUTDOWN_poweroff, "a domU's shutdown reason");
		expect(peers[i].passed, "d%u did not say %s", peers[i].domu.domid,
		       peers[i].pass_line ? peers[i].pass_line : "PASS");
	}
}

void peers_destroy(struct peer *peers, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		expect_eq(peer_destroy(&peers[i]), 0, "destroying a domU");
	expect_eq(peers_gone(peers, n), 0, "domUs gone after destroy");
}

long peers_gone(struct peer *peers, unsigned int n)
{
	return peers_run(peers, n, all_gone, GONE_NS);
}

uint64_t peers_free_pages(void)
{
	if (!event_is_pending(dom_exc))
		event_poll(&dom_exc, 1, now_ns() + GONE_NS);
	event_clear(dom_exc);
	return free_pages();
}

long arg_value(const char *key)
{
	const char *cmdline = (const char *)xen_start_info->cmd_line;
	const char *arg = strstr(cmdline, key);
	size_t len = strlen(key);
	long v = 0;

	/* The key must start a word and be followed by '='. */
	while (arg && ((arg != cmdline && arg[-1] != ' ') || arg[len] != '='))
		arg = strstr(arg + 1, key);
	if (!arg || arg[len + 1] < '0' || arg[len + 1] > '9')
		return -1;
	for (arg += len + 1; *arg >= '0' && *arg <= '9'; arg++)
		v = v * 10 + (*arg - '0');
	return v;
}

void doorbell_ring(void)
{
	expect_eq(evtchn_send(xen_start_info->store_evtchn), 0, "ringing dom0");
}

long doorbell_wait(uint64_t timeout_ns)
{
	evtchn_port_t port = xen_start_info->store_evtchn;
	uint64_t deadline = now_ns() + timeout_ns;
	long rc;

	while (!event_is_pending(port)) {
		if (now_ns() >= deadline)
			return -XEN_ETIMEDOUT;
		if ((rc = event_poll(&port, 1, deadline)))
			return rc;
	}
	event_clear(port);
	return 0;
}
