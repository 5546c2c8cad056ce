/*
 * Reading a key as the type it should have. As in libxlu, a number may be
 * written bare or quoted ("512"), and is read as C's strtol reads it with
 * base 0: 0x1f is hexadecimal, and 017 octal. Where xl only warns about
 * a wrong type and carries on as if the key were absent, these readers
 * refuse the config: a guest would otherwise boot unlike what was asked.
 */
#include "config.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static struct cfg_setting *find(struct config_ctx *c, const char *key, unsigned *line)
{
	struct cfg_setting *s = cfg_find(c->file, key);

	if (s && line)
		*line = s->line;
	return s;
}

int config_string(struct config_ctx *c, const char *key, const char **str, unsigned *line)
{
	struct cfg_setting *s = find(c, key, line);

	if (!s)
		return 0;
	if (s->value->type != CFG_ATOM) {
		report_error(c->r, s->line, "'%s' must be a string, got a list", key);
		return -1;
	}
	*str = s->value->atom.text;
	return 1;
}

int config_number(struct config_ctx *c, const char *key, long min, long max,
		  long *n, unsigned *line)
{
	struct cfg_setting *s = find(c, key, line);
	char q[QUOTE_SIZE], *end;
	const char *text;

	if (!s)
		return 0;
	if (s->value->type != CFG_ATOM) {
		report_error(c->r, s->line, "'%s' must be a number, got a list", key);
		return -1;
	}
	if (s->appended) {
		report_error(c->r, s->line, "'%s' is a number: '+=' cannot add to it", key);
		return -1;
	}
	text = s->value->atom.text;
	errno = 0;
	*n = strtol(text, &end, 0);
	if (end == text || *end) {
		report_error(c->r, s->line, "'%s' must be a number, got %s", key,
			     report_quote(q, text));
		return -1;
	}
	if (errno == ERANGE || *n < min || *n > max) {
		report_error(c->r, s->line, "'%s' must be between %ld and %ld, got %s", key,
			     min, max, report_quote(q, text));
		return -1;
	}
	return 1;
}

int config_list(struct config_ctx *c, const char *key, const struct cfg_value **list)
{
	struct cfg_setting *s = find(c, key, NULL);
	char q[QUOTE_SIZE];

	if (!s)
		return 0;
	if (s->value->type != CFG_LIST) {
		report_error(c->r, s->line, "'%s' must be a list, got %s", key,
			     report_quote(q, s->value->atom.text));
		return -1;
	}
	*list = s->value;
	return 1;
}

char *config_strdup(struct config_ctx *c, const char *s)
{
	char *copy = strdup(s);

	if (!copy)
		report_nomem(c->r);
	return copy;
}
