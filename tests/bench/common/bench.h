/*
 * The benchmark loop shared by the native kernel and the PV guest. Each
 * platform lists its operations and provides bench_write(); bench_run()
 * measures them all and prints one machine-readable line per operation.
 */
#ifndef BENCH_H
#define BENCH_H

struct bench_op {
	const char *name;
	void (*run)(void);
	/* Readies run() once; returns NULL, or why run() cannot be measured here. */
	const char *(*prepare)(void);
};

void bench_run(const struct bench_op *ops, unsigned long n_ops);

/* Provided by each platform: text for the console the runner reads. */
void bench_write(const char *s, unsigned long len);

#endif
