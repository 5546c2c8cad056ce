#include "events.h"
#include "hypercall.h"
#include "string.h"
#include "test.h"
#include "traps.h"

const start_info_t *xen_start_info;

static char first_failure[200];
static unsigned int failures;
static unsigned int shutdown_reason = SHUTDOWN_poweroff;

void fail(const char *fmt, ...)
{
	char msg[sizeof(first_failure)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printf("%s: fail: %s\n", test_name, msg);
	if (!failures++)
		memcpy(first_failure, msg, sizeof(msg));
}

void test_set_shutdown_reason(unsigned int reason)
{
	shutdown_reason = reason;
}

static void print_result(void)
{
	if (failures > 1)
		printf("RESULT: %s: FAIL: %s (and %u more)\n", test_name,
		       first_failure, failures - 1);
	else if (failures)
		printf("RESULT: %s: FAIL: %s\n", test_name, first_failure);
	else
		printf("RESULT: %s: PASS\n", test_name);
}

void test_finish(void)
{
	struct sched_shutdown shutdown = { .reason = shutdown_reason };
	long rc;

	print_result();
	rc = HYPERVISOR_sched_op(SCHEDOP_shutdown, &shutdown);
	printf("%s: SCHEDOP_shutdown returned %ld\n", test_name, rc);
	for (;;)
		HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
}

/* Called from head.S on the guest's own stack. */
void __attribute__((noreturn)) guest_start(const start_info_t *si);
void guest_start(const start_info_t *si)
{
	long rc;

	xen_start_info = si;
	rc = traps_init();
	if (rc)
		fail("set_trap_table: %ld", rc);
	else if ((rc = events_init()))
		fail("event setup: %ld", rc);
	else
		test_main();
	test_finish();
}
