/*
 * What the guest is and what it boots: type (or the older builder), name,
 * kernel, ramdisk and its command line.
 */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* xl takes any prefix of a type name ("p" is "pv"); only the full name is
 * taken here. */
static int only_value(struct config_ctx *c, const char *key, const char *allowed)
{
	const char *value;
	char q[QUOTE_SIZE];
	unsigned line;
	int rc = config_string(c, key, &value, &line);

	if (rc < 0)
		return -1;
	if (!rc || !strcmp(value, allowed))
		return 0;
	report_error(c->r, line, "'%s' must be \"%s\", got %s (Xenith runs PV guests only)",
		     key, allowed, report_quote(q, value));
	return -1;
}

/* A path or name: left NULL if not set and not required, never empty. */
static int path_or_name(struct config_ctx *c, const char *key, bool required, char **out)
{
	const char *value;
	unsigned line;
	int rc = config_string(c, key, &value, &line);

	if (rc < 0)
		return -1;
	if (!rc) {
		if (!required)
			return 0;
		report_error(c->r, 0, "missing required key '%s'", key);
		return -1;
	}
	if (!*value) {
		report_error(c->r, line, "'%s' must not be empty", key);
		return -1;
	}
	*out = config_strdup(c, value);
	return *out ? 0 : -1;
}

/* As xl's parse_cmdline: cmdline if set, else "root=ROOT EXTRA". */
static char *join_root_extra(struct config_ctx *c, const char *root, const char *extra)
{
	size_t size = strlen("root= ") + strlen(root ? root : "") + strlen(extra ? extra : "") + 1;
	char *s = malloc(size);

	if (!s) {
		report_nomem(c->r);
		return NULL;
	}
	if (root && extra)
		snprintf(s, size, "root=%s %s", root, extra);
	else if (root)
		snprintf(s, size, "root=%s", root);
	else
		snprintf(s, size, "%s", extra);
	return s;
}

static int command_line(struct config_ctx *c)
{
	const char *cmdline = NULL, *root = NULL, *extra = NULL;
	unsigned line;
	int has_cmdline = config_string(c, "cmdline", &cmdline, &line);

	if (has_cmdline < 0 || config_string(c, "root", &root, NULL) < 0 ||
	    config_string(c, "extra", &extra, NULL) < 0)
		return -1;
	if (has_cmdline) {
		if (root || extra)
			report_warning(c->r, line, "ignoring 'root' and 'extra' in favour of 'cmdline'");
		c->out->cmdline = config_strdup(c, cmdline);
	} else if (root || extra) {
		c->out->cmdline = join_root_extra(c, root, extra);
	} else {
		return 0;
	}
	return c->out->cmdline ? 0 : -1;
}

int config_guest(struct config_ctx *c)
{
	struct xl_domain_config *out = c->out;

	if (only_value(c, "type", "pv") || only_value(c, "builder", "generic") ||
	    path_or_name(c, "name", true, &out->name) ||
	    path_or_name(c, "kernel", true, &out->kernel) ||
	    path_or_name(c, "ramdisk", false, &out->ramdisk))
		return -1;
	return command_line(c);
}
