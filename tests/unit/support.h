/* What every unit test binary shares: main() runs the one suite its test
 * file defines, and panic() comes back to a test that expects it. */
#ifndef UNIT_SUPPORT_H
#define UNIT_SUPPORT_H

#include <check.h>
#include <setjmp.h>
#include <stdbool.h>

Suite *unit_suite(void);

extern jmp_buf panic_jump;
extern bool panic_expected;

/* A BUG_ON in the code under test must fire: stmt has to panic, and the
 * test goes on after it with the hypervisor's state as the panic left it. */
#define ck_assert_panics(stmt) do { \
	panic_expected = true; \
	if (!setjmp(panic_jump)) { \
		stmt; \
		panic_expected = false; \
		ck_abort_msg("no panic from %s", #stmt); \
	} \
	panic_expected = false; \
} while (0)

#endif
