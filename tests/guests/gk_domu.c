/*
 * The guest kernel as a PV domU. dom0's second boot module is a cpio
 * archive (newc) of two files: "kernel", the guest kernel's PV build, and
 * "ramdisk", the root it boots with (the system-call suite's). dom0 builds
 * a domU of them with the framework's builder and serves its console ring,
 * which is the guest kernel's console when it is not dom0; the domU runs
 * the suite and powers off; dom0 then destroys it.
 */
#include "cpio.h"
#include "peer.h"
#include "test.h"

const char test_name[] = "gk_domu";

/* 16 MiB, as much as Xen 4.17 leaves free beside its dom0 here. */
#define DOMU_PAGES 4096
#define RUN_NS (100 * 1000000000UL)

static struct peer peer;

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
