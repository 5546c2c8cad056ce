/*
 * /proc, /proc/uptime and /proc/meminfo. The process directories are kept
 * up to date from the process table whenever /proc is looked in, so that
 * neither fork nor exit needs to know about them.
 */
#include "arch.h"
#include "clock.h"
#include "lib.h"
#include "page_alloc.h"
#include "path.h"
#include "printk.h"
#include "procfs.h"
#include "sched.h"

#define CENTISECONDS(ns) ((unsigned long)((ns) / (NSEC_PER_SEC / 100)))

/* Seconds since boot and seconds idle, to the hundredth. */
static int uptime_show(const struct rnode *n, char *buf, size_t size)
{
	unsigned long up = CENTISECONDS(clock_ns()), idle = CENTISECONDS(sched_idle_ns());

	(void)n;
	return snprintf(buf, size, "%lu.%02lu %lu.%02lu\n", up / 100, up % 100, idle / 100,
			idle % 100);
}

/* MemTotal is every page the allocator spans, the kernel's own included
 * (Linux leaves out what it reserved at boot). Nothing is reclaimable
 * (there is no page cache) and there is no swap. */
static int meminfo_show(const struct rnode *n, char *buf, size_t size)
{
	unsigned long total = pages_total_count() * (PAGE_SIZE / 1024);
	unsigned long free = pages_free_count() * (PAGE_SIZE / 1024);

	(void)n;
	return snprintf(buf, size,
			"MemTotal:       %8lu kB\n"
			"MemFree:        %8lu kB\n"
			"MemAvailable:   %8lu kB\n"
			"SwapTotal:      %8lu kB\n"
			"SwapFree:       %8lu kB\n",
			total, free, free, 0UL, 0UL);
}

static const struct synth_ops root_ops = { .refresh = procfs_refresh_pids };
static const struct synth_ops uptime_ops = { .show = uptime_show };
static const struct synth_ops meminfo_ops = { .show = meminfo_show };

static void make(const char *path, uint32_t mode, const struct synth_ops *ops)
{
	struct rnode *n;

	if (path_make(path, mode, &n))
		panic("cannot make %s", path);
	n->synth = ops;
}

/* Modes as Linux gives them. */
void procfs_init(void)
{
	make("/proc", S_IFDIR | 0555, &root_ops);
	make("/proc/uptime", S_IFREG | 0444, &uptime_ops);
	make("/proc/meminfo", S_IFREG | 0444, &meminfo_ops);
}
