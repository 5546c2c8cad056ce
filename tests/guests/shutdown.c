/*
 * Shuts down with the reason its command line names (reason=poweroff,
 * reboot, suspend, crash or watchdog); the harness checks how the
 * hypervisor took it. This guest passes once it has read a known reason.
 */
#include "string.h"
#include "test.h"

const char test_name[] = "shutdown";

static const struct {
	const char *name;
	unsigned int reason;
} reasons[] = {
	{ "poweroff", SHUTDOWN_poweroff },
	{ "reboot", SHUTDOWN_reboot },
	{ "suspend", SHUTDOWN_suspend },
	{ "crash", SHUTDOWN_crash },
	{ "watchdog", SHUTDOWN_watchdog },
};

#define NR_REASONS (sizeof(reasons) / sizeof(reasons[0]))

/* The value runs to the next space or the end of the command line. */
static int parse_reason(const char *cmdline)
{
	const char *arg = strstr(cmdline, "reason=");
	size_t len;
	unsigned int i;

	if (!arg)
		return -1;
	arg += strlen("reason=");
	for (len = 0; arg[len] && arg[len] != ' '; len++)
		;
	for (i = 0; i < NR_REASONS; i++)
		if (strlen(reasons[i].name) == len &&
		    !strncmp(arg, reasons[i].name, len))
			return (int)reasons[i].reason;
	return -1;
}

void test_main(void)
{
	const char *cmdline = (const char *)xen_start_info->cmd_line;
	int reason;

	printf("shutdown: command line \"%s\"\n", cmdline);
	reason = parse_reason(cmdline);
	if (reason < 0) {
		fail("no known reason= in the command line \"%s\"", cmdline);
		return;
	}
	printf("shutdown: shutting down with reason %d\n", reason);
	test_set_shutdown_reason((unsigned int)reason);
}
