/*
 * The guest kernel as a PV domU. dom0's second boot module is a cpio
 * archive (newc) of two files: "kernel", the guest kernel's PV build, and
 * "ramdisk", the root it boots with (the system-call suite's). dom0 builds
 * a domU of them with the framework's builder and serves its console ring,
 * which is the guest kernel's console when it is not dom0; the domU runs
 * the suite and powers off; dom0 then destroys it.
 */
#include "peer.h"
#include "string.h"
#include "test.h"

const char test_name[] = "gk_domu";

/* 16 MiB, as much as Xen 4.17 leaves free beside its dom0 here. */
#define DOMU_PAGES 4096
#define RUN_NS (100 * 1000000000UL)
#define NEWC_HEADER 110
#define NEWC_MAGIC "070701"

static struct peer peer;

static unsigned long hex_field(const char *header, unsigned int index)
{
	unsigned long v = 0;

	for (const char *c = header + 6 + 8 * index; c < header + 14 + 8 * index; c++)
		v = v * 16 + (unsigned long)(*c <= '9' ? *c - '0' : (*c | 0x20) - 'a' + 10);
	return v;
}

static size_t align4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

/* The data of the archive's entry called name, or NULL. */
static const void *cpio_find(const char *archive, size_t len, const char *name, size_t *size)
{
	size_t off = 0;

	while (len - off >= NEWC_HEADER && !strncmp(archive + off, NEWC_MAGIC, 6)) {
		const char *h = archive + off;
		size_t namesize = hex_field(h, 11), filesize = hex_field(h, 6);
		size_t data = align4(off + NEWC_HEADER + namesize);

		if (namesize > len - off - NEWC_HEADER || data > len || filesize > len - data)
			return NULL;
		if (!strncmp(h + NEWC_HEADER, name, namesize)) {
			*size = filesize;
			return archive + data;
		}
		off = align4(data + filesize);
	}
	return NULL;
}

void test_main(void)
{
	const char *bundle = (const char *)xen_start_info->mod_start;
	size_t len = xen_start_info->mod_len;

	peer.image = cpio_find(bundle, len, "kernel", &peer.image_len);
	peer.domu.ramdisk = cpio_find(bundle, len, "ramdisk", &peer.domu.ramdisk_len);
	if (!bundle || !peer.image || !peer.domu.ramdisk) {
		fail("the second boot module must be a cpio archive of 'kernel' and 'ramdisk'");
		return;
	}
	peer.pass_line = "init: /bin/systest exited with status 0";
	if (peer_create(&peer, DOMU_PAGES) || peer_load(&peer, "console=hvc0") ||
	    peer_unpause(&peer))
		return;
	peers_join_within(&peer, 1, RUN_NS);
	peers_destroy(&peer, 1);
}
