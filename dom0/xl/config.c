/*
 * xl_config_parse: the file's syntax first (cfg_parse), then the meaning
 * of its keys. Keys are read whatever order the file gives them in; as in
 * xl, the last assignment of a key is the one in force.
 */
#include "config.h"
#include "device_spec.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* As xl: keys it does not know are not errors. Unlike xl, each draws a
 * warning: a misspelt "memroy" would otherwise go unnoticed. */
static void warn_unused(struct config_ctx *c)
{
	size_t i;

	for (i = 0; i < c->file->count; i++)
		if (!c->file->settings[i]->used)
			report_warning(c->r, c->file->settings[i]->line,
				       "ignoring unsupported key '%.64s'",
				       c->file->settings[i]->name);
	report_finish(c->r);
}

static int decode(struct config_ctx *c)
{
	if (config_guest(c) || config_resources(c) || config_actions(c) ||
	    config_devices(c))
		return -1;
	warn_unused(c);
	return c->r->rc ? -1 : 0;
}

int xl_config_parse(const char *text, size_t len, const char *filename,
		    struct xl_domain_config *out, char *err, size_t errlen)
{
	struct report r = {
		.file = filename, .err = err, .errlen = errlen,
		.warnings = &out->warnings, .nr_warnings = &out->nr_warnings,
	};
	struct cfg_file file;
	struct config_ctx c = { .file = &file, .r = &r, .out = out };
	int rc;

	memset(out, 0, sizeof(*out));
	if (errlen)
		err[0] = '\0';
	if (len > XL_CONFIG_MAX_SIZE) {
		report_failure(&r, EFBIG, 0, "file too large (over %u bytes)", XL_CONFIG_MAX_SIZE);
		return -EFBIG;
	}
	if (cfg_parse(text, len, &r, &file))
		return -r.rc;
	rc = decode(&c);
	cfg_file_free(&file);
	if (rc)
		xl_config_free(out);
	return -r.rc;
}

void xl_config_free(struct xl_domain_config *cfg)
{
	size_t i;

	free(cfg->name);
	free(cfg->kernel);
	free(cfg->ramdisk);
	free(cfg->cmdline);
	for (i = 0; i < cfg->nr_disks; i++)
		disk_free(&cfg->disks[i]);
	free(cfg->disks);
	for (i = 0; i < cfg->nr_vifs; i++)
		vif_free(&cfg->vifs[i]);
	free(cfg->vifs);
	for (i = 0; i < cfg->nr_warnings; i++)
		free(cfg->warnings[i]);
	free(cfg->warnings);
	memset(cfg, 0, sizeof(*cfg));
}
