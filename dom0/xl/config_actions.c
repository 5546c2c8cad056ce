/*
 * What to do when the guest powers off, reboots, crashes or its watchdog
 * fires, with xl's names and defaults.
 */
#include "config.h"
#include <string.h>

static const char *const action_names[] = {
	[XL_ACTION_DESTROY] = "destroy",
	[XL_ACTION_RESTART] = "restart",
	[XL_ACTION_RENAME_RESTART] = "rename-restart",
	[XL_ACTION_PRESERVE] = "preserve",
	[XL_ACTION_COREDUMP_DESTROY] = "coredump-destroy",
	[XL_ACTION_COREDUMP_RESTART] = "coredump-restart",
	[XL_ACTION_SOFT_RESET] = "soft-reset",
};

#define NR_ACTIONS      (sizeof(action_names) / sizeof(action_names[0]))

static int unknown_action(struct config_ctx *c, const char *key, unsigned line,
			  const char *value)
{
	char names[160] = "", q[QUOTE_SIZE];
	size_t i;

	for (i = 0; i < NR_ACTIONS; i++) {
		strcat(names, action_names[i]);
		strcat(names, i + 1 < NR_ACTIONS ? ", " : "");
	}
	report_error(c->r, line, "'%s' must be one of %s; got %s", key, names,
		     report_quote(q, value));
	return -1;
}

static int action(struct config_ctx *c, const char *key, enum xl_action fallback,
		  enum xl_action *out)
{
	const char *value;
	unsigned line;
	int rc = config_string(c, key, &value, &line);
	size_t i;

	*out = fallback;
	if (rc <= 0)
		return rc;
	for (i = 0; i < NR_ACTIONS; i++) {
		if (!strcmp(value, action_names[i])) {
			*out = i;
			return 0;
		}
	}
	return unknown_action(c, key, line, value);
}

int config_actions(struct config_ctx *c)
{
	struct xl_domain_config *out = c->out;

	if (action(c, "on_poweroff", XL_ACTION_DESTROY, &out->on_poweroff) ||
	    action(c, "on_reboot", XL_ACTION_RESTART, &out->on_reboot) ||
	    action(c, "on_watchdog", XL_ACTION_DESTROY, &out->on_watchdog) ||
	    action(c, "on_crash", XL_ACTION_DESTROY, &out->on_crash))
		return -1;
	return 0;
}
