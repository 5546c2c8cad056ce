/* The rows of the guest kernel's lmbench-style table, one table per file. */
#ifndef LMBENCH_H
#define LMBENCH_H

#include "bench.h"

#define PAGE_SIZE 4096

extern const struct bench_op syscall_ops[], fork_ops[], ring_ops[], memory_ops[];

/* "what: the text of errno", for a prepare() whose call failed. */
const char *failed(const char *what);

#endif
