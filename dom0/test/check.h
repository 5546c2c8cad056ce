/* The checks of dom0's device tests (privcmd_test, evtchn_test,
 * xenbus_test): each counts as passed or failed, and a failure prints
 * "NAME: FAIL line N: WHAT (errno E)" on one line. */
#ifndef DOM0_TEST_CHECK_H
#define DOM0_TEST_CHECK_H

#define CHECK(cond) check((cond) != 0, #cond, __LINE__)
#define EXPECT(cond, what) check((cond) != 0, what, __LINE__)

/* The test's name, which starts each line; main() sets it first. */
extern const char *check_name;

void check(int ok, const char *what, int line);
/* Prints "NAME: N passed, N failed"; the exit status, 1 on any failure. */
int check_summary(void);

#endif
