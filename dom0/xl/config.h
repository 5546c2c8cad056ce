/*
 * The meaning of xl.cfg keys, as xl's xl_parse.c gives it, for the keys a
 * Xenith PV guest uses. Each config_*() below reads one group of keys into
 * the domain config, returning 0 or -1 with the error reported. A key no
 * reader looks at draws a warning and is otherwise ignored, as in xl.
 */
#ifndef XL_CONFIG_INTERNAL_H
#define XL_CONFIG_INTERNAL_H

#include "cfg.h"
#include "xl_config.h"

struct config_ctx {
	struct cfg_file *file;
	struct report *r;
	struct xl_domain_config *out;
};

/* The readers of one key: 1 when it is set (*line: where), 0 when it is
 * not, -1 when it has the wrong type or value (reported). */
int config_string(struct config_ctx *c, const char *key, const char **s, unsigned *line);
int config_number(struct config_ctx *c, const char *key, long min, long max,
		  long *n, unsigned *line);
int config_list(struct config_ctx *c, const char *key, const struct cfg_value **list);

/* A copy of s, or NULL with the failure reported. */
char *config_strdup(struct config_ctx *c, const char *s);

int config_guest(struct config_ctx *c);         /* type, name, kernel, cmdline... */
int config_resources(struct config_ctx *c);     /* memory and vCPUs */
int config_actions(struct config_ctx *c);       /* on_poweroff & co */
int config_devices(struct config_ctx *c);       /* disk, vif */

#endif
