/* xl list: every domain, in xl's columns. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xen/sched.h>

#include "xl_cmd.h"

#define BATCH 64

/* r running, b blocked, p paused, s shut down, c crashed, d dying. */
static void state(const xc_domaininfo_t *d, char s[7])
{
	unsigned reason = (d->flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask;
	bool down = d->flags & XEN_DOMINF_shutdown;

	snprintf(s, 7, "%c%c%c%c%c%c", d->flags & XEN_DOMINF_running ? 'r' : '-',
		 d->flags & XEN_DOMINF_blocked ? 'b' : '-', d->flags & XEN_DOMINF_paused ? 'p' : '-',
		 down && reason != SHUTDOWN_crash ? 's' : '-',
		 down && reason == SHUTDOWN_crash ? 'c' : '-',
		 d->flags & XEN_DOMINF_dying ? 'd' : '-');
}

/* The name in xenstore; Domain-0 for domain 0 unless one was written
 * there, and "(null)", as libxl shows it, for a domain without one. */
static void print_domain(const xc_domaininfo_t *d)
{
	unsigned long tenths = (unsigned long)(d->cpu_time / 100000000);
	char *name = xl_store_read(d->domain, "name"), s[7];

	state(d, s);
	printf("%-40s %5u %5lu %5u     %s %8lu.%lu\n",
	       name ? name : d->domain ? "(null)" : "Domain-0", d->domain,
	       (unsigned long)(d->tot_pages >> 8), d->nr_online_vcpus, s, tenths / 10,
	       tenths % 10);
	free(name);
}

/* A batch at a time, each from the id after the last one seen. */
int xl_list(xc_interface *xch, char **argv)
{
	static xc_domaininfo_t info[BATCH];
	uint32_t next = 0;
	int n;

	(void)argv;
	printf("Name                                        ID   Mem VCPUs\tState\tTime(s)\n");
	do {
		n = xc_domain_getinfolist(xch, next, BATCH, info);
		for (int i = 0; i < n; i++)
			print_domain(&info[i]);
		if (n > 0)
			next = info[n - 1].domain + 1;
	} while (n == BATCH);
	if (n < 0) {
		fprintf(stderr, "xl: list: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
