/* The hypervisor's panic() for host tests, and the shared main(). */
#include "lib.h"
#include "support.h"

jmp_buf panic_jump;
bool panic_expected;
static char panic_message[256];

/* An unexpected panic fails the running test with the hypervisor's own
 * message, instead of killing the binary. */
void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(panic_message, sizeof(panic_message), fmt, ap);
	va_end(ap);
	if (panic_expected)
		longjmp(panic_jump, 1);
	ck_abort_msg("unexpected panic: %s", panic_message);
}

int main(void)
{
	SRunner *sr = srunner_create(unit_suite());

	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}
