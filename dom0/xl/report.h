/*
 * How the config parser speaks to the user: one error line, "xl: FILE:LINE:
 * why", and warning lines collected for the caller to print. Every piece
 * of user text in a message goes through report_quote, so that a message
 * stays one short printable line whatever the file holds.
 */
#ifndef XL_REPORT_H
#define XL_REPORT_H

#include <stddef.h>

/* Warnings past this many are counted, and summed up in one more line. */
#define REPORT_MAX_WARNINGS     32

/* Room for report_quote's result: 48 characters, each up to "\xNN". */
#define QUOTE_SIZE              (48 * 4 + 8)

struct report {
	const char *file;
	char *err;
	size_t errlen;
	int rc;                 /* 0, or the first failure: EINVAL, ENOMEM */
	char ***warnings;       /* the config's list, grown as warnings come */
	size_t *nr_warnings;
	unsigned long dropped;  /* warnings past REPORT_MAX_WARNINGS */
};

/* A failure with rc (a positive errno); line 0: the message is about the
 * whole file. Only the first failure of a parse is kept: later ones are
 * mostly its consequences. */
void report_failure(struct report *r, int rc, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A failure of the config itself: EINVAL. */
void report_error(struct report *r, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void report_nomem(struct report *r);
void report_warning(struct report *r, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The summary line of the warnings that were dropped, if any. */
void report_finish(struct report *r);

/* s in double quotes, C-escaped, cut to 48 characters with "...". */
const char *report_quote(char buf[QUOTE_SIZE], const char *s);

#endif
