/* Expansion of $? (the last status) and $! (the last background pid),
 * the shell's only variables; any other $ stands for itself. It runs
 * just before a pipeline does, so that $? sees the commands before it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

static char *expand_word(const char *word)
{
	size_t size = strlen(word) * 12 + 1;	/* each mark may become an int */
	char *out = malloc(size), *o = out;

	/* Nothing sensible can run without memory for its arguments. */
	if (!out) {
		fputs("sh: out of memory\n", stderr);
		exit(2);
	}
	for (const char *s = word; *s; s++) {
		if (*s != VAR_MARK)
			*o++ = *s;
		else if (s[1] == '?' || s[1] == '!')
			o += sprintf(o, "%d", *++s == '?' ? last_status : (int)last_background);
		else
			*o++ = '$';
	}
	*o = 0;
	return out;
}

static void expand_one(const char **word)
{
	if (*word)
		*word = expand_word(*word);
}

void expand_pipeline(struct pipeline *p)
{
	for (int i = 0; i < p->ncmds; i++) {
		struct command *c = &p->cmds[i];

		for (int a = 0; a < c->argc; a++)
			c->argv[a] = expand_word(c->argv[a]);
		expand_one(&c->in);
		expand_one(&c->out);
	}
}

void free_expanded(struct pipeline *p)
{
	for (int i = 0; i < p->ncmds; i++) {
		struct command *c = &p->cmds[i];

		for (int a = 0; a < c->argc; a++)
			free(c->argv[a]);
		free((char *)c->in);
		free((char *)c->out);
	}
}
