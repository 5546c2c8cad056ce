/*
 * Memory (in MiB) and vCPUs. Either key of a pair may stand alone, and
 * then sets both, as in xl: memory alone boots with maxmem = memory,
 * maxmem alone with memory = maxmem. Neither: libxl's 32 MiB and 1 vCPU.
 */
#include "config.h"

#define DEFAULT_MEMORY_MIB      32

struct pair {
	const char *now_key, *max_key;
	long limit, fallback;
	long now, max;
};

static int read_pair(struct config_ctx *c, struct pair *p)
{
	unsigned max_line = 0;
	int has_now, has_max;

	has_now = config_number(c, p->now_key, 1, p->limit, &p->now, NULL);
	if (has_now < 0)
		return -1;
	has_max = config_number(c, p->max_key, 1, p->limit, &p->max, &max_line);
	if (has_max < 0)
		return -1;
	if (!has_now)
		p->now = has_max ? p->max : p->fallback;
	if (!has_max)
		p->max = p->now;
	if (p->max >= p->now)
		return 0;
	report_error(c->r, max_line, "'%s' (%ld) must not be less than '%s' (%ld)",
		     p->max_key, p->max, p->now_key, p->now);
	return -1;
}

int config_resources(struct config_ctx *c)
{
	struct pair memory = {
		.now_key = "memory", .max_key = "maxmem",
		.limit = XL_MAX_MEMORY_MIB, .fallback = DEFAULT_MEMORY_MIB,
	};
	struct pair vcpus = {
		.now_key = "vcpus", .max_key = "maxvcpus",
		.limit = XL_MAX_VCPUS, .fallback = 1,
	};

	if (read_pair(c, &memory) || read_pair(c, &vcpus))
		return -1;
	c->out->memory_mib = memory.now;
	c->out->maxmem_mib = memory.max;
	c->out->vcpus = vcpus.now;
	c->out->maxvcpus = vcpus.max;
	return 0;
}
