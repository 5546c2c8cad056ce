/* dom0/xl: the xl.cfg syntax as libxlu reads it (comments, separators,
 * strings and their escapes, numbers, lists, '+=', repeated keys) and the
 * error line for each way of breaking it. */
#include "test_xl.h"

START_TEST(minimal_config_takes_xl_defaults)
{
	ck_assert_parses(MINIMAL);
	ck_assert_str_eq(cfg.name, "guest");
	ck_assert_str_eq(cfg.kernel, "/boot/guest.elf");
	ck_assert_ptr_null(cfg.ramdisk);
	ck_assert_ptr_null(cfg.cmdline);
	ck_assert_uint_eq(cfg.memory_mib, 32);
	ck_assert_uint_eq(cfg.maxmem_mib, 32);
	ck_assert_uint_eq(cfg.vcpus, 1);
	ck_assert_uint_eq(cfg.maxvcpus, 1);
	ck_assert_int_eq(cfg.on_poweroff, XL_ACTION_DESTROY);
	ck_assert_int_eq(cfg.on_reboot, XL_ACTION_RESTART);
	ck_assert_int_eq(cfg.on_watchdog, XL_ACTION_DESTROY);
	ck_assert_int_eq(cfg.on_crash, XL_ACTION_DESTROY);
	ck_assert_uint_eq(cfg.nr_disks, 0);
	ck_assert_uint_eq(cfg.nr_vifs, 0);
	ck_assert_uint_eq(cfg.nr_warnings, 0);
}
END_TEST

START_TEST(comments_and_blank_lines_are_ignored)
{
	ck_assert_parses("# a guest\n\n   \n\t\nname = \"guest\" # trailing comment\n"
			 "  # indented comment\nkernel = \"/k\"\n# no newline at the end");
	ck_assert_str_eq(cfg.name, "guest");
	ck_assert_str_eq(cfg.kernel, "/k");
}
END_TEST

START_TEST(hash_inside_a_string_is_not_a_comment)
{
	ck_assert_parses(MINIMAL "extra = \"a # b\" # c\n");
	ck_assert_str_eq(cfg.cmdline, "a # b");
}
END_TEST

START_TEST(semicolons_separate_settings)
{
	ck_assert_parses(";name=\"g\";kernel='/k'; ;memory=64;;\n;vcpus=2;");
	ck_assert_str_eq(cfg.name, "g");
	ck_assert_uint_eq(cfg.memory_mib, 64);
	ck_assert_uint_eq(cfg.vcpus, 2);
}
END_TEST

START_TEST(last_setting_needs_no_newline)
{
	ck_assert_parses("name=\"g\"\nkernel=\"/k\"");
	ck_assert_str_eq(cfg.kernel, "/k");
}
END_TEST

START_TEST(blanks_around_tokens_are_ignored)
{
	ck_assert_parses(" \tname\t=\t\"g\" \t\nkernel =\"/k\" ;  memory= 48 \n");
	ck_assert_uint_eq(cfg.memory_mib, 48);
}
END_TEST

START_TEST(empty_file_lacks_name)
{
	ck_assert_refused("", "xl: guest.cfg: missing required key 'name'");
}
END_TEST

START_TEST(single_and_double_quotes_are_alike)
{
	ck_assert_parses("name = 'g'\nkernel = \"/k\"\nextra = 'x'\n");
	ck_assert_str_eq(cfg.name, "g");
}
END_TEST

/* A quote of the other kind needs no escape; every named escape works in
 * both kinds of string, as in libxlu. */
START_TEST(escapes_in_strings)
{
	ck_assert_parses(MINIMAL "extra = \"q\\\"s\\'b\\\\n\\nt\\tr\\ra\\ab\\bf\\fv\\v'\"\n");
	ck_assert_str_eq(cfg.cmdline, "q\"s'b\\n\nt\tr\ra\ab\bf\fv\v'");
	free_config();
	ck_assert_parses(MINIMAL "extra = 'd\"\\'\\n'\n");
	ck_assert_str_eq(cfg.cmdline, "d\"'\n");
}
END_TEST

START_TEST(empty_string)
{
	ck_assert_parses(MINIMAL "extra = \"\"\n");
	ck_assert_str_eq(cfg.cmdline, "");
}
END_TEST

START_TEST(bytes_above_ascii_pass_through)
{
	ck_assert_parses(MINIMAL "extra = \"caf\xc3\xa9\" # \xff\n");
	ck_assert_str_eq(cfg.cmdline, "caf\xc3\xa9");
}
END_TEST

START_TEST(numbers_decimal_hex_octal_and_quoted)
{
	ck_assert_parses(MINIMAL "memory = 0x100\nmaxmem = 01000\nvcpus = \"2\"\nmaxvcpus = ' 4'\n");
	ck_assert_uint_eq(cfg.memory_mib, 256);
	ck_assert_uint_eq(cfg.maxmem_mib, 512);
	ck_assert_uint_eq(cfg.vcpus, 2);
	ck_assert_uint_eq(cfg.maxvcpus, 4);
}
END_TEST

/* As in libxlu, a bare number is text until a key reads it. */
START_TEST(bare_number_is_a_string_to_string_keys)
{
	ck_assert_parses("name = 42\nkernel = 0x1f\n");
	ck_assert_str_eq(cfg.name, "42");
	ck_assert_str_eq(cfg.kernel, "0x1f");
}
END_TEST

START_TEST(list_spans_lines_with_trailing_comma)
{
	ck_assert_parses(MINIMAL "disk = [\n\n  'a.img,,xvda',\n\n  'b.img,,xvdb' ,\n\n]\nmemory = 64\n");
	ck_assert_uint_eq(cfg.nr_disks, 2);
	ck_assert_str_eq(cfg.disks[1].target, "b.img");
	ck_assert_uint_eq(cfg.memory_mib, 64);
}
END_TEST

START_TEST(empty_list)
{
	ck_assert_parses(MINIMAL "disk = []\nvif = [\n]\n");
	ck_assert_uint_eq(cfg.nr_disks, 0);
	ck_assert_uint_eq(cfg.nr_vifs, 0);
}
END_TEST

/* xl.cfg(5): lists may nest ("vnuma"); a key Xenith ignores may hold one. */
START_TEST(nested_lists_parse)
{
	ck_assert_parses(MINIMAL "vnuma = [ [\"pnode=0\", \"size=512\"], [], [[1]] ]\n");
	ck_assert_uint_eq(cfg.nr_warnings, 1);
	ck_assert_str_eq(cfg.warnings[0], "xl: guest.cfg:3: warning: ignoring unsupported key 'vnuma'");
}
END_TEST

START_TEST(nesting_up_to_the_limit_parses)
{
	ck_assert_parses(MINIMAL "x = [[[[[[[[[[[[[[[[\"a\"]]]]]]]]]]]]]]]]\n");
}
END_TEST

START_TEST(nesting_past_the_limit_is_refused)
{
	ck_assert_refused(MINIMAL "x = [[[[[[[[[[[[[[[[[\"a\"]]]]]]]]]]]]]]]]]\n",
			  "xl: guest.cfg:3: lists nested more than 16 deep");
}
END_TEST

START_TEST(append_to_strings_and_lists)
{
	ck_assert_parses(MINIMAL "extra = \"console=hvc0\"\nextra += \" quiet\"\n"
			 "disk = ['a,,xvda']\ndisk += ['b,,xvdb', 'c,,xvdc']\n");
	ck_assert_str_eq(cfg.cmdline, "console=hvc0 quiet");
	ck_assert_uint_eq(cfg.nr_disks, 3);
	ck_assert_str_eq(cfg.disks[2].vdev, "xvdc");
}
END_TEST

START_TEST(append_empty_lists)
{
	ck_assert_parses(MINIMAL "disk = []\ndisk += []\nvif += []\nvif += ['']\nvif += []\n");
	ck_assert_uint_eq(cfg.nr_disks, 0);
	ck_assert_uint_eq(cfg.nr_vifs, 1);
}
END_TEST

START_TEST(append_without_earlier_value_assigns)
{
	ck_assert_parses(MINIMAL "extra += \"quiet\"\n");
	ck_assert_str_eq(cfg.cmdline, "quiet");
}
END_TEST

START_TEST(append_list_to_string_is_refused)
{
	ck_assert_refused(MINIMAL "extra = \"a\"\nextra += [\"b\"]\n",
			  "xl: guest.cfg:4: 'extra' += cannot add a list to a string, "
			  "or a string to a list");
}
END_TEST

START_TEST(append_to_a_number_is_refused)
{
	ck_assert_refused(MINIMAL "memory = 5\nmemory += 12\n",
			  "xl: guest.cfg:4: 'memory' is a number: '+=' cannot add to it");
}
END_TEST

/* libxlu keeps every assignment and reads the newest: the last one wins,
 * with no message. An '=' after '+=' starts afresh. */
START_TEST(repeated_key_last_one_wins)
{
	ck_assert_parses(MINIMAL "memory = 64\nname = \"other\"\nmemory = 128\n"
			 "disk = ['a,,xvda']\ndisk = ['b,,xvdb']\nextra += \"x\"\nextra = \"y\"\n");
	ck_assert_str_eq(cfg.name, "other");
	ck_assert_uint_eq(cfg.memory_mib, 128);
	ck_assert_uint_eq(cfg.nr_disks, 1);
	ck_assert_str_eq(cfg.disks[0].target, "b");
	ck_assert_str_eq(cfg.cmdline, "y");
	ck_assert_uint_eq(cfg.nr_warnings, 0);
}
END_TEST

START_TEST(error_names_the_line_of_the_last_assignment)
{
	ck_assert_refused(MINIMAL "memory = 64\n\n\nmemory = \"x\"\n",
			  "xl: guest.cfg:6: 'memory' must be a number, got \"x\"");
}
END_TEST

START_TEST(lines_count_through_lists_and_comments)
{
	ck_assert_refused("# 1\nname = \"g\" # 2\ndisk = [ # 3\n 'a,,xvda', # 4\n\n ] # 6\n"
			  "kernel = \"/k\"; memory = 'x' # 7\n",
			  "xl: guest.cfg:7: 'memory' must be a number, got \"x\"");
}
END_TEST

START_TEST(unterminated_string_at_end_of_file)
{
	ck_assert_refused(MINIMAL "extra = \"abc", "xl: guest.cfg:3: unterminated string");
}
END_TEST

START_TEST(unterminated_string_at_end_of_line)
{
	ck_assert_refused(MINIMAL "extra = 'abc\n'\n", "xl: guest.cfg:3: unterminated string");
}
END_TEST

START_TEST(escaped_quote_does_not_end_a_string)
{
	ck_assert_refused(MINIMAL "extra = \"abc\\\"\n", "xl: guest.cfg:3: unterminated string");
}
END_TEST

START_TEST(backslash_at_end_of_line_leaves_string_open)
{
	ck_assert_refused(MINIMAL "extra = \"abc\\\ndef\"\n", "xl: guest.cfg:3: unterminated string");
}
END_TEST

START_TEST(unknown_escape_is_refused)
{
	ck_assert_refused(MINIMAL "extra = \"a\\qb\"\n",
			  "xl: guest.cfg:3: unknown escape '\\q' in a string");
}
END_TEST

START_TEST(escape_of_a_blank_is_refused)
{
	ck_assert_refused(MINIMAL "extra = \"a\\ b\"\n",
			  "xl: guest.cfg:3: unknown escape in a string: backslash before byte 0x20");
}
END_TEST

/* libxlu's numeric escapes are broken (\x is always an error, octal ones
 * vanish): refused here rather than guessed at. */
START_TEST(numeric_escapes_are_refused)
{
	ck_assert_refused(MINIMAL "extra = \"\\x41\"\n",
			  "xl: guest.cfg:3: numeric escape '\\x' is not supported");
	ck_assert_refused(MINIMAL "extra = '\\101'\n",
			  "xl: guest.cfg:3: numeric escape '\\1' is not supported");
	ck_assert_refused(MINIMAL "extra = '\\0'\n",
			  "xl: guest.cfg:3: numeric escape '\\0' is not supported");
}
END_TEST

START_TEST(unterminated_list_names_its_first_line)
{
	ck_assert_refused(MINIMAL "disk = [ 'a,,xvda',\n 'b,,xvdb'\n\n",
			  "xl: guest.cfg:3: unterminated list");
	ck_assert_refused(MINIMAL "disk = [", "xl: guest.cfg:3: unterminated list");
	ck_assert_refused(MINIMAL "x = [ 1,\n [ 2,\n", "xl: guest.cfg:4: unterminated list");
}
END_TEST

START_TEST(list_items_need_commas)
{
	ck_assert_refused(MINIMAL "disk = [ 'a,,xvda' 'b,,xvdb' ]\n",
			  "xl: guest.cfg:3: expected ',' or ']', got \"b,,xvdb\"");
	ck_assert_refused(MINIMAL "disk = [ 'a,,xvda'\n 'b,,xvdb' ]\n",
			  "xl: guest.cfg:4: expected ',' or ']', got \"b,,xvdb\"");
}
END_TEST

START_TEST(list_without_items_between_commas_is_refused)
{
	ck_assert_refused(MINIMAL "disk = [ , ]\n", "xl: guest.cfg:3: expected a value, got ','");
	ck_assert_refused(MINIMAL "disk = [ 'a,,xvda', , ]\n",
			  "xl: guest.cfg:3: expected a value, got ','");
}
END_TEST

START_TEST(missing_value_is_refused)
{
	ck_assert_refused(MINIMAL "memory =\n", "xl: guest.cfg:3: expected a value, got end of line");
	ck_assert_refused(MINIMAL "memory =", "xl: guest.cfg:3: expected a value, got end of file");
	ck_assert_refused(MINIMAL "memory = ;", "xl: guest.cfg:3: expected a value, got ';'");
	ck_assert_refused(MINIMAL "memory = = 5", "xl: guest.cfg:3: expected a value, got '='");
}
END_TEST

/* xl.cfg has no bare words: "type = pv" is Python, not xl.cfg. */
START_TEST(unquoted_string_is_refused)
{
	ck_assert_refused(MINIMAL "type = pv\n",
			  "xl: guest.cfg:3: expected a value (strings need quotes), got \"pv\"");
}
END_TEST

START_TEST(missing_equals_is_refused)
{
	ck_assert_refused(MINIMAL "memory 512\n",
			  "xl: guest.cfg:3: expected '=' after 'memory', got \"512\"");
	ck_assert_refused(MINIMAL "memory\n",
			  "xl: guest.cfg:3: expected '=' after 'memory', got end of line");
}
END_TEST

START_TEST(two_settings_on_a_line_need_a_semicolon)
{
	ck_assert_refused("name = \"g\" kernel = \"/k\"\n",
			  "xl: guest.cfg:1: expected a new line or ';' after the value, got \"kernel\"");
	ck_assert_refused(MINIMAL "disk = [] []\n",
			  "xl: guest.cfg:3: expected a new line or ';' after the value, got '['");
}
END_TEST

START_TEST(statement_must_start_with_a_key)
{
	ck_assert_refused(MINIMAL "= 5\n", "xl: guest.cfg:3: expected a key, got '='");
	ck_assert_refused(MINIMAL "\"memory\" = 5\n",
			  "xl: guest.cfg:3: expected a key, got \"memory\"");
	ck_assert_refused(MINIMAL "0x1f = 5\n", "xl: guest.cfg:3: expected a key, got \"0x1f\"");
	ck_assert_refused(MINIMAL "]\n", "xl: guest.cfg:3: expected a key, got ']'");
}
END_TEST

/* libxlu's keys are lower case: [a-z][_0-9a-z]*. */
START_TEST(upper_case_key_is_refused)
{
	ck_assert_refused(MINIMAL "Memory = 5\n", "xl: guest.cfg:3: unexpected character \"M\"");
	ck_assert_refused(MINIMAL "on-crash = 'destroy'\n",
			  "xl: guest.cfg:3: unexpected character \"-\"");
}
END_TEST

START_TEST(expressions_are_refused)
{
	ck_assert_refused(MINIMAL "memory = -5\n", "xl: guest.cfg:3: unexpected character \"-\"");
	ck_assert_refused(MINIMAL "memory = 256 + 256\n",
			  "xl: guest.cfg:3: unexpected character \"+\"");
	ck_assert_refused(MINIMAL "memory = (5)\n", "xl: guest.cfg:3: unexpected character \"(\"");
}
END_TEST

START_TEST(key_with_digits_and_underscores)
{
	ck_assert_parses(MINIMAL "on_crash = 'preserve'\nx_1_ = 1\n");
	ck_assert_int_eq(cfg.on_crash, XL_ACTION_PRESERVE);
	ck_assert_str_eq(cfg.warnings[0], "xl: guest.cfg:4: warning: ignoring unsupported key 'x_1_'");
}
END_TEST

START_TEST(carriage_returns_are_refused)
{
	ck_assert_refused("name = \"g\"\r\nkernel = \"/k\"\r\n",
			  "xl: guest.cfg:1: carriage return: DOS line endings are not valid xl.cfg");
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xl_syntax");
	TCase *ok = tcase_create("accepted");
	TCase *bad = tcase_create("refused");

	tcase_add_checked_fixture(ok, NULL, free_config);
	tcase_add_test(ok, minimal_config_takes_xl_defaults);
	tcase_add_test(ok, comments_and_blank_lines_are_ignored);
	tcase_add_test(ok, hash_inside_a_string_is_not_a_comment);
	tcase_add_test(ok, semicolons_separate_settings);
	tcase_add_test(ok, last_setting_needs_no_newline);
	tcase_add_test(ok, blanks_around_tokens_are_ignored);
	tcase_add_test(ok, single_and_double_quotes_are_alike);
	tcase_add_test(ok, escapes_in_strings);
	tcase_add_test(ok, empty_string);
	tcase_add_test(ok, bytes_above_ascii_pass_through);
	tcase_add_test(ok, numbers_decimal_hex_octal_and_quoted);
	tcase_add_test(ok, bare_number_is_a_string_to_string_keys);
	tcase_add_test(ok, list_spans_lines_with_trailing_comma);
	tcase_add_test(ok, empty_list);
	tcase_add_test(ok, nested_lists_parse);
	tcase_add_test(ok, nesting_up_to_the_limit_parses);
	tcase_add_test(ok, append_to_strings_and_lists);
	tcase_add_test(ok, append_empty_lists);
	tcase_add_test(ok, append_without_earlier_value_assigns);
	tcase_add_test(ok, repeated_key_last_one_wins);
	tcase_add_test(ok, key_with_digits_and_underscores);
	suite_add_tcase(s, ok);

	tcase_add_checked_fixture(bad, NULL, free_config);
	tcase_add_test(bad, empty_file_lacks_name);
	tcase_add_test(bad, nesting_past_the_limit_is_refused);
	tcase_add_test(bad, append_list_to_string_is_refused);
	tcase_add_test(bad, append_to_a_number_is_refused);
	tcase_add_test(bad, error_names_the_line_of_the_last_assignment);
	tcase_add_test(bad, lines_count_through_lists_and_comments);
	tcase_add_test(bad, unterminated_string_at_end_of_file);
	tcase_add_test(bad, unterminated_string_at_end_of_line);
	tcase_add_test(bad, escaped_quote_does_not_end_a_string);
	tcase_add_test(bad, backslash_at_end_of_line_leaves_string_open);
	tcase_add_test(bad, unknown_escape_is_refused);
	tcase_add_test(bad, escape_of_a_blank_is_refused);
	tcase_add_test(bad, numeric_escapes_are_refused);
	tcase_add_test(bad, unterminated_list_names_its_first_line);
	tcase_add_test(bad, list_items_need_commas);
	tcase_add_test(bad, list_without_items_between_commas_is_refused);
	tcase_add_test(bad, missing_value_is_refused);
	tcase_add_test(bad, unquoted_string_is_refused);
	tcase_add_test(bad, missing_equals_is_refused);
	tcase_add_test(bad, two_settings_on_a_line_need_a_semicolon);
	tcase_add_test(bad, statement_must_start_with_a_key);
	tcase_add_test(bad, upper_case_key_is_refused);
	tcase_add_test(bad, expressions_are_refused);
	tcase_add_test(bad, carriage_returns_are_refused);
	suite_add_tcase(s, bad);
	return s;
}
