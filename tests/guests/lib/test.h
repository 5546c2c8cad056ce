/*
 * What a test guest defines and calls. Each guest provides test_name and
 * test_main(); the framework prints the one result line docs/testing.md
 * specifies and shuts the domain down.
 */
#ifndef GUEST_TEST_H
#define GUEST_TEST_H

#include "console.h"
#include "xen.h"

extern const char test_name[];
void test_main(void);

extern const start_info_t *xen_start_info;

/* Records a failure; the first one becomes the result line's reason. */
void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints the result line and shuts down; for fatal paths too. */
void __attribute__((noreturn)) test_finish(void);
void test_set_shutdown_reason(unsigned int reason);

#define expect(cond, ...)                                                    \
	do {                                                                 \
		if (!(cond))                                                 \
			fail(__VA_ARGS__);                                   \
	} while (0)

#define expect_eq(got, want, what)                                           \
	do {                                                                 \
		long got_ = (long)(got), want_ = (long)(want);               \
		if (got_ != want_)                                           \
			fail("%s: got %ld (0x%lx), expected %ld (0x%lx)",    \
			     what, got_, got_, want_, want_);                \
	} while (0)

#endif
