/*
 * The marker instructions tests/bench/plugin/insncount.c counts between.
 * Both are no-ops to the CPU; the start marker names its region by %rbx.
 */
#ifndef BENCH_MARKERS_H
#define BENCH_MARKERS_H

static inline void region_start(unsigned long tag)
{
	asm volatile("xchg %%bx, %%bx" : : "b"(tag) : "memory");
}

static inline void region_end(void)
{
	asm volatile("xchg %%cx, %%cx" : : : "memory");
}

#endif
