/*
 * What xl's per-domain daemon does: after xl create, a child process stays
 * and waits for the domain to stop (a watch on @releaseDomain, which
 * xenstored fires when Xen says a domain shut down or went). It then does
 * what the config says for the reason: on_poweroff, on_reboot, on_watchdog
 * or, for a crash or anything else, on_crash. "destroy" destroys the domain
 * and removes its xenstore entries, "preserve" leaves it shut down for xl
 * destroy, "restart" destroys it and creates it again from the same config
 * and goes on watching the new domain. A crash or a restart is said in one
 * line on dom0's console. The monitor ends with its domain, and when xl
 * destroy takes the domain away first.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <xenstore.h>
#include <xen/sched.h>

#include "xl_cmd.h"
#include "xl_config.h"

/* A domain that stops again this soon after a restart is not restarted. */
#define RESTART_MIN_SECONDS 10

static const char *const reasons[] = {
	[SHUTDOWN_poweroff] = "powered off", [SHUTDOWN_reboot] = "rebooted",
	[SHUTDOWN_suspend] = "suspended", [SHUTDOWN_crash] = "crashed",
	[SHUTDOWN_watchdog] = "was stopped by its watchdog",
};

/* Core dumps and renames are not done here: the nearest action instead. */
static enum xl_action effective(enum xl_action a)
{
	switch (a) {
	case XL_ACTION_COREDUMP_DESTROY:
		return XL_ACTION_DESTROY;
	case XL_ACTION_RENAME_RESTART:
	case XL_ACTION_COREDUMP_RESTART:
	case XL_ACTION_SOFT_RESET:
		return XL_ACTION_RESTART;
	default:
		return a;
	}
}

void xl_monitor_check(const char *file, const struct xl_domain_config *cfg)
{
	const enum xl_action actions[] = { cfg->on_poweroff, cfg->on_reboot, cfg->on_watchdog,
					   cfg->on_crash };

	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (effective(actions[i]) != actions[i]) {
			fprintf(stderr, "xl: %s: warning: no core dumps, renames or soft resets: "
					"destroy or restart instead\n", file);
			return;
		}
}

static enum xl_action action_for(const struct xl_domain_config *cfg, unsigned reason)
{
	switch (reason) {
	case SHUTDOWN_poweroff:
		return effective(cfg->on_poweroff);
	case SHUTDOWN_reboot:
		return effective(cfg->on_reboot);
	case SHUTDOWN_watchdog:
		return effective(cfg->on_watchdog);
	default:
		return effective(cfg->on_crash);
	}
}

static const char *reason_text(int reason)
{
	return reason < (int)(sizeof(reasons) / sizeof(reasons[0])) && reasons[reason]
		       ? reasons[reason]
		       : "shut down";
}

/* The new domain's id, or -1 when it is not restarted. */
static long restart(xc_interface *xch, const struct xl_domain_config *cfg, uint32_t domid,
		    int reason, time_t *started)
{
	long next;

	xl_domain_remove(xch, domid);
	if (time(NULL) - *started < RESTART_MIN_SECONDS) {
		fprintf(stderr, "xl monitor: domain %u (%s) %s again within %d s: destroyed\n",
			domid, cfg->name, reason_text(reason), RESTART_MIN_SECONDS);
		return -1;
	}
	next = xl_create_domain(cfg);
	*started = time(NULL);
	fprintf(stderr, "xl monitor: domain %u (%s) %s: %s\n", domid, cfg->name,
		reason_text(reason), next < 0 ? "could not restart it" : "restarted");
	return next;
}

/* One stop of the domain: the next domain to watch, or -1 to end. */
static long handle(xc_interface *xch, const struct xl_domain_config *cfg, uint32_t domid,
		   int reason, time_t *started)
{
	enum xl_action a = action_for(cfg, (unsigned)reason);

	if (a == XL_ACTION_RESTART)
		return restart(xch, cfg, domid, reason, started);
	if (reason != SHUTDOWN_poweroff)
		fprintf(stderr, "xl monitor: domain %u (%s) %s: %s\n", domid, cfg->name,
			reason_text(reason), a == XL_ACTION_PRESERVE ? "preserved" : "destroyed");
	if (a != XL_ACTION_PRESERVE)
		xl_domain_remove(xch, domid);
	return -1;
}

static void monitor(xc_interface *xch, const struct xl_domain_config *cfg, uint32_t domid)
{
	time_t started = 0;
	unsigned int num;
	long next = domid;
	char **event;
	int reason;

	/* The watch fires once when set: a domain that stopped already is seen. */
	if (!xs_watch(xl_store(), "@releaseDomain", "monitor"))
		return;
	while (next >= 0 && (event = xs_read_watch(xl_store(), &num))) {
		free(event);
		reason = xl_domain_state(xch, (uint32_t)next);
		if (reason == XL_DOMAIN_GONE)
			return;
		if (reason >= 0)
			next = handle(xch, cfg, (uint32_t)next, reason, &started);
	}
}

/* Whatever xl's own output went to (a file, a pipe someone waits on to
 * close), the monitor speaks on the console, and reads nothing. */
static void own_stdio(void)
{
	int null = open("/dev/null", O_RDONLY), console = open("/dev/console", O_WRONLY);

	if (null >= 0)
		dup2(null, STDIN_FILENO);
	if (console >= 0) {
		dup2(console, STDOUT_FILENO);
		dup2(console, STDERR_FILENO);
	}
	if (null > STDERR_FILENO)
		close(null);
	if (console > STDERR_FILENO)
		close(console);
}

void xl_monitor_start(xc_interface *xch, const struct xl_domain_config *cfg, uint32_t domid)
{
	pid_t pid;

	/* What xl buffered is xl's to write, not the child's too. */
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		perror("xl: monitor");
	if (pid)
		return;
	own_stdio();
	xl_store_reopen();
	monitor(xch, cfg, domid);
	exit(0);
}
