/* What the PV bench guest's files provide one another. */
#ifndef PV_BENCH_H
#define PV_BENCH_H

#include "../common/bench.h"

/* user_roundtrip.S */
void bench_user_roundtrip(void);
extern char bench_syscall_entry[], bounce_stack_top[];

extern const struct bench_op pv_ops[];
extern const unsigned long pv_n_ops;

#endif
