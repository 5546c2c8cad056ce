/*
 * A disk spec, xl-disk-configuration(5), read as libxlu_disk_l.l reads it:
 * comma-separated KEY=VALUE parameters, flags, and positional parameters
 * (target, format, vdev, access, in that order), each after optional
 * blanks. "target=" takes the rest of the spec, commas and all. The older
 * forms work too: "phy:/dev/sdb,xvda,w" (a deprecated prefix, after which
 * no format position is expected) and "hdc:cdrom" as the vdev.
 *
 * Xenith's block backend serves raw images and devices: other formats,
 * block scripts, backend types and xl's advisory flags are refused rather
 * than silently dropped, and the vdev must name a disk the way the guest
 * will (xvdX, hdX, sdX, as xen-vbd-interface(7) bounds them).
 */
#include "device_spec.h"
#include "report.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct disk_parse {
	struct xl_disk *disk;
	char *why;
	size_t whylen;
	bool had_prefix;
	bool format_set;
	bool access_set;        /* by position: a named access= does not count */
};

static int fail(struct disk_parse *dp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct disk_parse *dp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dp->why, dp->whylen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static bool in(const char *s, const char *const *set, size_t n)
{
	while (n--)
		if (!strcmp(s, set[n]))
			return true;
	return false;
}

#define IN(s, set)      in(s, set, sizeof(set) / sizeof(set[0]))

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* As libxlu: a parameter may be given twice only if the first was empty. */
static int save(struct disk_parse *dp, const char *what, char **field, const char *value)
{
	if (*field && **field)
		return fail(dp, "%s respecified", what);
	free(*field);
	*field = strdup(value);
	return *field ? 0 : -ENOMEM;
}

static int set_format(struct disk_parse *dp, const char *value)
{
	static const char *const others[] = { "qcow", "qcow2", "vhd", "qed", "empty" };
	char q[QUOTE_SIZE];

	dp->format_set = true;
	if (!*value || !strcmp(value, "raw"))
		return 0;
	if (IN(value, others))
		return fail(dp, "format %s is not supported (raw only)", report_quote(q, value));
	return fail(dp, "unknown format %s", report_quote(q, value));
}

static int set_access(struct disk_parse *dp, const char *value)
{
	char q[QUOTE_SIZE];

	if (!strcmp(value, "r") || !strcmp(value, "ro"))
		dp->disk->readonly = true;
	else if (!*value || !strcmp(value, "w") || !strcmp(value, "rw"))
		dp->disk->readonly = false;
	else
		return fail(dp, "unknown access %s", report_quote(q, value));
	return 0;
}

static int set_devtype(struct disk_parse *dp, const char *value)
{
	char q[QUOTE_SIZE];

	if (!strcmp(value, "cdrom"))
		dp->disk->cdrom = true;
	else if (!strcmp(value, "disk"))
		dp->disk->cdrom = false;
	else
		return fail(dp, "unknown devtype %s", report_quote(q, value));
	return 0;
}

/* A vdev with a deprecated devtype, "hdc:cdrom": 1 if value is one, 0 if
 * it has no colon, or an error. */
static int vdev_and_devtype(struct disk_parse *dp, char *value)
{
	char *colon = strrchr(value, ':');
	int rc;

	if (!colon)
		return 0;
	*colon = '\0';
	rc = save(dp, "vdev", &dp->disk->vdev, value);
	if (!rc)
		rc = set_devtype(dp, colon + 1);
	return rc ? rc : 1;
}

static int positional(struct disk_parse *dp, char *value)
{
	struct xl_disk *disk = dp->disk;
	char q[QUOTE_SIZE];
	int rc;

	if (!disk->target)
		return save(dp, "target", &disk->target, value);
	if (!dp->had_prefix && !dp->format_set) {
		/* xend's empty cdrom, ",hdc:cdrom,r", has no format position */
		rc = *disk->target ? 0 : vdev_and_devtype(dp, value);
		if (!rc)
			return set_format(dp, value);
		dp->format_set = true;
		return rc < 0 ? rc : 0;
	}
	if (!disk->vdev) {
		rc = vdev_and_devtype(dp, value);
		if (!rc)
			return save(dp, "vdev", &disk->vdev, value);
		return rc < 0 ? rc : 0;
	}
	if (!dp->access_set) {
		dp->access_set = true;
		return set_access(dp, value);
	}
	return fail(dp, "too many positional parameters at %s", report_quote(q, value));
}

static int named(struct disk_parse *dp, const char *key, const char *value)
{
	char q[QUOTE_SIZE];

	if (!strcmp(key, "format"))
		return set_format(dp, value);
	if (!strcmp(key, "access"))
		return set_access(dp, value);
	if (!strcmp(key, "devtype"))
		return set_devtype(dp, value);
	if (!strcmp(key, "vdev"))
		return save(dp, "vdev", &dp->disk->vdev, value);
	if (!strcmp(key, "backend"))
		return save(dp, "backend", &dp->disk->backend, value);
	return fail(dp, "unsupported parameter %s", report_quote(q, key));
}

static int param(struct disk_parse *dp, char *token)
{
	static const char *const xl_flags[] = {
		"direct-io-safe", "discard", "no-discard", "colo", "no-colo",
		"trusted", "untrusted",
	};
	char *eq = strchr(token, '='), q[QUOTE_SIZE];

	if (eq) {
		*eq = '\0';
		return named(dp, token, eq + 1);
	}
	if (!strcmp(token, "cdrom"))
		return set_devtype(dp, token);
	if (IN(token, xl_flags))
		return fail(dp, "unsupported parameter %s", report_quote(q, token));
	return positional(dp, token);
}

/* "target=" is the rest of the spec, less one trailing comma. */
static int target_rest(struct disk_parse *dp, const char *value)
{
	size_t len = strlen(value);
	char *copy = strndup(value, len && value[len - 1] == ',' ? len - 1 : len);
	int rc;

	if (!copy)
		return -ENOMEM;
	rc = save(dp, "target", &dp->disk->target, copy);
	free(copy);
	return rc;
}

/* A deprecated prefix "word:" at s: 1 if taken, 0 if s has none, or an
 * error. Known prefixes win wherever they are; an unknown word followed
 * by ':' and a letter or digit is a positional parameter ("hdc:cdrom"). */
static int prefix(struct disk_parse *dp, const char *s, size_t *len)
{
	static const char *const ignored[] = {
		"tapdisk", "tap", "tap2", "aio", "ioemu", "file", "phy",
	};
	static const char *const formats[] = { "raw", "qcow", "qcow2", "vhd" };
	static const char *const scripts[] = { "iscsi", "nbd", "enbd", "drbd" };
	char word[16] = "", q[QUOTE_SIZE];
	size_t n = 0;

	while (is_lower(s[n]) || (n && is_digit(s[n])))
		n++;
	if (!n || s[n] != ':')
		return 0;
	*len = n + 1;
	/* A word too long for word[] is no known prefix: left empty, it
	 * matches none. */
	memcpy(word, s, n < sizeof(word) ? n : 0);
	if (IN(word, scripts))
		return fail(dp, "block script prefix %s is not supported", report_quote(q, word));
	if (IN(word, formats) && set_format(dp, word))
		return -EINVAL;
	if (IN(word, formats) || IN(word, ignored)) {
		dp->had_prefix = true;
		return 1;
	}
	if (is_lower(s[n + 1]) || is_digit(s[n + 1]))
		return 0;
	return fail(dp, "unknown deprecated prefix %s", report_quote(q, word[0] ? word : s));
}

static int next_param(struct disk_parse *dp, const char **pos)
{
	const char *s = *pos;
	size_t len;
	char *token;
	int rc;

	if (!strncmp(s, "target=", strlen("target="))) {
		*pos = s + strlen(s);
		return target_rest(dp, s + strlen("target="));
	}
	rc = prefix(dp, s, &len);
	if (rc) {
		*pos = s + len;
		return rc < 0 ? rc : 0;
	}
	len = strcspn(s, ",");
	token = strndup(s, len);
	if (!token)
		return -ENOMEM;
	*pos = s + len + (s[len] == ',');
	rc = param(dp, token);
	free(token);
	return rc;
}

/* A disk number in letters (a is 0, z 25, aa 26...) and maybe a partition
 * number without leading zeros, within the bounds of the vdev's kind. */
static bool disk_and_partition(const char *s, unsigned long max_disk, unsigned long max_part)
{
	unsigned long disk = 0, part = 0;
	size_t n;

	for (n = 0; is_lower(s[n]); n++) {
		disk = disk * 26 + (s[n] - 'a' + 1);
		if (disk > max_disk + 1)
			return false;
	}
	if (!n)
		return false;
	s += n;
	for (n = 0; is_digit(s[n]); n++) {
		part = part * 10 + (s[n] - '0');
		if (part > max_part)
			return false;
	}
	return !s[n] && (!n || s[0] != '0');
}

/* The names of xen-vbd-interface(7) that libxl turns into a device number,
 * less its numeric and d0p1 forms. */
static bool valid_vdev(const char *v)
{
	static const struct {
		const char *kind;
		unsigned long max_disk, max_part;
	} kinds[] = {
		{ "xvd", (1ul << 20) - 1, 255 }, { "sd", 15, 15 }, { "hd", 3, 63 },
	};
	size_t i, n;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		n = strlen(kinds[i].kind);
		if (!strncmp(v, kinds[i].kind, n))
			return disk_and_partition(v + n, kinds[i].max_disk, kinds[i].max_part);
	}
	return false;
}

static int finish(struct disk_parse *dp)
{
	struct xl_disk *disk = dp->disk;
	char q[QUOTE_SIZE];

	if (disk->cdrom)
		disk->readonly = true;
	if (disk->target && !*disk->target) {
		free(disk->target);
		disk->target = NULL;
	}
	if (disk->backend && !*disk->backend) {
		free(disk->backend);
		disk->backend = NULL;
	}
	if (!disk->vdev || !*disk->vdev)
		return fail(dp, "no vdev specified");
	if (!valid_vdev(disk->vdev))
		return fail(dp, "invalid vdev %s (expected xvdX, hdX or sdX)",
			    report_quote(q, disk->vdev));
	if (!disk->target && !disk->cdrom)
		return fail(dp, "no target specified");
	return 0;
}

int disk_spec_parse(const char *spec, struct xl_disk *disk, char *why, size_t whylen)
{
	struct disk_parse dp = { .disk = disk, .why = why, .whylen = whylen };
	const char *pos = spec;
	int rc = 0;

	while (!rc) {
		pos += strspn(pos, " \t\n");
		if (!*pos)
			return finish(&dp);
		rc = next_param(&dp, &pos);
	}
	return rc;
}

void disk_free(struct xl_disk *disk)
{
	free(disk->target);
	free(disk->vdev);
	free(disk->backend);
}
