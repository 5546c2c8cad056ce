/*
 * The xl.cfg grammar of libxlu_cfg_y.y, by recursive descent:
 *
 *   file      := { stmt } [ assignment ]       -- the last needs no newline
 *   stmt      := assignment end | end
 *   end       := NEWLINE | ';'
 *   assignment:= IDENT ( '=' | '+=' ) value
 *   value     := STRING | NUMBER | '[' nl [ value nl { ',' nl value nl } [ ',' nl ] ] ']'
 *   nl        := { NEWLINE }
 *
 * libxlu reports an error and resynchronises at the next line; this parser
 * stops at the first error, since the user gets one line either way.
 */
#include "cfg.h"
#include "cfg_lex.h"
#include <stdlib.h>
#include <string.h>

struct parser {
	struct cfg_lexer lx;
	struct cfg_token tok;   /* the lookahead */
	struct cfg_file *file;
	struct report *r;
};

static int advance(struct parser *p)
{
	free(p->tok.text);
	return cfg_lex_next(&p->lx, &p->tok);
}

static int skip_newlines(struct parser *p)
{
	while (p->tok.kind == TOK_NEWLINE)
		if (advance(p))
			return -1;
	return 0;
}

static int expected(struct parser *p, const char *what)
{
	char q[QUOTE_SIZE];

	report_error(p->r, p->tok.line, "expected %s, got %s", what,
		     cfg_token_describe(&p->tok, q));
	return -1;
}

static int parse_value(struct parser *p, unsigned depth, struct cfg_value **out);

static int parse_atom(struct parser *p, struct cfg_value **out)
{
	*out = cfg_atom_new(p->tok.text, p->tok.len, p->tok.line);
	if (!*out) {
		report_nomem(p->r);
		return -1;
	}
	p->tok.text = NULL;
	if (advance(p)) {
		cfg_value_free(*out);
		return -1;
	}
	return 0;
}

static int unterminated(struct parser *p, const struct cfg_value *list)
{
	report_error(p->r, list->line, "unterminated list");
	return -1;
}

/* After an item: a ',' before the next one, or ']' (*done), which a ','
 * may precede. */
static int parse_list_separator(struct parser *p, const struct cfg_value *list, bool *done)
{
	bool comma;

	if (skip_newlines(p))
		return -1;
	comma = p->tok.kind == TOK_COMMA;
	if (comma && (advance(p) || skip_newlines(p)))
		return -1;
	*done = p->tok.kind == TOK_RBRACKET;
	if (*done)
		return advance(p);
	if (p->tok.kind == TOK_EOF)
		return unterminated(p, list);
	if (!comma)
		return expected(p, "',' or ']'");
	return 0;
}

static int parse_list_items(struct parser *p, unsigned depth, struct cfg_value *list)
{
	struct cfg_value *item;
	bool done = false;

	if (p->tok.kind == TOK_RBRACKET)
		return advance(p);
	while (!done) {
		if (p->tok.kind == TOK_EOF)
			return unterminated(p, list);
		if (parse_value(p, depth + 1, &item))
			return -1;
		if (cfg_list_add(list, item)) {
			cfg_value_free(item);
			report_nomem(p->r);
			return -1;
		}
		if (parse_list_separator(p, list, &done))
			return -1;
	}
	return 0;
}

static int parse_list(struct parser *p, unsigned depth, struct cfg_value **out)
{
	if (depth >= CFG_MAX_DEPTH) {
		report_error(p->r, p->tok.line, "lists nested more than %u deep", CFG_MAX_DEPTH);
		return -1;
	}
	*out = cfg_list_new(p->tok.line);
	if (!*out) {
		report_nomem(p->r);
		return -1;
	}
	if (advance(p) || skip_newlines(p) || parse_list_items(p, depth, *out)) {
		cfg_value_free(*out);
		return -1;
	}
	return 0;
}

static int parse_value(struct parser *p, unsigned depth, struct cfg_value **out)
{
	switch (p->tok.kind) {
	case TOK_STRING:
	case TOK_NUMBER:
		return parse_atom(p, out);
	case TOK_LBRACKET:
		return parse_list(p, depth, out);
	case TOK_IDENT:
		return expected(p, "a value (strings need quotes)");
	default:
		return expected(p, "a value");
	}
}

static int parse_assignment(struct parser *p)
{
	char *name = p->tok.text, q[QUOTE_SIZE];
	unsigned line = p->tok.line;
	struct cfg_value *value;
	bool append;

	p->tok.text = NULL;
	if (advance(p))
		goto fail;
	append = p->tok.kind == TOK_APPEND;
	if (!append && p->tok.kind != TOK_ASSIGN) {
		report_error(p->r, line, "expected '=' after '%.64s', got %s", name,
			     cfg_token_describe(&p->tok, q));
		goto fail;
	}
	if (advance(p) || parse_value(p, 0, &value))
		goto fail;
	if (p->tok.kind != TOK_NEWLINE && p->tok.kind != TOK_SEMICOLON &&
	    p->tok.kind != TOK_EOF) {
		cfg_value_free(value);
		expected(p, "a new line or ';' after the value");
		goto fail;
	}
	return cfg_store(p->file, p->r, name, value, append, line);
fail:
	free(name);
	return -1;
}

static int parse_statements(struct parser *p)
{
	if (advance(p))
		return -1;
	while (p->tok.kind != TOK_EOF) {
		if (p->tok.kind == TOK_IDENT) {
			if (parse_assignment(p))
				return -1;
		} else if (p->tok.kind != TOK_NEWLINE && p->tok.kind != TOK_SEMICOLON) {
			return expected(p, "a key");
		}
		if (p->tok.kind != TOK_EOF && advance(p))
			return -1;
	}
	return 0;
}

int cfg_parse(const char *text, size_t len, struct report *r, struct cfg_file *f)
{
	struct parser p = { .file = f, .r = r };

	memset(f, 0, sizeof(*f));
	cfg_lex_init(&p.lx, text, len, r);
	if (parse_statements(&p)) {
		free(p.tok.text);
		cfg_file_free(f);
		return -1;
	}
	return 0;
}
