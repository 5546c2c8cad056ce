#include "report.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QUOTE_CHARS     48

/* "xl: FILE:LINE: KIND" or, for line 0, "xl: FILE: KIND" */
static int prefix(char *buf, size_t size, const struct report *r, unsigned line,
		  const char *kind)
{
	if (line)
		return snprintf(buf, size, "xl: %s:%u: %s", r->file, line, kind);
	return snprintf(buf, size, "xl: %s: %s", r->file, kind);
}

static void vformat(char *buf, size_t size, const struct report *r, unsigned line,
		    const char *kind, const char *fmt, va_list ap)
{
	int n = prefix(buf, size, r, line, kind);

	if (n >= 0 && (size_t)n < size)
		vsnprintf(buf + n, size - n, fmt, ap);
}

static void vfail(struct report *r, int rc, unsigned line, const char *fmt, va_list ap)
{
	if (r->rc)
		return;
	r->rc = rc;
	if (r->errlen)
		vformat(r->err, r->errlen, r, line, "", fmt, ap);
}

void report_failure(struct report *r, int rc, unsigned line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(r, rc, line, fmt, ap);
	va_end(ap);
}

void report_error(struct report *r, unsigned line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(r, EINVAL, line, fmt, ap);
	va_end(ap);
}

void report_nomem(struct report *r)
{
	report_failure(r, ENOMEM, 0, "out of memory");
}

static void add_warning(struct report *r, const char *line)
{
	char **grown = realloc(*r->warnings, (*r->nr_warnings + 1) * sizeof(*grown));
	char *copy = strdup(line);

	if (grown)
		*r->warnings = grown;
	if (!grown || !copy) {
		free(copy);
		report_nomem(r);
		return;
	}
	grown[(*r->nr_warnings)++] = copy;
}

void report_warning(struct report *r, unsigned line, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if (*r->nr_warnings >= REPORT_MAX_WARNINGS) {
		r->dropped++;
		return;
	}
	va_start(ap, fmt);
	vformat(buf, sizeof(buf), r, line, "warning: ", fmt, ap);
	va_end(ap);
	add_warning(r, buf);
}

void report_finish(struct report *r)
{
	char buf[512];
	int n;

	if (!r->dropped)
		return;
	n = prefix(buf, sizeof(buf), r, 0, "warning: ");
	if (n >= 0 && (size_t)n < sizeof(buf))
		snprintf(buf + n, sizeof(buf) - n, "%lu more warnings not shown", r->dropped);
	add_warning(r, buf);
}

/* c is never NUL: strchr would find the terminator of plain. */
static size_t quote_char(char *out, unsigned char c)
{
	static const char plain[] = "\"\\\n\t\r";
	static const char escaped[] = "\"\\ntr";
	const char *p = strchr(plain, c);

	if (p) {
		out[0] = '\\';
		out[1] = escaped[p - plain];
		return 2;
	}
	if (c < 0x20 || c >= 0x7f)
		return sprintf(out, "\\x%02x", c);
	out[0] = c;
	return 1;
}

const char *report_quote(char buf[QUOTE_SIZE], const char *s)
{
	size_t n = 0, i;

	buf[n++] = '"';
	for (i = 0; s[i] && i < QUOTE_CHARS; i++)
		n += quote_char(buf + n, s[i]);
	if (s[i])
		n += sprintf(buf + n, "...");
	buf[n++] = '"';
	buf[n] = '\0';
	return buf;
}
