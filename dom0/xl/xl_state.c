/*
 * What xl knows of the domains it made and Xen does not keep: each one's
 * name and its console ring's frame, in STATE_DIR/domain-ID, as libxl
 * keeps per-domain files beside xenstore. Without xenstore in dom0 yet,
 * this is where xl list finds names and xl console finds rings.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xl_cmd.h"

#define STATE_DIR "/var/lib/xen"

static void state_path(uint32_t domid, char *path, size_t size)
{
	snprintf(path, size, STATE_DIR "/domain-%u", domid);
}

void xl_domain_remember(uint32_t domid, const char *name, xen_pfn_t console_mfn)
{
	char path[64];
	FILE *f;

	mkdir("/var", 0755);
	mkdir("/var/lib", 0755);
	mkdir(STATE_DIR, 0755);
	state_path(domid, path, sizeof(path));
	f = fopen(path, "w");
	if (f) {
		fprintf(f, "%s\n%lu\n", name, (unsigned long)console_mfn);
		fclose(f);
	}
}

int xl_domain_recall(uint32_t domid, char *name, size_t size, unsigned long *console_mfn)
{
	char path[64], line[128];
	unsigned long mfn = 0;
	FILE *f;
	int found;

	state_path(domid, path, sizeof(path));
	f = fopen(path, "r");
	found = f && fgets(line, sizeof(line), f) && fscanf(f, "%lu", &mfn) == 1;
	if (f)
		fclose(f);
	if (!found)
		return -1;
	line[strcspn(line, "\n")] = '\0';
	if (name)
		snprintf(name, size, "%s", line);
	if (console_mfn)
		*console_mfn = mfn;
	return 0;
}

void xl_domain_forget(uint32_t domid)
{
	char path[64];

	state_path(domid, path, sizeof(path));
	unlink(path);
}
