/* Helpers both libxenstore and xenstored use: where the daemon's socket is,
 * and permissions as wire strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xenstore_lib.h>

#define DEFAULT_RUNDIR "/run/xenstored"

const char *xs_daemon_rundir(void)
{
	const char *dir = getenv("XENSTORED_RUNDIR");

	return dir ? dir : DEFAULT_RUNDIR;
}

const char *xs_daemon_socket(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("XENSTORED_PATH");

	if (env)
		return env;
	snprintf(path, sizeof(path), "%s/socket", xs_daemon_rundir());
	return path;
}

static const char perm_letters[] = {
	[XS_PERM_NONE] = 'n',
	[XS_PERM_READ] = 'r',
	[XS_PERM_WRITE] = 'w',
	[XS_PERM_READ | XS_PERM_WRITE] = 'b',
};

bool xs_parse_ulong(const char *s, unsigned long max, unsigned long *value)
{
	unsigned long v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		unsigned long digit = (unsigned long)(*s - '0');

		if (*s < '0' || *s > '9' || v > (max - digit) / 10)
			return false;
		v = v * 10 + digit;
	}
	*value = v;
	return true;
}

bool xs_parse_uint(const char *s, unsigned int max, unsigned int *value)
{
	unsigned long v;

	if (!xs_parse_ulong(s, max, &v))
		return false;
	*value = (unsigned int)v;
	return true;
}

static bool parse_perm(const char *s, struct xs_permissions *perm)
{
	unsigned int bits;

	for (bits = 0; bits < sizeof(perm_letters); bits++)
		if (perm_letters[bits] == s[0])
			break;
	if (bits == sizeof(perm_letters) || !xs_parse_uint(s + 1, UINT16_MAX, &perm->id))
		return false;
	perm->perms = bits;
	return true;
}

bool xs_strings_to_perms(struct xs_permissions *perms, unsigned int num,
			 const char *strings)
{
	const char *s = strings;
	unsigned int i;

	for (i = 0; i < num; i++, s += strlen(s) + 1) {
		if (!parse_perm(s, &perms[i])) {
			errno = EINVAL;
			return false;
		}
	}
	return true;
}

bool xs_perm_to_string(const struct xs_permissions *perm, char *buffer,
		       size_t buf_len)
{
	unsigned int bits = perm->perms & (XS_PERM_READ | XS_PERM_WRITE);
	int n = snprintf(buffer, buf_len, "%c%u", perm_letters[bits], perm->id);

	return n > 0 && (size_t)n < buf_len;
}

#define NR_ERRORS (sizeof(xsd_errors) / sizeof(xsd_errors[0]))

const char *xs_error_name(int errnum)
{
	unsigned int i;

	for (i = 0; i < NR_ERRORS; i++)
		if (xsd_errors[i].errnum == errnum)
			return xsd_errors[i].errstring;
	return "EINVAL";
}

int xs_error_number(const char *name)
{
	unsigned int i;

	for (i = 0; i < NR_ERRORS; i++)
		if (!strcmp(xsd_errors[i].errstring, name))
			return xsd_errors[i].errnum;
	return EINVAL;
}

unsigned int xs_count_strings(const char *strings, unsigned int len)
{
	unsigned int n = 0, i;

	for (i = 0; i < len; i++)
		n += strings[i] == '\0';
	return n;
}
