/* dom0/xl: disk specs (xl-disk-configuration(5): named, positional and
 * deprecated forms) and vif specs (xl-network-configuration(5)). */
#include "test_xl.h"
#include <stdio.h>

/* The one disk of disk = [ 'spec' ]. */
static const struct xl_disk *disk(const char *spec)
{
	char text[512];

	snprintf(text, sizeof(text), MINIMAL "disk = [ '%s' ]\n", spec);
	ck_assert_int_eq(parse(text), 0);
	ck_assert_uint_eq(cfg.nr_disks, 1);
	return &cfg.disks[0];
}

static void ck_disk(const char *spec, const char *target, const char *vdev, bool readonly)
{
	const struct xl_disk *d = disk(spec);

	if (target)
		ck_assert_str_eq(d->target, target);
	else
		ck_assert_ptr_null(d->target);
	ck_assert_str_eq(d->vdev, vdev);
	ck_assert_int_eq(d->readonly, readonly);
	free_config();
}

/* disk = [ 'spec' ] is refused, and the error line ends with why. */
static void ck_bad_disk(const char *spec, const char *why)
{
	char text[512], expected[512];

	snprintf(text, sizeof(text), MINIMAL "disk = [ '%s' ]\n", spec);
	snprintf(expected, sizeof(expected), "xl: guest.cfg:3: bad disk \"%s\": %s", spec, why);
	ck_assert_refused(text, expected);
}

START_TEST(named_form)
{
	const struct xl_disk *d = disk("format=raw, vdev=xvda, access=rw, target=/dev/nvme0n1");

	ck_assert_str_eq(d->target, "/dev/nvme0n1");
	ck_assert_str_eq(d->vdev, "xvda");
	ck_assert_ptr_null(d->backend);
	ck_assert(!d->readonly);
	ck_assert(!d->cdrom);
}
END_TEST

/* xl-disk-configuration(5)'s first set of equivalent specs. */
START_TEST(positional_forms)
{
	ck_disk("/dev/vg/guest-volume,,hda", "/dev/vg/guest-volume", "hda", false);
	ck_disk("/dev/vg/guest-volume,raw,hda,rw", "/dev/vg/guest-volume", "hda", false);
	ck_disk("format=raw, vdev=hda, access=rw, target=/dev/vg/guest-volume",
		"/dev/vg/guest-volume", "hda", false);
	ck_disk("raw:/dev/vg/guest-volume,hda,w", "/dev/vg/guest-volume", "hda", false);
	ck_disk("/img,,xvdb,ro", "/img", "xvdb", true);
	ck_disk("/img,raw,xvdb,r", "/img", "xvdb", true);
}
END_TEST

START_TEST(deprecated_prefixes)
{
	ck_disk("phy:/dev/x,xvda,w", "/dev/x", "xvda", false);
	ck_disk("file:/var/img,xvda,r", "/var/img", "xvda", true);
	ck_disk("tap:aio:/var/img,xvdc,w", "/var/img", "xvdc", false);
	ck_disk("tap2:tapdisk:ioemu:/i,xvda,w", "/i", "xvda", false);
	ck_disk("phy:xyz,xvda", "xyz", "xvda", false);
}
END_TEST

/* The named positional parameters may come in any order. */
START_TEST(named_and_positional_mix)
{
	ck_disk("vdev=xvdb,/img", "/img", "xvdb", false);
	ck_disk("format=raw,/img,xvdc,ro", "/img", "xvdc", true);
	ck_disk("access=ro,/img,,xvda", "/img", "xvda", true);
	ck_disk("access=ro,/img,,xvda,rw", "/img", "xvda", false);
}
END_TEST

START_TEST(empty_values_take_defaults)
{
	ck_disk("/img,,xvda,", "/img", "xvda", false);
	ck_disk("format=,access=,vdev=xvda,target=/img", "/img", "xvda", false);
	ck_disk(",,xvda,,target=/img", "/img", "xvda", false);
}
END_TEST

/* "target=" is the rest of the spec: the only way to name a path holding
 * a comma, less one trailing comma. */
START_TEST(target_takes_the_rest)
{
	ck_disk("vdev=xvda,target=/a,b c,", "/a,b c", "xvda", false);
	ck_disk("vdev=xvda,access=r,target=x=y", "x=y", "xvda", true);
}
END_TEST

START_TEST(blanks_before_parameters_are_ignored)
{
	ck_disk("  /img ,raw,\txvda", "/img ", "xvda", false);
}
END_TEST

START_TEST(cdrom_forms)
{
	const struct xl_disk *d = disk("/root/image.iso,,hdc,cdrom");

	ck_assert(d->cdrom);
	ck_assert(d->readonly);
	ck_assert_str_eq(d->target, "/root/image.iso");
	free_config();
	ck_assert(disk("/root/image.iso,raw,hdc,devtype=cdrom")->cdrom);
	free_config();
	ck_assert(disk("format=raw, vdev=hdc, access=ro, devtype=cdrom, target=/i.iso")->cdrom);
	free_config();
	ck_assert(disk("raw:/root/image.iso,hdc:cdrom,ro")->cdrom);
	free_config();
	ck_assert(!disk("/img,raw,hdc:disk")->cdrom);
	free_config();
	/* cdrom forces read-only, as in libxlu */
	ck_assert(disk("/i.iso,,hdc,rw,cdrom")->readonly);
}
END_TEST

START_TEST(empty_cdrom)
{
	const struct xl_disk *d = disk(",hdc:cdrom,r");

	ck_assert_ptr_null(d->target);
	ck_assert_str_eq(d->vdev, "hdc");
	ck_assert(d->cdrom);
	free_config();
	ck_assert_ptr_null(disk("vdev=hdc,devtype=cdrom")->target);
}
END_TEST

START_TEST(backend_domain)
{
	ck_assert_str_eq(disk("/img,,xvda,backend=driverdom")->backend, "driverdom");
	free_config();
	ck_assert_ptr_null(disk("/img,,xvda,backend=")->backend);
}
END_TEST

/* xen-vbd-interface(7): xvd up to disk 2^20 - 1 and partition 255, sd to
 * disk 15 (sdp) and partition 15, hd to disk 3 (hdd) and partition 63. */
START_TEST(vdev_names)
{
	ck_disk("/i,,xvdz", "/i", "xvdz", false);
	ck_disk("/i,,xvdaa", "/i", "xvdaa", false);
	ck_disk("/i,,xvdtq37", "/i", "xvdtq37", false);
	ck_disk("/i,,xvdbgqcv255", "/i", "xvdbgqcv255", false);	/* disk 2^20 - 1 */
	ck_disk("/i,,sda1", "/i", "sda1", false);
	ck_disk("/i,,sdp15", "/i", "sdp15", false);
	ck_disk("/i,,hdd63", "/i", "hdd63", false);
}
END_TEST

START_TEST(several_disks_keep_their_order)
{
	ck_assert_parses(MINIMAL "disk = [ '/a,,xvda', 'phy:/dev/b,xvdb,r',\n'vdev=xvdc,target=/c' ]\n");
	ck_assert_uint_eq(cfg.nr_disks, 3);
	ck_assert_str_eq(cfg.disks[0].target, "/a");
	ck_assert_str_eq(cfg.disks[1].target, "/dev/b");
	ck_assert(cfg.disks[1].readonly);
	ck_assert_str_eq(cfg.disks[2].vdev, "xvdc");
}
END_TEST

START_TEST(missing_vdev_or_target)
{
	ck_bad_disk("/img", "no vdev specified");
	ck_bad_disk("/img,raw", "no vdev specified");
	ck_bad_disk("vdev=,target=/img", "no vdev specified");
	ck_bad_disk("", "no vdev specified");
	ck_bad_disk("vdev=xvda", "no target specified");
	ck_bad_disk(",,xvda", "no target specified");
}
END_TEST

START_TEST(formats_other_than_raw)
{
	ck_bad_disk("/img,qcow2,xvda", "format \"qcow2\" is not supported (raw only)");
	ck_bad_disk("format=vhd,vdev=xvda,target=/i", "format \"vhd\" is not supported (raw only)");
	ck_bad_disk("qcow:/img,xvda,w", "format \"qcow\" is not supported (raw only)");
	ck_bad_disk("/img,ext4,xvda", "unknown format \"ext4\"");
}
END_TEST

/* Without a prefix the second position is the format, not the vdev. */
START_TEST(positional_vdev_without_prefix_is_a_format)
{
	ck_bad_disk("/dev/x,xvda,w", "unknown format \"xvda\"");
}
END_TEST

START_TEST(bad_access_and_devtype)
{
	ck_bad_disk("/img,,xvda,rwx", "unknown access \"rwx\"");
	ck_bad_disk("access=RW,vdev=xvda,target=/i", "unknown access \"RW\"");
	ck_bad_disk("devtype=floppy,vdev=xvda,target=/i", "unknown devtype \"floppy\"");
	ck_bad_disk("/img,,hdc:tape", "unknown devtype \"tape\"");
}
END_TEST

START_TEST(respecified_parameters)
{
	ck_bad_disk("/img,,xvda,vdev=xvdb", "vdev respecified");
	/* with the vdev named first, the third position is the access */
	ck_bad_disk("vdev=xvda,/img,,xvdb", "unknown access \"xvdb\"");
	ck_bad_disk("/img,,xvda,target=/other", "target respecified");
	ck_bad_disk("backend=a,backend=b,/i,,xvda", "backend respecified");
}
END_TEST

START_TEST(too_many_positional_parameters)
{
	ck_bad_disk("/img,raw,xvda,rw,extra", "too many positional parameters at \"extra\"");
}
END_TEST

START_TEST(unsupported_parameters)
{
	ck_bad_disk("/img,,xvda,script=block-iscsi", "unsupported parameter \"script\"");
	ck_bad_disk("/img,,xvda,backendtype=qdisk", "unsupported parameter \"backendtype\"");
	ck_bad_disk("/img,,xvda,discard", "unsupported parameter \"discard\"");
	ck_bad_disk("/img,,xvda,direct-io-safe", "unsupported parameter \"direct-io-safe\"");
	ck_bad_disk("/a=b,,xvda", "unsupported parameter \"/a\"");
}
END_TEST

START_TEST(bad_prefixes)
{
	ck_bad_disk("foo:/img,xvda,w", "unknown deprecated prefix \"foo\"");
	ck_bad_disk("iscsi:iqn.2001,xvda,w", "block script prefix \"iscsi\" is not supported");
	ck_bad_disk("/img,,xvda:", "unknown deprecated prefix \"xvda\"");
}
END_TEST

START_TEST(bad_vdevs)
{
	static const char *const vdevs[] = {
		"xvd", "vda", "xvda0", "xvda01", "xvda256", "xvdbgqcw", "sdq", "sda16", "hde",
		"hda64", "XVDA", "xvda-1", "51712", "d0p1",
	};
	char spec[64], why[160];
	unsigned i;

	for (i = 0; i < sizeof(vdevs) / sizeof(vdevs[0]); i++) {
		snprintf(spec, sizeof(spec), "/i,,%s", vdevs[i]);
		snprintf(why, sizeof(why), "invalid vdev \"%s\" (expected xvdX, hdX or sdX)", vdevs[i]);
		ck_bad_disk(spec, why);
	}
}
END_TEST

START_TEST(disk_entries_must_be_strings)
{
	ck_assert_refused(MINIMAL "disk = [ '/a,,xvda',\n [ '/b,,xvdb' ] ]\n",
			  "xl: guest.cfg:4: 'disk' entries must be strings, got a list");
}
END_TEST

START_TEST(bad_disk_names_its_own_line)
{
	ck_assert_refused(MINIMAL "disk = [ '/a,,xvda',\n\n '/b' ]\n",
			  "xl: guest.cfg:5: bad disk \"/b\": no vdev specified");
}
END_TEST

/* The one vif of vif = [ 'spec' ]. */
static const struct xl_vif *vif(const char *spec)
{
	char text[512];

	snprintf(text, sizeof(text), MINIMAL "vif = [ '%s' ]\n", spec);
	ck_assert_int_eq(parse(text), 0);
	ck_assert_uint_eq(cfg.nr_vifs, 1);
	return &cfg.vifs[0];
}

static void ck_bad_vif(const char *spec, const char *why)
{
	char text[512], expected[512];

	snprintf(text, sizeof(text), MINIMAL "vif = [ '%s' ]\n", spec);
	snprintf(expected, sizeof(expected), "xl: guest.cfg:3: bad vif \"%s\": %s", spec, why);
	ck_assert_refused(text, expected);
}

START_TEST(vif_mac_and_bridge)
{
	const struct xl_vif *v = vif("mac=00:16:3e:0a:Bc:ff,bridge=xenbr1");
	static const uint8_t mac[6] = { 0x00, 0x16, 0x3e, 0x0a, 0xbc, 0xff };

	ck_assert(v->has_mac);
	ck_assert_mem_eq(v->mac, mac, 6);
	ck_assert_str_eq(v->bridge, "xenbr1");
	ck_assert_ptr_null(v->backend);
	ck_assert_ptr_null(v->vifname);
}
END_TEST

START_TEST(vif_defaults)
{
	const struct xl_vif *v = vif("");

	ck_assert(!v->has_mac);
	ck_assert_str_eq(v->bridge, "xenbr0");
	ck_assert_ptr_null(v->backend);
	ck_assert_ptr_null(v->vifname);
}
END_TEST

START_TEST(vif_backend_and_name)
{
	const struct xl_vif *v = vif("backend=netdom, vifname=web0 ,,  bridge=br");

	ck_assert_str_eq(v->backend, "netdom");
	ck_assert_str_eq(v->vifname, "web0 ");
	ck_assert_str_eq(v->bridge, "br");
}
END_TEST

START_TEST(vif_repeated_key_last_one_wins)
{
	const struct xl_vif *v = vif("bridge=a,mac=00:00:00:00:00:01,bridge=b,mac=00:16:3e:00:00:02");

	ck_assert_str_eq(v->bridge, "b");
	ck_assert_uint_eq(v->mac[5], 2);
}
END_TEST

START_TEST(several_vifs)
{
	ck_assert_parses(MINIMAL "vif = [ 'bridge=a', 'bridge=b', '' ]\n");
	ck_assert_uint_eq(cfg.nr_vifs, 3);
	ck_assert_str_eq(cfg.vifs[1].bridge, "b");
	ck_assert_str_eq(cfg.vifs[2].bridge, "xenbr0");
}
END_TEST

START_TEST(bad_macs)
{
	static const char *const macs[] = {
		"00:16:3e:0a:bc", "00:16:3e:0a:bc:ff:00", "00-16-3e-0a-bc-ff", "0:16:3e:0a:bc:ff",
		"00:16:3e:0a:bc:fg", "", "00:16:3e:0a:bc:ff ", "00:16:3e:0a:bc:f",
	};
	char spec[64], why[160];
	unsigned i;

	for (i = 0; i < sizeof(macs) / sizeof(macs[0]); i++) {
		snprintf(spec, sizeof(spec), "mac=%s", macs[i]);
		snprintf(why, sizeof(why), "invalid mac \"%s\" (expected six hex bytes: "
			 "00:16:3e:01:02:03)", macs[i]);
		ck_bad_vif(spec, why);
	}
}
END_TEST

START_TEST(bad_vif_parameters)
{
	ck_bad_vif("bridge=xenbr0,model=e1000", "unsupported parameter \"model\"");
	ck_bad_vif("rate=10Mb/s", "unsupported parameter \"rate\"");
	ck_bad_vif("mac =00:16:3e:00:00:01", "unsupported parameter \"mac \"");
	ck_bad_vif("xenbr0", "expected KEY=VALUE, got \"xenbr0\"");
}
END_TEST

START_TEST(vif_entries_must_be_strings)
{
	ck_assert_refused(MINIMAL "vif = [ [] ]\n",
			  "xl: guest.cfg:3: 'vif' entries must be strings, got a list");
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xl_devices");
	TCase *disks = tcase_create("disk");
	TCase *bad_disks = tcase_create("bad_disk");
	TCase *vifs = tcase_create("vif");

	tcase_add_checked_fixture(disks, NULL, free_config);
	tcase_add_test(disks, named_form);
	tcase_add_test(disks, positional_forms);
	tcase_add_test(disks, deprecated_prefixes);
	tcase_add_test(disks, named_and_positional_mix);
	tcase_add_test(disks, empty_values_take_defaults);
	tcase_add_test(disks, target_takes_the_rest);
	tcase_add_test(disks, blanks_before_parameters_are_ignored);
	tcase_add_test(disks, cdrom_forms);
	tcase_add_test(disks, empty_cdrom);
	tcase_add_test(disks, backend_domain);
	tcase_add_test(disks, vdev_names);
	tcase_add_test(disks, several_disks_keep_their_order);
	suite_add_tcase(s, disks);

	tcase_add_checked_fixture(bad_disks, NULL, free_config);
	tcase_add_test(bad_disks, missing_vdev_or_target);
	tcase_add_test(bad_disks, formats_other_than_raw);
	tcase_add_test(bad_disks, positional_vdev_without_prefix_is_a_format);
	tcase_add_test(bad_disks, bad_access_and_devtype);
	tcase_add_test(bad_disks, respecified_parameters);
	tcase_add_test(bad_disks, too_many_positional_parameters);
	tcase_add_test(bad_disks, unsupported_parameters);
	tcase_add_test(bad_disks, bad_prefixes);
	tcase_add_test(bad_disks, bad_vdevs);
	tcase_add_test(bad_disks, disk_entries_must_be_strings);
	tcase_add_test(bad_disks, bad_disk_names_its_own_line);
	suite_add_tcase(s, bad_disks);

	tcase_add_checked_fixture(vifs, NULL, free_config);
	tcase_add_test(vifs, vif_mac_and_bridge);
	tcase_add_test(vifs, vif_defaults);
	tcase_add_test(vifs, vif_backend_and_name);
	tcase_add_test(vifs, vif_repeated_key_last_one_wins);
	tcase_add_test(vifs, several_vifs);
	tcase_add_test(vifs, bad_macs);
	tcase_add_test(vifs, bad_vif_parameters);
	tcase_add_test(vifs, vif_entries_must_be_strings);
	suite_add_tcase(s, vifs);
	return s;
}
