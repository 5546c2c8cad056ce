#include <stdint.h>
#include "bench.h"
#include "markers.h"
#include "print.h"
#include "tsc.h"

/*
 * Each op is counted REGIONS times, one call per marker region: an
 * interrupt taken inside a region adds its handler to that region only, so
 * the runner takes the count most regions agree on. (Under Xen an interrupt
 * lands every few milliseconds of emulated time; a region of 1000 slow
 * calls never escapes one.) Timing is per call, over TICK_ITERS calls, or
 * over as many batches as make TICK_ITERS entries: a batch of 512 slow
 * entries would otherwise take minutes under TCG. A user program takes
 * fewer (guest-kernel/user/lmbench/): each fork shares its samples too.
 */
#define REGIONS 1000
#ifndef TICK_ITERS
#define TICK_ITERS 100000
#endif

struct ticks {
	uint32_t median, min, max;
};

static uint32_t samples[TICK_ITERS];

static void empty(void)
{
}

/*
 * noipa keeps one copy, shared by every op: the empty op's region then
 * holds exactly the call overhead to subtract.
 */
static void __attribute__((noipa)) count_region(unsigned long tag, void (*op)(void))
{
	region_start(tag);
	op();
	region_end();
}

static void __attribute__((noipa)) sample_ticks(void (*op)(void), unsigned long iters)
{
	for (unsigned long i = 0; i < iters; i++) {
		uint64_t t0 = rdtsc();
		uint64_t d;

		op();
		d = rdtsc() - t0;
		samples[i] = d > UINT32_MAX ? UINT32_MAX : d;
	}
}

static void swap(uint32_t *a, uint32_t *b)
{
	uint32_t t = *a;

	*a = *b;
	*b = t;
}

/* Hoare's selection: the k-th smallest of a[0..n), reordering a. */
static uint32_t select_kth(uint32_t *a, long n, long k)
{
	long lo = 0, hi = n - 1;

	while (lo < hi) {
		uint32_t pivot = a[lo + (hi - lo) / 2];
		long i = lo, j = hi;

		while (i <= j) {
			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i <= j)
				swap(&a[i++], &a[j--]);
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			break;
	}
	return a[k];
}

static struct ticks summarise(unsigned long iters)
{
	struct ticks t = { 0, UINT32_MAX, 0 };

	for (unsigned long i = 0; i < iters; i++) {
		if (samples[i] < t.min)
			t.min = samples[i];
		if (samples[i] > t.max)
			t.max = samples[i];
	}
	t.median = select_kth(samples, iters, iters / 2);
	return t;
}

static void field(const char *name, unsigned long v)
{
	print_str(" ");
	print_str(name);
	print_str("=");
	print_dec(v);
}

/* Each call's region may end before timed() returns, in another domain. */
static void measure_timed(unsigned long tag, uint64_t (*timed)(void), unsigned long calls)
{
	for (unsigned long i = 0; i < calls; i++) {
		uint64_t d;

		region_start(tag);
		d = timed();
		region_end();
		samples[i] = d > UINT32_MAX ? UINT32_MAX : d;
	}
}

static void measure(unsigned long tag, const struct bench_op *op)
{
	unsigned long entries = op->batch ? op->batch : 1;
	unsigned long iters = op->calls ? op->calls : TICK_ITERS / entries;
	unsigned long regions = op->calls ? op->calls : REGIONS;
	struct ticks t;

	if (op->timed) {
		measure_timed(tag, op->timed, iters);
	} else {
		for (unsigned long r = 0; r < regions; r++)
			count_region(tag, op->run);
		sample_ticks(op->run, iters);
	}
	t = summarise(iters);
	print_str("BENCH op=");
	print_str(op->name);
	field("tag", tag);
	field("entries", entries);
	field("regions", regions);
	field("iters", iters);
	field("ticks_median", t.median);
	field("ticks_min", t.min);
	field("ticks_max", t.max);
	print_str("\n");
}

static void run_op(unsigned long tag, const struct bench_op *op)
{
	const char *why = op->prepare ? op->prepare() : 0;

	if (!why) {
		measure(tag, op);
		if (op->finish)
			op->finish();
		return;
	}
	print_str("BENCH op=");
	print_str(op->name);
	print_str(" na=");
	print_str(why);
	print_str("\n");
}

void bench_count(const char *name, unsigned long count, const char *why)
{
	print_str("BENCH op=");
	print_str(name);
	field("count", count);
	print_str(" why=");
	print_str(why);
	print_str("\n");
}

void bench_done(void)
{
	print_str("BENCH done\n");
}

void bench_run(const struct bench_op *const tables[])
{
	const struct bench_op baseline = { .name = "empty", .run = empty };
	unsigned long tag = 0;

	measure(tag, &baseline);
	for (; *tables; tables++)
		for (const struct bench_op *op = *tables; op->name; op++)
			run_op(++tag, op);
	bench_done();
}
