/* The parser: one pipeline at a time, up to the ; or & that ends it.
 * Commands point into the tokens' words, which outlive the pipeline. */
#include <stdio.h>
#include <string.h>

#include "sh.h"

static int parse_error(const char *what)
{
	fprintf(stderr, "sh: %s\n", what);
	return -1;
}

/* A redirection's target is the word after the operator. */
static int redirect(const struct token *toks, int n, int *pos, struct command *c)
{
	enum token_kind kind = toks[*pos].kind;

	if (++*pos >= n || toks[*pos].kind != TOK_WORD)
		return parse_error("redirection without a file");
	if (kind == TOK_IN) {
		c->in = toks[*pos].word;
	} else {
		c->out = toks[*pos].word;
		c->append = kind == TOK_APPEND;
	}
	return 0;
}

static int parse_command(const struct token *toks, int n, int *pos, struct command *c)
{
	memset(c, 0, sizeof(*c));
	for (; *pos < n && toks[*pos].kind != TOK_PIPE && toks[*pos].kind != TOK_SEMI &&
	       toks[*pos].kind != TOK_AMP; ++*pos) {
		if (toks[*pos].kind != TOK_WORD) {
			if (redirect(toks, n, pos, c))
				return -1;
		} else if (c->argc == MAX_ARGS) {
			return parse_error("too many arguments");
		} else {
			c->argv[c->argc++] = toks[*pos].word;
		}
	}
	return c->argc ? 0 : parse_error("missing command");
}

/* Fills p from toks[*pos] on and moves *pos past the pipeline's end. */
int parse_pipeline(const struct token *toks, int n, int *pos, struct pipeline *p)
{
	p->ncmds = 0;
	p->background = false;
	for (;;) {
		if (p->ncmds == MAX_COMMANDS)
			return parse_error("pipeline too long");
		if (parse_command(toks, n, pos, &p->cmds[p->ncmds++]))
			return -1;
		if (*pos == n)
			return 0;
		switch (toks[(*pos)++].kind) {
		case TOK_AMP:
			p->background = true;
			return 0;
		case TOK_SEMI:
			return 0;
		default:	/* TOK_PIPE: another command follows */
			break;
		}
	}
}
