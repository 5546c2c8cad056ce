#include <stdint.h>
#include "bench.h"
#include "markers.h"
#include "print.h"

/*
 * Each op is counted REGIONS times, one call per marker region: an
 * interrupt taken inside a region adds its handler to that region only, so
 * the runner takes the count most regions agree on. (Under Xen an interrupt
 * lands every few milliseconds of emulated time; a region of 1000 slow
 * calls never escapes one.) Timing is per call, TICK_ITERS calls.
 */
#define REGIONS 1000
#define TICK_ITERS 100000

struct ticks {
	uint32_t median, min, max;
};

static uint32_t samples[TICK_ITERS];

static void empty(void)
{
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
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

static void __attribute__((noipa)) sample_ticks(void (*op)(void))
{
	for (unsigned long i = 0; i < TICK_ITERS; i++) {
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

static struct ticks summarise(void)
{
	struct ticks t = { 0, UINT32_MAX, 0 };

	for (long i = 0; i < TICK_ITERS; i++) {
		if (samples[i] < t.min)
			t.min = samples[i];
		if (samples[i] > t.max)
			t.max = samples[i];
	}
	t.median = select_kth(samples, TICK_ITERS, TICK_ITERS / 2);
	return t;
}

static void field(const char *name, unsigned long v)
{
	print_str(" ");
	print_str(name);
	print_str("=");
	print_dec(v);
}

static void measure(unsigned long tag, const struct bench_op *op)
{
	struct ticks t;

	for (int r = 0; r < REGIONS; r++)
		count_region(tag, op->run);
	sample_ticks(op->run);
	t = summarise();
	print_str("BENCH op=");
	print_str(op->name);
	field("tag", tag);
	field("regions", REGIONS);
	field("iters", TICK_ITERS);
	field("ticks_median", t.median);
	field("ticks_min", t.min);
	field("ticks_max", t.max);
	print_str("\n");
}

void bench_run(const struct bench_op *ops, unsigned long n_ops)
{
	const struct bench_op baseline = { "empty", empty, 0 };

	measure(0, &baseline);
	for (unsigned long i = 0; i < n_ops; i++) {
		const char *why = ops[i].prepare ? ops[i].prepare() : 0;

		if (!why) {
			measure(i + 1, &ops[i]);
			continue;
		}
		print_str("BENCH op=");
		print_str(ops[i].name);
		print_str(" na=");
		print_str(why);
		print_str("\n");
	}
	print_str("BENCH done\n");
}
