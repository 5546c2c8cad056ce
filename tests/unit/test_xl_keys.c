/* dom0/xl: every key a Xenith guest config reads, its type, range and
 * default as xl gives them, and the warning for keys Xenith ignores. */
#include "test_xl.h"
#include <stdio.h>

START_TEST(name_is_required)
{
	ck_assert_refused("kernel = \"/k\"\n", "xl: guest.cfg: missing required key 'name'");
}
END_TEST

START_TEST(name_must_not_be_empty)
{
	ck_assert_refused("name = ''\nkernel = \"/k\"\n", "xl: guest.cfg:1: 'name' must not be empty");
}
END_TEST

START_TEST(name_must_be_a_string)
{
	ck_assert_refused("name = ['g']\nkernel = \"/k\"\n",
			  "xl: guest.cfg:1: 'name' must be a string, got a list");
}
END_TEST

START_TEST(kernel_is_required)
{
	ck_assert_refused("name = 'g'\n", "xl: guest.cfg: missing required key 'kernel'");
	ck_assert_refused("name = 'g'\nkernel = \"\"\n", "xl: guest.cfg:2: 'kernel' must not be empty");
}
END_TEST

START_TEST(ramdisk_is_optional_but_not_empty)
{
	ck_assert_parses(MINIMAL "ramdisk = \"/boot/initrd.cpio\"\n");
	ck_assert_str_eq(cfg.ramdisk, "/boot/initrd.cpio");
	free_config();
	ck_assert_refused(MINIMAL "ramdisk = ''\n", "xl: guest.cfg:3: 'ramdisk' must not be empty");
}
END_TEST

START_TEST(type_pv_is_accepted)
{
	ck_assert_parses(MINIMAL "type = \"pv\"\nbuilder = 'generic'\n");
	ck_assert_uint_eq(cfg.nr_warnings, 0);
}
END_TEST

START_TEST(hvm_and_pvh_are_refused)
{
	ck_assert_refused(MINIMAL "type = \"hvm\"\n", "xl: guest.cfg:3: 'type' must be \"pv\", "
			  "got \"hvm\" (Xenith runs PV guests only)");
	ck_assert_refused(MINIMAL "type = \"pvh\"\n", "xl: guest.cfg:3: 'type' must be \"pv\", "
			  "got \"pvh\" (Xenith runs PV guests only)");
	ck_assert_refused(MINIMAL "builder = \"hvm\"\n", "xl: guest.cfg:3: 'builder' must be "
			  "\"generic\", got \"hvm\" (Xenith runs PV guests only)");
}
END_TEST

/* xl takes any prefix of a type name: "p" would be "pv" there. */
START_TEST(type_must_be_spelt_out)
{
	ck_assert_refused(MINIMAL "type = \"p\"\n", "xl: guest.cfg:3: 'type' must be \"pv\", "
			  "got \"p\" (Xenith runs PV guests only)");
	ck_assert_refused(MINIMAL "type = ''\n", "xl: guest.cfg:3: 'type' must be \"pv\", "
			  "got \"\" (Xenith runs PV guests only)");
	ck_assert_refused(MINIMAL "type = ['pv']\n",
			  "xl: guest.cfg:3: 'type' must be a string, got a list");
}
END_TEST

START_TEST(extra_alone_is_the_command_line)
{
	ck_assert_parses(MINIMAL "extra = \"console=hvc0 quiet\"\n");
	ck_assert_str_eq(cfg.cmdline, "console=hvc0 quiet");
}
END_TEST

START_TEST(root_and_extra_join)
{
	ck_assert_parses(MINIMAL "extra = \"quiet\"\nroot = \"/dev/xvda1\"\n");
	ck_assert_str_eq(cfg.cmdline, "root=/dev/xvda1 quiet");
	free_config();
	ck_assert_parses(MINIMAL "root = \"/dev/xvda1 ro\"\n");
	ck_assert_str_eq(cfg.cmdline, "root=/dev/xvda1 ro");
}
END_TEST

START_TEST(cmdline_wins_over_root_and_extra_with_a_warning)
{
	ck_assert_parses(MINIMAL "extra = \"quiet\"\ncmdline = \"init=/bin/sh\"\nroot = '/dev/xvda'\n");
	ck_assert_str_eq(cfg.cmdline, "init=/bin/sh");
	ck_assert_uint_eq(cfg.nr_warnings, 1);
	ck_assert_str_eq(cfg.warnings[0], "xl: guest.cfg:4: warning: ignoring 'root' and 'extra' "
			 "in favour of 'cmdline'");
}
END_TEST

START_TEST(cmdline_alone)
{
	ck_assert_parses(MINIMAL "cmdline = \"a b\"\n");
	ck_assert_str_eq(cfg.cmdline, "a b");
	ck_assert_uint_eq(cfg.nr_warnings, 0);
}
END_TEST

START_TEST(command_line_keys_must_be_strings)
{
	ck_assert_refused(MINIMAL "extra = []\n", "xl: guest.cfg:3: 'extra' must be a string, got a list");
	ck_assert_refused(MINIMAL "root = []\n", "xl: guest.cfg:3: 'root' must be a string, got a list");
	ck_assert_refused(MINIMAL "cmdline = []\n",
			  "xl: guest.cfg:3: 'cmdline' must be a string, got a list");
}
END_TEST

START_TEST(memory_alone_sets_maxmem)
{
	ck_assert_parses(MINIMAL "memory = 512\n");
	ck_assert_uint_eq(cfg.memory_mib, 512);
	ck_assert_uint_eq(cfg.maxmem_mib, 512);
}
END_TEST

START_TEST(maxmem_alone_sets_memory)
{
	ck_assert_parses(MINIMAL "maxmem = 256\n");
	ck_assert_uint_eq(cfg.memory_mib, 256);
	ck_assert_uint_eq(cfg.maxmem_mib, 256);
}
END_TEST

START_TEST(memory_below_maxmem_is_pre_ballooned)
{
	ck_assert_parses(MINIMAL "maxmem = 1024\nmemory = 256\n");
	ck_assert_uint_eq(cfg.memory_mib, 256);
	ck_assert_uint_eq(cfg.maxmem_mib, 1024);
}
END_TEST

START_TEST(maxmem_below_memory_is_refused)
{
	ck_assert_refused(MINIMAL "memory = 512\nmaxmem = 256\n",
			  "xl: guest.cfg:4: 'maxmem' (256) must not be less than 'memory' (512)");
}
END_TEST

START_TEST(memory_bounds)
{
	ck_assert_parses(MINIMAL "memory = 1\n");
	ck_assert_uint_eq(cfg.memory_mib, 1);
	free_config();
	ck_assert_parses(MINIMAL "memory = 1048576\n");
	ck_assert_uint_eq(cfg.memory_mib, XL_MAX_MEMORY_MIB);
	free_config();
	ck_assert_refused(MINIMAL "memory = 0\n",
			  "xl: guest.cfg:3: 'memory' must be between 1 and 1048576, got \"0\"");
	ck_assert_refused(MINIMAL "memory = 1048577\n",
			  "xl: guest.cfg:3: 'memory' must be between 1 and 1048576, got \"1048577\"");
	ck_assert_refused(MINIMAL "maxmem = 0\n",
			  "xl: guest.cfg:3: 'maxmem' must be between 1 and 1048576, got \"0\"");
	ck_assert_refused(MINIMAL "memory = \"-1\"\n",
			  "xl: guest.cfg:3: 'memory' must be between 1 and 1048576, got \"-1\"");
}
END_TEST

START_TEST(memory_must_be_a_number)
{
	ck_assert_refused(MINIMAL "memory = \"lots\"\n",
			  "xl: guest.cfg:3: 'memory' must be a number, got \"lots\"");
	ck_assert_refused(MINIMAL "memory = 12abc\n",
			  "xl: guest.cfg:3: 'memory' must be a number, got \"12abc\"");
	ck_assert_refused(MINIMAL "memory = '512 '\n",
			  "xl: guest.cfg:3: 'memory' must be a number, got \"512 \"");
	ck_assert_refused(MINIMAL "memory = \"\"\n",
			  "xl: guest.cfg:3: 'memory' must be a number, got \"\"");
	ck_assert_refused(MINIMAL "memory = 09\n",
			  "xl: guest.cfg:3: 'memory' must be a number, got \"09\"");
	ck_assert_refused(MINIMAL "memory = [512]\n",
			  "xl: guest.cfg:3: 'memory' must be a number, got a list");
	ck_assert_refused(MINIMAL "maxmem = 0x\n",
			  "xl: guest.cfg:3: 'maxmem' must be a number, got \"0x\"");
}
END_TEST

START_TEST(vcpus_default_to_one)
{
	ck_assert_parses(MINIMAL);
	ck_assert_uint_eq(cfg.vcpus, 1);
	ck_assert_uint_eq(cfg.maxvcpus, 1);
}
END_TEST

START_TEST(vcpus_alone_sets_maxvcpus)
{
	ck_assert_parses(MINIMAL "vcpus = 4\n");
	ck_assert_uint_eq(cfg.vcpus, 4);
	ck_assert_uint_eq(cfg.maxvcpus, 4);
}
END_TEST

START_TEST(maxvcpus_alone_brings_all_online)
{
	ck_assert_parses(MINIMAL "maxvcpus = 3\n");
	ck_assert_uint_eq(cfg.vcpus, 3);
	ck_assert_uint_eq(cfg.maxvcpus, 3);
}
END_TEST

START_TEST(fewer_vcpus_than_maxvcpus)
{
	ck_assert_parses(MINIMAL "vcpus = 2\nmaxvcpus = 8\n");
	ck_assert_uint_eq(cfg.vcpus, 2);
	ck_assert_uint_eq(cfg.maxvcpus, 8);
}
END_TEST

START_TEST(vcpus_bounds)
{
	ck_assert_refused(MINIMAL "vcpus = 9\n",
			  "xl: guest.cfg:3: 'vcpus' must be between 1 and 8, got \"9\"");
	ck_assert_refused(MINIMAL "vcpus = 0\n",
			  "xl: guest.cfg:3: 'vcpus' must be between 1 and 8, got \"0\"");
	ck_assert_refused(MINIMAL "maxvcpus = 16\n",
			  "xl: guest.cfg:3: 'maxvcpus' must be between 1 and 8, got \"16\"");
	ck_assert_refused(MINIMAL "vcpus = 'two'\n",
			  "xl: guest.cfg:3: 'vcpus' must be a number, got \"two\"");
}
END_TEST

START_TEST(maxvcpus_below_vcpus_is_refused)
{
	ck_assert_refused(MINIMAL "maxvcpus = 2\nvcpus = 4\n",
			  "xl: guest.cfg:3: 'maxvcpus' (2) must not be less than 'vcpus' (4)");
}
END_TEST

START_TEST(every_action_name)
{
	static const char *const names[] = {
		"destroy", "restart", "rename-restart", "preserve",
		"coredump-destroy", "coredump-restart", "soft-reset",
	};
	char text[256];
	unsigned i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(text, sizeof(text), MINIMAL "on_poweroff = '%s'\non_reboot = '%s'\n"
			 "on_watchdog = '%s'\non_crash = '%s'\n", names[i], names[i], names[i], names[i]);
		ck_assert_parses(text);
		ck_assert_int_eq(cfg.on_poweroff, (int)i);
		ck_assert_int_eq(cfg.on_reboot, (int)i);
		ck_assert_int_eq(cfg.on_watchdog, (int)i);
		ck_assert_int_eq(cfg.on_crash, (int)i);
		free_config();
	}
}
END_TEST

START_TEST(enum_order_is_xl_order)
{
	ck_assert_int_eq(XL_ACTION_DESTROY, 0);
	ck_assert_int_eq(XL_ACTION_RESTART, 1);
	ck_assert_int_eq(XL_ACTION_RENAME_RESTART, 2);
	ck_assert_int_eq(XL_ACTION_PRESERVE, 3);
	ck_assert_int_eq(XL_ACTION_COREDUMP_DESTROY, 4);
	ck_assert_int_eq(XL_ACTION_COREDUMP_RESTART, 5);
	ck_assert_int_eq(XL_ACTION_SOFT_RESET, 6);
}
END_TEST

START_TEST(unknown_action_is_refused)
{
	ck_assert_refused(MINIMAL "on_crash = \"explode\"\n",
			  "xl: guest.cfg:3: 'on_crash' must be one of destroy, restart, rename-restart, "
			  "preserve, coredump-destroy, coredump-restart, soft-reset; got \"explode\"");
	ck_assert_refused(MINIMAL "on_reboot = \"Restart\"\n",
			  "xl: guest.cfg:3: 'on_reboot' must be one of destroy, restart, rename-restart, "
			  "preserve, coredump-destroy, coredump-restart, soft-reset; got \"Restart\"");
	ck_assert_refused(MINIMAL "on_poweroff = [\"destroy\"]\n",
			  "xl: guest.cfg:3: 'on_poweroff' must be a string, got a list");
	ck_assert_refused(MINIMAL "on_watchdog = 1\n",
			  "xl: guest.cfg:3: 'on_watchdog' must be one of destroy, restart, rename-restart, "
			  "preserve, coredump-destroy, coredump-restart, soft-reset; got \"1\"");
}
END_TEST

START_TEST(device_keys_must_be_lists)
{
	ck_assert_refused(MINIMAL "disk = 'a.img,,xvda'\n",
			  "xl: guest.cfg:3: 'disk' must be a list, got \"a.img,,xvda\"");
	ck_assert_refused(MINIMAL "vif = 'bridge=xenbr0'\n",
			  "xl: guest.cfg:3: 'vif' must be a list, got \"bridge=xenbr0\"");
}
END_TEST

/* xl ignores keys it does not know without a word; a warning here
 * catches the misspelt ones. */
START_TEST(unsupported_keys_are_warned_about_in_order)
{
	ck_assert_parses(MINIMAL "cpus = \"0-3\"\nmemroy = 512\nbootloader = \"pygrub\"\ncpus = 'all'\n");
	ck_assert_uint_eq(cfg.memory_mib, 32);
	ck_assert_uint_eq(cfg.nr_warnings, 3);
	ck_assert_str_eq(cfg.warnings[0], "xl: guest.cfg:6: warning: ignoring unsupported key 'cpus'");
	ck_assert_str_eq(cfg.warnings[1], "xl: guest.cfg:4: warning: ignoring unsupported key 'memroy'");
	ck_assert_str_eq(cfg.warnings[2],
			 "xl: guest.cfg:5: warning: ignoring unsupported key 'bootloader'");
}
END_TEST

START_TEST(many_warnings_are_summed_up)
{
	char text[4096] = MINIMAL;
	unsigned i;

	for (i = 0; i < 40; i++)
		snprintf(text + strlen(text), sizeof(text) - strlen(text), "k%u = %u\n", i, i);
	ck_assert_parses(text);
	ck_assert_uint_eq(cfg.nr_warnings, 33);
	ck_assert_str_eq(cfg.warnings[0], "xl: guest.cfg:3: warning: ignoring unsupported key 'k0'");
	ck_assert_str_eq(cfg.warnings[31], "xl: guest.cfg:34: warning: ignoring unsupported key 'k31'");
	ck_assert_str_eq(cfg.warnings[32], "xl: guest.cfg: warning: 8 more warnings not shown");
}
END_TEST

START_TEST(first_error_in_reading_order_is_reported)
{
	ck_assert_refused("vcpus = 99\nmemory = 'x'\n", "xl: guest.cfg: missing required key 'name'");
	ck_assert_refused(MINIMAL "vcpus = 99\nmemory = 'x'\n",
			  "xl: guest.cfg:4: 'memory' must be a number, got \"x\"");
}
END_TEST

START_TEST(full_config)
{
	ck_assert_parses("# Xenith guest\n"
			 "name = \"web\"\n"
			 "type = \"pv\"\n"
			 "kernel = \"/boot/guest-kernel-pv.elf\"\n"
			 "ramdisk = \"/boot/web.cpio\"\n"
			 "extra = \"console=hvc0\"\n"
			 "memory = 128\n"
			 "maxmem = 256\n"
			 "vcpus = 2\n"
			 "maxvcpus = 4\n"
			 "on_poweroff = \"destroy\"\n"
			 "on_reboot = \"restart\"\n"
			 "on_watchdog = \"preserve\"\n"
			 "on_crash = \"coredump-destroy\"\n"
			 "disk = [ \"format=raw, vdev=xvda, access=rw, target=/dev/nvme0n1\" ]\n"
			 "vif = [ \"mac=00:16:3e:00:00:01,bridge=xenbr0\" ]\n");
	ck_assert_str_eq(cfg.name, "web");
	ck_assert_str_eq(cfg.kernel, "/boot/guest-kernel-pv.elf");
	ck_assert_str_eq(cfg.ramdisk, "/boot/web.cpio");
	ck_assert_str_eq(cfg.cmdline, "console=hvc0");
	ck_assert_uint_eq(cfg.memory_mib, 128);
	ck_assert_uint_eq(cfg.maxmem_mib, 256);
	ck_assert_uint_eq(cfg.vcpus, 2);
	ck_assert_uint_eq(cfg.maxvcpus, 4);
	ck_assert_int_eq(cfg.on_watchdog, XL_ACTION_PRESERVE);
	ck_assert_int_eq(cfg.on_crash, XL_ACTION_COREDUMP_DESTROY);
	ck_assert_uint_eq(cfg.nr_disks, 1);
	ck_assert_str_eq(cfg.disks[0].target, "/dev/nvme0n1");
	ck_assert_uint_eq(cfg.nr_vifs, 1);
	ck_assert_uint_eq(cfg.vifs[0].mac[5], 1);
	ck_assert_uint_eq(cfg.nr_warnings, 0);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xl_keys");
	TCase *guest = tcase_create("guest");
	TCase *resources = tcase_create("resources");
	TCase *actions = tcase_create("actions");
	TCase *others = tcase_create("others");

	tcase_add_checked_fixture(guest, NULL, free_config);
	tcase_add_test(guest, name_is_required);
	tcase_add_test(guest, name_must_not_be_empty);
	tcase_add_test(guest, name_must_be_a_string);
	tcase_add_test(guest, kernel_is_required);
	tcase_add_test(guest, ramdisk_is_optional_but_not_empty);
	tcase_add_test(guest, type_pv_is_accepted);
	tcase_add_test(guest, hvm_and_pvh_are_refused);
	tcase_add_test(guest, type_must_be_spelt_out);
	tcase_add_test(guest, extra_alone_is_the_command_line);
	tcase_add_test(guest, root_and_extra_join);
	tcase_add_test(guest, cmdline_wins_over_root_and_extra_with_a_warning);
	tcase_add_test(guest, cmdline_alone);
	tcase_add_test(guest, command_line_keys_must_be_strings);
	suite_add_tcase(s, guest);

	tcase_add_checked_fixture(resources, NULL, free_config);
	tcase_add_test(resources, memory_alone_sets_maxmem);
	tcase_add_test(resources, maxmem_alone_sets_memory);
	tcase_add_test(resources, memory_below_maxmem_is_pre_ballooned);
	tcase_add_test(resources, maxmem_below_memory_is_refused);
	tcase_add_test(resources, memory_bounds);
	tcase_add_test(resources, memory_must_be_a_number);
	tcase_add_test(resources, vcpus_default_to_one);
	tcase_add_test(resources, vcpus_alone_sets_maxvcpus);
	tcase_add_test(resources, maxvcpus_alone_brings_all_online);
	tcase_add_test(resources, fewer_vcpus_than_maxvcpus);
	tcase_add_test(resources, vcpus_bounds);
	tcase_add_test(resources, maxvcpus_below_vcpus_is_refused);
	suite_add_tcase(s, resources);

	tcase_add_checked_fixture(actions, NULL, free_config);
	tcase_add_test(actions, every_action_name);
	tcase_add_test(actions, enum_order_is_xl_order);
	tcase_add_test(actions, unknown_action_is_refused);
	suite_add_tcase(s, actions);

	tcase_add_checked_fixture(others, NULL, free_config);
	tcase_add_test(others, device_keys_must_be_lists);
	tcase_add_test(others, unsupported_keys_are_warned_about_in_order);
	tcase_add_test(others, many_warnings_are_summed_up);
	tcase_add_test(others, first_error_in_reading_order_is_reported);
	tcase_add_test(others, full_config);
	suite_add_tcase(s, others);
	return s;
}
