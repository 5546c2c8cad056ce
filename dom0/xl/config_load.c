/*
 * xl_config_load: the whole file in memory, then xl_config_parse. Reading
 * stops one byte past XL_CONFIG_MAX_SIZE, enough for the parser to refuse
 * the file, so a huge file or an endless device costs no more than that.
 */
#include "report.h"
#include "xl_config.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK   4096

#define LIMIT   ((size_t)XL_CONFIG_MAX_SIZE + 1)

/* The file's contents, up to LIMIT bytes, in *buf, *len bytes: 0 or a
 * positive errno. */
static int read_all(FILE *f, char **buf, size_t *len)
{
	size_t cap = 0, want, n;
	char *grown;

	*buf = NULL;
	*len = 0;
	do {
		if (*len == cap) {
			cap = cap ? 2 * cap : CHUNK;
			cap = cap < LIMIT ? cap : LIMIT;
			grown = realloc(*buf, cap);
			if (!grown)
				return ENOMEM;
			*buf = grown;
		}
		want = cap - *len;
		n = fread(*buf + *len, 1, want, f);
		*len += n;
	} while (n == want && *len < LIMIT);
	if (ferror(f))
		return errno ? errno : EIO;
	return 0;
}

int xl_config_load(const char *path, struct xl_domain_config *out, char *err, size_t errlen)
{
	struct report r = {
		.file = path, .err = err, .errlen = errlen,
		.warnings = &out->warnings, .nr_warnings = &out->nr_warnings,
	};
	FILE *f;
	char *buf;
	size_t len;
	int rc;

	memset(out, 0, sizeof(*out));
	errno = 0;
	f = fopen(path, "rb");
	if (!f) {
		rc = errno ? errno : EIO;
		report_failure(&r, rc, 0, "cannot open: %s", strerror(rc));
		return -rc;
	}
	errno = 0;
	rc = read_all(f, &buf, &len);
	fclose(f);
	if (rc) {
		free(buf);
		report_failure(&r, rc, 0, "cannot read: %s", strerror(rc));
		return -rc;
	}
	rc = xl_config_parse(buf, len, path, out, err, errlen);
	free(buf);
	return rc;
}
