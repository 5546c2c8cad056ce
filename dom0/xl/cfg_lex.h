/*
 * The tokens of xl.cfg, as libxlu_cfg_l.l defines them. Only cfg_parse.c
 * reads them.
 */
#ifndef XL_CFG_LEX_H
#define XL_CFG_LEX_H

#include "report.h"
#include <stddef.h>

enum cfg_token_kind {
	TOK_EOF,
	TOK_NEWLINE,            /* also ends a comment */
	TOK_IDENT,              /* [a-z][_0-9a-z]* */
	TOK_NUMBER,             /* [0-9][0-9a-fx]*: checked when a key reads it */
	TOK_STRING,             /* '...' or "...", escapes resolved */
	TOK_ASSIGN,             /* = */
	TOK_APPEND,             /* += */
	TOK_LBRACKET,
	TOK_RBRACKET,
	TOK_COMMA,
	TOK_SEMICOLON,
};

struct cfg_token {
	enum cfg_token_kind kind;
	unsigned line;
	char *text;             /* IDENT, NUMBER, STRING: malloc'd, or NULL once taken */
	size_t len;
};

struct cfg_lexer {
	const char *p, *end;
	unsigned line;
	struct report *r;
};

void cfg_lex_init(struct cfg_lexer *lx, const char *text, size_t len, struct report *r);

/* The next token into *tok (whose old text the caller has freed or taken);
 * -1 on a lexical error, reported. */
int cfg_lex_next(struct cfg_lexer *lx, struct cfg_token *tok);

/* How an error message names tok: "end of line", "'memory'", "a string". */
const char *cfg_token_describe(const struct cfg_token *tok, char buf[QUOTE_SIZE]);

#endif
