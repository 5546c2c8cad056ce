/* The lexer: splits a line into words and the operators | < > >> ; &,
 * with '...' taken literally, "..." keeping spaces, and # starting a
 * comment at the beginning of a word. A $ that may expand becomes
 * VAR_MARK, since $? must be read only when its command runs, after the
 * line's earlier commands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

#define WORD_MAX 256

struct word {
	char buf[WORD_MAX];
	size_t len;
	bool too_long;
};

static void put(struct word *w, const char *s)
{
	size_t n = strlen(s);

	if (w->len + n >= WORD_MAX) {
		w->too_long = true;
		return;
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

static size_t put_char(struct word *w, char c)
{
	const char s[2] = { c, 0 };

	put(w, s);
	return 1;
}

/* Reads one word starting at s into w; returns the characters used, or 0
 * for an unterminated quote. */
static size_t read_word(const char *s, struct word *w)
{
	const char *p = s;
	char quote = 0;

	while (*p && (quote || !strchr(" \t\n|<>;&", *p))) {
		if (quote && *p == quote) {
			quote = 0;
			p++;
		} else if (!quote && (*p == '\'' || *p == '"')) {
			quote = *p++;
		} else {
			p += put_char(w, *p == '$' && quote != '\'' ? VAR_MARK : *p);
		}
	}
	return quote ? 0 : (size_t)(p - s);
}

/* The operator at s, if any, and its length. */
static size_t operator(const char *s, enum token_kind *kind)
{
	switch (*s) {
	case '|': *kind = TOK_PIPE; return 1;
	case '<': *kind = TOK_IN; return 1;
	case ';': *kind = TOK_SEMI; return 1;
	case '&': *kind = TOK_AMP; return 1;
	case '>':
		*kind = s[1] == '>' ? TOK_APPEND : TOK_OUT;
		return s[1] == '>' ? 2 : 1;
	}
	return 0;
}

static int lex_error(const char *what, struct token *toks, int n)
{
	fprintf(stderr, "sh: %s\n", what);
	free_tokens(toks, n);
	return -1;
}

/* The number of tokens, or -1 after saying what is wrong. */
int lex(const char *line, struct token *toks)
{
	int n = 0;

	for (const char *p = line; *p && *p != '#';) {
		struct word w = { .len = 0 };
		size_t used;

		if (strchr(" \t\n", *p)) {
			p++;
			continue;
		}
		if (n == MAX_TOKENS)
			return lex_error("line too long", toks, n);
		toks[n].word = NULL;
		if ((used = operator(p, &toks[n].kind))) {
			p += used;
			n++;
			continue;
		}
		if (!(used = read_word(p, &w)))
			return lex_error("unterminated quote", toks, n);
		if (w.too_long)
			return lex_error("word too long", toks, n);
		toks[n].kind = TOK_WORD;
		toks[n++].word = strndup(w.buf, w.len);
		p += used;
	}
	return n;
}

void free_tokens(struct token *toks, int n)
{
	for (int i = 0; i < n; i++)
		free(toks[i].word);
}
