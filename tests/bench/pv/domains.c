/*
 * The rows of many domUs (issue 5): domain creation, as domu.c's row
 * measures it, with 1, 8, 32 and 64 idle domUs running beside it; and,
 * in a boot of its own (run.sh), how many 16 MiB domUs boot. The domUs
 * are the peer image; each has rung dom0 once, so it has reached its
 * first instruction and more, before the next is built. None is
 * destroyed: the rows come last (main.c), and the count ends the boot.
 */
#include "peer.h"
#include "pv.h"

/*
 * The idle ones are as small as the builder lays a test guest out (its
 * initial mapping ends on a 4 MiB boundary: libxenguest's layout.c). Once it has rung,
 * the peer sleeps in SCHEDOP_poll with an hour's timeout.
 */
#define IDLE_PAGES 1024
/* A 2 GiB machine holds fewer 16 MiB domUs than this. */
#define MAX_DOMUS 128

static struct peer domus[MAX_DOMUS];
static unsigned int nr_running;
/* Why the last domU did not start; no other starts after it. */
static const char *start_failure;

/* Starts domUs until n run: NULL, or why one did not. */
static const char *run_domus(unsigned int n, unsigned long nr_pages, const char *cmdline)
{
	while (!start_failure && nr_running < n)
		if (!(start_failure = domu_start(&domus[nr_running], nr_pages, cmdline, NULL)))
			nr_running++;
	return start_failure;
}

static const char *with_idle(unsigned int n)
{
	if (run_domus(n, IDLE_PAGES, "idle"))
		return start_failure;
	return prepare_domain_create();
}

static const char *with_1(void)
{
	return with_idle(1);
}

static const char *with_8(void)
{
	return with_idle(8);
}

static const char *with_32(void)
{
	return with_idle(32);
}

static const char *with_64(void)
{
	return with_idle(64);
}

void domu_capacity(void)
{
	run_domus(MAX_DOMUS, DOMU_PAGES, "capacity");
	bench_count("domu_capacity", nr_running,
		    start_failure ? start_failure : "the bench's table of domUs is full");
}

const struct bench_op pv_domains_ops[] = {
	{ "domain_create_with_1", 0, with_1, 0, domain_create, CREATIONS, 0 },
	{ "domain_create_with_8", 0, with_8, 0, domain_create, CREATIONS, 0 },
	{ "domain_create_with_32", 0, with_32, 0, domain_create, CREATIONS, 0 },
	{ "domain_create_with_64", 0, with_64, 0, domain_create, CREATIONS, 0 },
	{ 0 },
};
