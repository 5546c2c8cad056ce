/*
 * The benchmark loop shared by the native kernel and the PV guest. Each
 * platform lists its operations and provides bench_write(); bench_run()
 * measures them all and prints one machine-readable line per operation.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

struct bench_op {
	const char *name;
	void (*run)(void);
	/* Readies run() once; returns NULL, or why run() cannot be measured here. */
	const char *(*prepare)(void);
	/* Entries one run() handles when it is a batch (the table divides by it); else 0. */
	unsigned int batch;
	/*
	 * For an op whose region may end inside it, where the op's end really
	 * is (another domain): called instead of run(), calls times (below),
	 * one region each, and returns its own ticks.
	 */
	uint64_t (*timed)(void);
	/*
	 * For an op too slow for the thousand regions and the TICK_ITERS
	 * timed calls (bench.c) of the others: as many regions, then as many
	 * timed calls, up to TICK_ITERS. 0 for those.
	 */
	unsigned int calls;
	/* Undoes what prepare() set up once the op is measured, or NULL. */
	void (*finish)(void);
};

/*
 * Measures the operations of each table in turn, the rows of the results
 * in that order. Each table ends with an entry without a name, the list of
 * tables with NULL.
 */
void bench_run(const struct bench_op *const tables[]);

/*
 * A row that is a count, not a cost (how many of something fit), with
 * what stopped the count; for a boot that measures nothing else, whose
 * last line is then bench_done()'s, as bench_run()'s is.
 */
void bench_count(const char *name, unsigned long count, const char *why);
void bench_done(void);

/* Provided by each platform: text for the console the runner reads. */
void bench_write(const char *s, unsigned long len);

#endif
