/* What the PV bench guest's files provide one another. */
#ifndef PV_BENCH_H
#define PV_BENCH_H

#include <stdbool.h>
#include <stddef.h>

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

/* The rows of ops.c, mmu.c, domu.c, login.c and domains.c, in that order. */
extern const struct bench_op pv_ops[], pv_mmu_ops[], pv_domu_ops[], pv_login_ops[],
	pv_domains_ops[];

/* domu.c: 16 MiB, the domU size issue 5 measures. */
#define DOMU_PAGES 4096
/* Each takes millions of instructions: ten regions a row, not a thousand. */
#define CREATIONS 10
struct peer;
/* A file of the second boot module, a cpio archive (bench.mk), or NULL. */
const void *bundle_file(const char *name, size_t *len);
/*
 * Builds a domU of nr_pages from p's image (NULL: the peer image,
 * tests/bench/peer/) and serves it until `until` says so (peers_run's
 * step; NULL: until it rings): NULL, or why it did not get there.
 */
const char *domu_start(struct peer *p, unsigned long nr_pages, const char *cmdline,
		       bool (*until)(struct peer *, unsigned int));
/*
 * One creation of a creation row: domu_start() of DOMU_PAGES, the region
 * ended there if the domU has not ended it, then the domain destroyed and
 * gone, so that each creation finds the same free memory. Returns the
 * ticks to the end; *failure: why it failed, or NULL.
 */
uint64_t domu_create_once(struct peer *p, const char *cmdline,
			  bool (*until)(struct peer *, unsigned int), const char **failure);
/* The domain_create row's timed() and prepare(), for domains.c's too. */
uint64_t domain_create(void);
const char *prepare_domain_create(void);

/* domains.c: the count of 16 MiB domUs that boot, the boot's only row. */
void domu_capacity(void);

#endif
