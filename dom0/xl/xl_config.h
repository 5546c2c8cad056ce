/*
 * A guest's configuration as `xl create FILE` reads it: the xl.cfg(5)
 * syntax of Xen's libxlu, and the subset of its keys a Xenith PV guest
 * uses. These structures are the toolstack's own, not Xen ABI.
 *
 * Every parse either fills *out completely (the caller frees it with
 * xl_config_free) or fails with one line in err, naming the file and,
 * where there is one, the line: "xl: guest.cfg:7: 'memory' must be a
 * number, got \"lots\"". On failure *out holds nothing to free.
 */
#ifndef XL_CONFIG_H
#define XL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Larger inputs are refused before parsing (-EFBIG): no guest config
 * comes near, and the bound keeps line numbers and sizes small. */
#define XL_CONFIG_MAX_SIZE      (16u << 20)

/* The hypervisor's MAX_VCPUS (hypervisor/include/domain.h). */
#define XL_MAX_VCPUS            8

/* A bound far below where page or byte counts of the guest could wrap. */
#define XL_MAX_MEMORY_MIB       (1ul << 20)

/* What happens when the guest stops: xl's on_poweroff & co, in its order. */
enum xl_action {
	XL_ACTION_DESTROY,
	XL_ACTION_RESTART,
	XL_ACTION_RENAME_RESTART,
	XL_ACTION_PRESERVE,
	XL_ACTION_COREDUMP_DESTROY,
	XL_ACTION_COREDUMP_RESTART,
	XL_ACTION_SOFT_RESET,
};

/* One entry of disk = [ ... ] (xl-disk-configuration(5)); always raw. */
struct xl_disk {
	char *target;           /* image or device path; NULL: empty cdrom */
	char *vdev;             /* as the guest names it: "xvda" */
	char *backend;          /* backend domain's name; NULL: dom0 */
	bool readonly;
	bool cdrom;
};

/* One entry of vif = [ ... ] (xl-network-configuration(5)). */
struct xl_vif {
	uint8_t mac[6];
	bool has_mac;           /* false: the toolstack picks 00:16:3e:xx:xx:xx */
	char *bridge;           /* "xenbr0" unless set */
	char *backend;          /* backend domain's name; NULL: dom0 */
	char *vifname;          /* backend interface name; NULL: vifD.N */
};

struct xl_domain_config {
	char *name;
	char *kernel;
	char *ramdisk;          /* NULL: none */
	char *cmdline;          /* NULL: empty */
	unsigned long memory_mib;
	unsigned long maxmem_mib;
	unsigned int vcpus;     /* online at boot */
	unsigned int maxvcpus;
	enum xl_action on_poweroff;
	enum xl_action on_reboot;
	enum xl_action on_watchdog;
	enum xl_action on_crash;
	struct xl_disk *disks;
	size_t nr_disks;
	struct xl_vif *vifs;
	size_t nr_vifs;
	/* Lines for the user, "xl: FILE:LINE: warning: ...", in file order. */
	char **warnings;
	size_t nr_warnings;
};

/* 0, or -EINVAL (a bad config), -ENOMEM or -EFBIG, with err set; messages
 * name the text as filename. The text need not be NUL-terminated; a NUL
 * byte in it is an error. */
int xl_config_parse(const char *text, size_t len, const char *filename,
		    struct xl_domain_config *out, char *err, size_t errlen);

/* xl_config_parse on the file at path, named as path in messages; a file
 * that cannot be read is -errno. */
int xl_config_load(const char *path, struct xl_domain_config *out,
		   char *err, size_t errlen);

void xl_config_free(struct xl_domain_config *cfg);

#endif
