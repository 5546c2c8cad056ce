/* What the PV bench guest's files provide one another. */
#ifndef PV_BENCH_H
#define PV_BENCH_H

#include "../common/bench.h"

/* user_roundtrip.S */
void bench_user_roundtrip(void);
extern char bench_syscall_entry[], bounce_stack_top[];

/*
 * reason.c: the text prepare() returns. Both write one buffer, which the
 * next call overwrites.
 */
const char *why(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* NULL if no exception was seen since exceptions_reset(). */
const char *exception_reason(const char *what);

/* The rows of ops.c, mmu.c and domu.c, in that order. */
extern const struct bench_op pv_ops[], pv_mmu_ops[], pv_domu_ops[];

#endif
