/*
 * The xl.cfg tokenizer. It follows libxlu_cfg_l.l token for token, with
 * three differences, all about input xl rejects or mangles: a comment may
 * end the file without a newline; numeric escapes in strings are refused
 * (libxlu's own handling of them is broken: "\x41" is always an error and
 * octal escapes vanish); and NUL bytes are refused everywhere.
 */
#include "cfg_lex.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void cfg_lex_init(struct cfg_lexer *lx, const char *text, size_t len, struct report *r)
{
	lx->p = text;
	lx->end = text + len;
	lx->line = 1;
	lx->r = r;
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_ident_char(char c)
{
	return is_lower(c) || is_digit(c) || c == '_';
}

/* libxlu takes 0x1f, 017 and even 12abc as one number token; whether it
 * is a number is up to the key that reads it. */
static bool is_number_char(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || c == 'x';
}

static int bad_char(struct cfg_lexer *lx, char c)
{
	char q[QUOTE_SIZE], s[2] = { c, '\0' };

	if (c == '\0')
		report_error(lx->r, lx->line, "NUL byte in the file");
	else if (c == '\r')
		report_error(lx->r, lx->line,
			     "carriage return: DOS line endings are not valid xl.cfg");
	else
		report_error(lx->r, lx->line, "unexpected character %s",
			     report_quote(q, s));
	return -1;
}

/* Room for len characters and the NUL. */
static int alloc_text(struct cfg_lexer *lx, struct cfg_token *tok, size_t len)
{
	tok->text = malloc(len + 1);
	if (!tok->text) {
		report_nomem(lx->r);
		return -1;
	}
	return 0;
}

static int set_text(struct cfg_lexer *lx, struct cfg_token *tok, const char *s, size_t len)
{
	if (alloc_text(lx, tok, len))
		return -1;
	memcpy(tok->text, s, len);
	tok->text[len] = '\0';
	tok->len = len;
	return 0;
}

static int lex_word(struct cfg_lexer *lx, struct cfg_token *tok,
		    enum cfg_token_kind kind, bool (*in_word)(char))
{
	const char *start = lx->p;

	while (lx->p < lx->end && in_word(*lx->p))
		lx->p++;
	tok->kind = kind;
	return set_text(lx, tok, start, lx->p - start);
}

/* Where the string starting at open (its quote) ends: the closing quote,
 * or NULL, reported, if a newline, a NUL or the end of file comes first. */
static const char *string_end(struct cfg_lexer *lx, const char *open)
{
	const char *p = open + 1;

	for (; p < lx->end && *p != *open; p++) {
		if (*p == '\\' && p + 1 < lx->end && p[1] != '\n' && p[1] != '\0')
			p++;
		if (*p == '\0') {
			bad_char(lx, '\0');
			return NULL;
		}
		if (*p == '\n')
			break;
	}
	if (p < lx->end && *p == *open)
		return p;
	report_error(lx->r, lx->line, "unterminated string");
	return NULL;
}

static int unescape(struct cfg_lexer *lx, char c, char *out)
{
	static const char named[] = "\"'\\abfnrtv";
	static const char value[] = "\"'\\\a\b\f\n\r\t\v";
	const char *p = strchr(named, c);

	if (p) {
		*out = value[p - named];
		return 0;
	}
	if (c == 'x' || (c >= '0' && c <= '7'))
		report_error(lx->r, lx->line, "numeric escape '\\%c' is not supported", c);
	else if (c > ' ' && c < 0x7f)
		report_error(lx->r, lx->line, "unknown escape '\\%c' in a string", c);
	else
		report_error(lx->r, lx->line, "unknown escape in a string: backslash before byte 0x%02x",
			     (unsigned char)c);
	return -1;
}

/* Both quote kinds take the same escapes, as in libxlu. */
static int lex_string(struct cfg_lexer *lx, struct cfg_token *tok)
{
	const char *close = string_end(lx, lx->p), *p;
	size_t n = 0;

	if (!close || alloc_text(lx, tok, close - lx->p - 1))
		return -1;
	for (p = lx->p + 1; p < close; p++) {
		if (*p != '\\') {
			tok->text[n++] = *p;
		} else if (unescape(lx, *++p, &tok->text[n++])) {
			free(tok->text);
			tok->text = NULL;
			return -1;
		}
	}
	tok->text[n] = '\0';
	tok->len = n;
	tok->kind = TOK_STRING;
	lx->p = close + 1;
	return 0;
}

static int lex_punct(struct cfg_lexer *lx, struct cfg_token *tok)
{
	static const char chars[] = "=[],;";
	static const enum cfg_token_kind kinds[] = {
		TOK_ASSIGN, TOK_LBRACKET, TOK_RBRACKET, TOK_COMMA, TOK_SEMICOLON,
	};
	char c = *lx->p;
	/* strchr would find a NUL byte at the end of chars */
	const char *p = c ? strchr(chars, c) : NULL;

	if (c == '+' && lx->p + 1 < lx->end && lx->p[1] == '=') {
		tok->kind = TOK_APPEND;
		lx->p += 2;
		return 0;
	}
	if (!p)
		return bad_char(lx, c);
	tok->kind = kinds[p - chars];
	lx->p++;
	return 0;
}

/* A comment runs to the end of the line, or of the file. */
static int skip_blanks_and_comment(struct cfg_lexer *lx)
{
	while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t'))
		lx->p++;
	if (lx->p == lx->end || *lx->p != '#')
		return 0;
	for (; lx->p < lx->end && *lx->p != '\n'; lx->p++)
		if (*lx->p == '\0')
			return bad_char(lx, '\0');
	return 0;
}

int cfg_lex_next(struct cfg_lexer *lx, struct cfg_token *tok)
{
	char c;

	tok->text = NULL;
	if (skip_blanks_and_comment(lx))
		return -1;
	tok->line = lx->line;
	if (lx->p == lx->end) {
		tok->kind = TOK_EOF;
		return 0;
	}
	c = *lx->p;
	if (c == '\n') {
		tok->kind = TOK_NEWLINE;
		lx->p++;
		lx->line++;
		return 0;
	}
	if (is_lower(c))
		return lex_word(lx, tok, TOK_IDENT, is_ident_char);
	if (is_digit(c))
		return lex_word(lx, tok, TOK_NUMBER, is_number_char);
	if (c == '"' || c == '\'')
		return lex_string(lx, tok);
	return lex_punct(lx, tok);
}

const char *cfg_token_describe(const struct cfg_token *tok, char buf[QUOTE_SIZE])
{
	static const char *const names[] = {
		[TOK_EOF] = "end of file",   [TOK_NEWLINE] = "end of line",
		[TOK_ASSIGN] = "'='",        [TOK_APPEND] = "'+='",
		[TOK_LBRACKET] = "'['",      [TOK_RBRACKET] = "']'",
		[TOK_COMMA] = "','",         [TOK_SEMICOLON] = "';'",
	};

	if (tok->text)
		return report_quote(buf, tok->text);
	return names[tok->kind];
}
