/*
 * A vif spec, xl-network-configuration(5): comma-separated KEY=VALUE
 * settings, each after optional spaces, empty ones skipped, a repeated key
 * replacing the earlier value, as xl's parse_nic_config reads them. Where
 * xl prints "unrecognized argument" or "Invalid parameter `mac'" and goes
 * on creating the guest, the spec is refused here. A MAC address is six
 * two-digit hex bytes separated by ':' (xl takes any separator and
 * one-digit bytes).
 */
#include "device_spec.h"
#include "report.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_BRIDGE  "xenbr0"

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool parse_mac(const char *s, uint8_t mac[6])
{
	int i;

	for (i = 0; i < 6; i++, s += 3) {
		if (hex(s[0]) < 0 || hex(s[1]) < 0 || s[2] != (i < 5 ? ':' : '\0'))
			return false;
		mac[i] = hex(s[0]) << 4 | hex(s[1]);
	}
	return true;
}

static int replace(char **field, const char *value)
{
	free(*field);
	*field = strdup(value);
	return *field ? 0 : -ENOMEM;
}

static int setting(struct xl_vif *vif, char *token, char *why, size_t whylen)
{
	char *eq = strchr(token, '='), q[QUOTE_SIZE];

	if (!eq) {
		snprintf(why, whylen, "expected KEY=VALUE, got %s", report_quote(q, token));
		return -EINVAL;
	}
	*eq = '\0';
	if (!strcmp(token, "bridge"))
		return replace(&vif->bridge, eq + 1);
	if (!strcmp(token, "backend"))
		return replace(&vif->backend, eq + 1);
	if (!strcmp(token, "vifname"))
		return replace(&vif->vifname, eq + 1);
	if (!strcmp(token, "mac")) {
		vif->has_mac = parse_mac(eq + 1, vif->mac);
		if (vif->has_mac)
			return 0;
		snprintf(why, whylen, "invalid mac %s (expected six hex bytes: 00:16:3e:01:02:03)",
			 report_quote(q, eq + 1));
		return -EINVAL;
	}
	snprintf(why, whylen, "unsupported parameter %s", report_quote(q, token));
	return -EINVAL;
}

int vif_spec_parse(const char *spec, struct xl_vif *vif, char *why, size_t whylen)
{
	char *copy = strdup(spec), *token, *next;
	int rc = copy ? 0 : -ENOMEM;

	for (token = copy; !rc && token; token = next) {
		next = strchr(token, ',');
		if (next)
			*next++ = '\0';
		token += strspn(token, " ");
		if (*token)
			rc = setting(vif, token, why, whylen);
	}
	free(copy);
	if (!rc && !vif->bridge)
		rc = replace(&vif->bridge, DEFAULT_BRIDGE);
	return rc;
}

void vif_free(struct xl_vif *vif)
{
	free(vif->bridge);
	free(vif->backend);
	free(vif->vifname);
}
