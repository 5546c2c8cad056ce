/*
 * xl shutdown [-w] -a | DOMID: asks domains to shut down by writing
 * "poweroff" to their control/shutdown in xenstore, which their kernels
 * watch; -a asks every domain but domain 0. With -w, xl waits until each
 * has shut down (Xen tells xenstored through VIRQ_DOM_EXC, and xenstored
 * fires @releaseDomain) and then destroys it, as xl's per-domain daemon
 * does for on_poweroff="destroy". This xl keeps no daemon per domain:
 * without -w, a domain that shut down stays in xl list ("s") until
 * destroyed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xenstore.h>

#include "xl_cmd.h"

#define MAX_TARGETS 128

struct targets {
	uint32_t domid[MAX_TARGETS];
	unsigned n;
};

static int all_guests(xc_interface *xch, struct targets *t)
{
	static xc_domaininfo_t info[MAX_TARGETS];
	int n = xc_domain_getinfolist(xch, 1, MAX_TARGETS, info);

	if (n < 0) {
		fprintf(stderr, "xl: shutdown: %s\n", strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (!(info[i].flags & XEN_DOMINF_dying))
			t->domid[t->n++] = info[i].domain;
	return 0;
}

/* Gone or dying, or shut down (then destroyed here): the domain is done. */
static bool done(xc_interface *xch, uint32_t domid)
{
	int state = xl_domain_state(xch, domid);

	if (state == XL_DOMAIN_RUNNING)
		return false;
	if (state == XL_DOMAIN_GONE)
		xl_store_forget(domid);
	else
		xl_domain_remove(xch, domid);
	printf("xl: domain %u shut down\n", domid);
	return true;
}

/* Each event may be any domain's: every one still running is looked at. */
static int wait_for(xc_interface *xch, struct targets *t)
{
	unsigned left = 0, num;
	char **event;

	for (unsigned i = 0; i < t->n; i++)
		left += t->domid[i] != DOMID_INVALID;

	if (!xs_watch(xl_store(), "@releaseDomain", "xl")) {
		fprintf(stderr, "xl: shutdown: watching @releaseDomain: %s\n", strerror(errno));
		return 1;
	}
	while (left) {
		for (unsigned i = 0; i < t->n; i++)
			if (t->domid[i] != DOMID_INVALID && done(xch, t->domid[i])) {
				t->domid[i] = DOMID_INVALID;
				left--;
			}
		if (left && !(event = xs_read_watch(xl_store(), &num))) {
			fprintf(stderr, "xl: shutdown: %s\n", strerror(errno));
			return 1;
		}
		if (left)
			free(event);
	}
	return 0;
}

/* As libxl: a domain without control/shutdown (none made by xl, or gone)
 * has no way to hear the request. */
static bool request(uint32_t domid)
{
	char *node = xl_store_read(domid, "control/shutdown");

	free(node);
	if (!node) {
		fprintf(stderr, "xl: shutdown %u: no control/shutdown in xenstore\n", domid);
		return false;
	}
	if (xl_store_write(domid, "control/shutdown", "poweroff"))
		return true;
	fprintf(stderr, "xl: shutdown %u: %s\n", domid, strerror(errno));
	return false;
}

int xl_shutdown(xc_interface *xch, char **argv)
{
	struct targets t = { .n = 0 };
	bool wait = false, all = false;
	int rc = 0;

	for (; *argv && **argv == '-'; argv++) {
		if (strcmp(*argv, "-w") && strcmp(*argv, "-a")) {
			fprintf(stderr, "xl: shutdown: unknown option '%s'\n", *argv);
			return 2;
		}
		wait |= !strcmp(*argv, "-w");
		all |= !strcmp(*argv, "-a");
	}
	if (all == !!*argv || (*argv && argv[1])) {
		fprintf(stderr, "xl: shutdown: give -a or one DOMID\n");
		return 2;
	}
	if (all ? all_guests(xch, &t) : xl_domid(*argv, &t.domid[t.n++]))
		return 1;
	if (!all && !t.domid[0]) {
		fprintf(stderr, "xl: shutdown: domain 0 is this one: use poweroff\n");
		return 1;
	}
	for (unsigned i = 0; i < t.n; i++) {
		if (!request(t.domid[i])) {
			t.domid[i] = DOMID_INVALID;
			rc = 1;
		}
	}
	if (wait)
		rc |= wait_for(xch, &t);
	return rc;
}
