/*
 * disk = [ SPEC, ... ] and vif = [ SPEC, ... ]. Where xl stops reading a
 * device list at its first entry that is not a string, and ignores a
 * device key that is not a list at all, both are errors here.
 */
#include "config.h"
#include "device_spec.h"
#include <errno.h>
#include <stdlib.h>

/* Parses the entry at index of key's list into its device. */
typedef int parse_entry(struct config_ctx *c, const char *spec, size_t index,
			char *why, size_t whylen);

static int parse_disk(struct config_ctx *c, const char *spec, size_t index,
		      char *why, size_t whylen)
{
	c->out->nr_disks = index + 1;
	return disk_spec_parse(spec, &c->out->disks[index], why, whylen);
}

static int parse_vif(struct config_ctx *c, const char *spec, size_t index,
		     char *why, size_t whylen)
{
	c->out->nr_vifs = index + 1;
	return vif_spec_parse(spec, &c->out->vifs[index], why, whylen);
}

static int parse_entries(struct config_ctx *c, const char *key,
			 const struct cfg_value *list, parse_entry *parse)
{
	char why[256], q[QUOTE_SIZE];
	size_t i;
	int rc;

	for (i = 0; i < list->list.count; i++) {
		const struct cfg_value *item = list->list.items[i];

		if (item->type != CFG_ATOM) {
			report_error(c->r, item->line, "'%s' entries must be strings, got a list", key);
			return -1;
		}
		rc = parse(c, item->atom.text, i, why, sizeof(why));
		if (rc == -ENOMEM)
			report_nomem(c->r);
		else if (rc)
			report_error(c->r, item->line, "bad %s %s: %s", key,
				     report_quote(q, item->atom.text), why);
		if (rc)
			return -1;
	}
	return 0;
}

static void *zeroed(struct config_ctx *c, size_t count, size_t size)
{
	void *array = calloc(count ? count : 1, size);

	if (!array)
		report_nomem(c->r);
	return array;
}

int config_devices(struct config_ctx *c)
{
	const struct cfg_value *disks = NULL, *vifs = NULL;
	struct xl_domain_config *out = c->out;

	if (config_list(c, "disk", &disks) < 0 || config_list(c, "vif", &vifs) < 0)
		return -1;
	if (disks && (!(out->disks = zeroed(c, disks->list.count, sizeof(*out->disks))) ||
		      parse_entries(c, "disk", disks, parse_disk)))
		return -1;
	if (vifs && (!(out->vifs = zeroed(c, vifs->list.count, sizeof(*out->vifs))) ||
		     parse_entries(c, "vif", vifs, parse_vif)))
		return -1;
	return 0;
}
