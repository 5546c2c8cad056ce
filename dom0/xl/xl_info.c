/* xl info: the hypervisor's part of it, in xl's "name : value" lines. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "xl_cmd.h"

static void line(const char *name, const char *value)
{
	printf("%-23s: %s\n", name, value);
}

static void number(const char *name, unsigned long value)
{
	printf("%-23s: %lu\n", name, value);
}

static int print_version(xc_interface *xch)
{
	static xen_extraversion_t extra;
	static xen_capabilities_info_t caps;
	int version = xc_version(xch, XENVER_version, NULL);

	if (version < 0 || xc_version(xch, XENVER_extraversion, extra) < 0 ||
	    xc_version(xch, XENVER_capabilities, caps) < 0)
		return -1;
	number("xen_major", (unsigned)version >> 16);
	number("xen_minor", (unsigned)version & 0xffff);
	line("xen_extra", extra);
	line("xen_caps", caps);
	return 0;
}

/* Memory in MiB, as xl shows it; physinfo counts pages. */
static void print_physinfo(const xc_physinfo_t *p)
{
	number("nr_cpus", p->nr_cpus);
	number("max_cpu_id", p->max_cpu_id);
	number("cpu_mhz", p->cpu_khz / 1000);
	number("total_memory", (unsigned long)(p->total_pages >> 8));
	number("free_memory", (unsigned long)(p->free_pages >> 8));
}

int xl_info(xc_interface *xch, char **argv)
{
	xc_physinfo_t p;

	(void)argv;
	if (xc_physinfo(xch, &p) < 0 || print_version(xch) < 0) {
		fprintf(stderr, "xl: info: %s\n", strerror(errno));
		return 1;
	}
	print_physinfo(&p);
	return 0;
}
