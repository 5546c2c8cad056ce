/*
 * xl create [-c] FILE: a PV domU from an xl.cfg file, built by
 * dom0/libxenguest (the same builder the test framework uses) and left
 * running, attached to its console with -c, and watched by its monitor
 * (xl_monitor.c). Only what
 * the builder does is honoured: name, kernel, ramdisk, extra, memory (up to
 * the builder's 16 MiB) and one vCPU; disks and network interfaces wait for
 * their backends, and each gets a warning.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builder.h"
#include "xl_cmd.h"
#include "xl_config.h"

static struct domu domu;

/* The whole file, or NULL with the reason on stderr. */
static void *read_file(const char *path, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY);
	char *buf = NULL;

	if (fd >= 0 && !fstat(fd, &st) && (buf = malloc(st.st_size ? st.st_size : 1)) &&
	    read(fd, buf, st.st_size) == st.st_size)
		*len = st.st_size;
	else {
		fprintf(stderr, "xl: %s: %s\n", path, strerror(errno));
		free(buf);
		buf = NULL;
	}
	if (fd >= 0)
		close(fd);
	return buf;
}

/* What the builder cannot give yet is refused or warned about, one line each. */
static int check_config(const char *file, const struct xl_domain_config *cfg)
{
	for (size_t i = 0; i < cfg->nr_warnings; i++)
		fprintf(stderr, "%s\n", cfg->warnings[i]);
	if (cfg->memory_mib * 256 > DOMU_MAX_PAGES) {
		fprintf(stderr, "xl: %s: memory: at most %lu MiB for now\n", file,
			(unsigned long)DOMU_MAX_PAGES / 256);
		return -1;
	}
	if (cfg->vcpus > 1 || cfg->nr_disks || cfg->nr_vifs)
		fprintf(stderr, "xl: %s: warning: one vCPU and no disk or vif for now\n", file);
	xl_monitor_check(file, cfg);
	return 0;
}

static int build(const struct xl_domain_config *cfg, const void *kernel, size_t kernel_len)
{
	long rc;

	if ((rc = builder_create(&domu, cfg->memory_mib * 256)) ||
	    (rc = builder_load(&domu, kernel, kernel_len)) ||
	    (rc = xl_store_introduce(&domu, cfg->name, cfg->memory_mib)) ||
	    (rc = builder_unpause(&domu))) {
		if (domu.failed_step)
			fprintf(stderr, "xl: creating %s: %s: %ld\n", cfg->name, domu.failed_step,
				rc);
		if (domu.domid) {
			builder_destroy(&domu);
			xl_store_forget(domu.domid);
		}
		return 1;
	}
	printf("xl: domain %u (%s) created\n", domu.domid, cfg->name);
	return 0;
}

long xl_create_domain(const struct xl_domain_config *cfg)
{
	size_t kernel_len;
	void *kernel = read_file(cfg->kernel, &kernel_len), *ramdisk = NULL;
	long domid = -1;

	domu = (struct domu){ .cmdline = cfg->cmdline };
	if (kernel && cfg->ramdisk)
		domu.ramdisk = ramdisk = read_file(cfg->ramdisk, &domu.ramdisk_len);
	if (kernel && (!cfg->ramdisk || ramdisk) && !build(cfg, kernel, kernel_len))
		domid = domu.domid;
	free(kernel);
	free(ramdisk);
	return domid;
}

/* xl create [-c] FILE: -c attaches to the new domain's console. Its
 * monitor (xl_monitor.c) stays when xl returns. */
int xl_create(xc_interface *xch, char **argv)
{
	bool follow = argv[1] && !strcmp(argv[0], "-c");
	struct xl_domain_config cfg;
	char err[256];
	long domid;

	if (argv[1] && !follow) {
		fprintf(stderr, "xl: create: unknown option '%s'\n", argv[0]);
		return 2;
	}
	argv += follow;
	if (xl_config_load(argv[0], &cfg, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	domid = check_config(argv[0], &cfg) ? -1 : xl_create_domain(&cfg);
	if (domid >= 0)
		xl_monitor_start(xch, &cfg, (uint32_t)domid);
	xl_config_free(&cfg);
	if (domid >= 0 && follow)
		return xl_console_attach(xch, (uint32_t)domid);
	return domid < 0;
}
