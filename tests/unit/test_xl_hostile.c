/* dom0/xl: malformed and hostile input. Whatever the bytes, the parser
 * answers 0 or -EINVAL (or -EFBIG past the size bound) with one short
 * printable error line, in time linear in the input, without reading past
 * the buffer it was given. */
#include "test_xl.h"
#include <stdio.h>
#include <stdlib.h>

#define MB      (1u << 20)

/* A heap buffer of exactly len bytes and no terminator, so that a read
 * past its end is a heap overflow that valgrind or ASan sees. */
static char *unterminated(const char *text, size_t len)
{
	char *buf = malloc(len ? len : 1);

	ck_assert_ptr_nonnull(buf);
	memcpy(buf, text, len);
	return buf;
}

/* The answer to any input: a full config, or one printable error line. */
static void ck_sane_answer(int rc)
{
	size_t i;

	ck_assert(rc == 0 || rc == -EINVAL);
	if (rc) {
		ck_assert_msg(!strncmp(err, "xl: guest.cfg", 13), "bad error line: %s", err);
		for (i = 0; err[i]; i++)
			ck_assert(err[i] >= 0x20 && err[i] < 0x7f);
		ck_assert_ptr_null(cfg.name);
	} else {
		ck_assert_ptr_nonnull(cfg.name);
		ck_assert_ptr_nonnull(cfg.kernel);
	}
	free_config();
}

START_TEST(nul_bytes_are_refused_everywhere)
{
#define TEXT(s) { s, sizeof(s) - 1 }
	static const struct { const char *text; size_t len; } texts[] = {
		TEXT("name = \"g\0\"\n"), TEXT("name = 'g'\0\n"), TEXT("# comment \0\n"),
		TEXT("na\0me = 'g'\n"), TEXT("name = [\0]\n"), TEXT("name = 'a\\\0'"),
	};
#undef TEXT
	unsigned i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		ck_assert_int_eq(parse_len(texts[i].text, texts[i].len), -EINVAL);
		ck_assert_str_eq(err, "xl: guest.cfg:1: NUL byte in the file");
	}
	ck_assert_int_eq(parse_len(MINIMAL "\0", sizeof(MINIMAL)), -EINVAL);
	ck_assert_str_eq(err, "xl: guest.cfg:3: NUL byte in the file");
}
END_TEST

START_TEST(text_ends_at_len_not_at_a_nul)
{
	static const char text[] = MINIMAL "memory = 64\nmemory = 'x'\n";
	char *buf = unterminated(text, strlen(MINIMAL "memory = 64\n"));

	ck_assert_int_eq(parse_len(buf, strlen(MINIMAL "memory = 64\n")), 0);
	ck_assert_uint_eq(cfg.memory_mib, 64);
	free_config();
	ck_assert_int_eq(parse_len(buf, strlen(MINIMAL "memory = 6")), 0);
	ck_assert_uint_eq(cfg.memory_mib, 6);
	free(buf);
}
END_TEST

/* Every token cut short at the end of the buffer. */
START_TEST(every_truncation_of_a_config)
{
	static const char text[] = "name = 'g' # c\nkernel = \"/k\\n\"\nextra += 'a'\n"
		"disk = [ 'phy:/d,xvda,w',\n 'vdev=xvdb,target=/i,' ]\n"
		"vif = [ 'mac=00:16:3e:00:00:01' ]\nx = [ [ 0x1f ], ]; memory = 64";
	size_t len;

	for (len = 0; len <= strlen(text); len++) {
		char *buf = unterminated(text, len);

		ck_sane_answer(parse_len(buf, len));
		free(buf);
	}
	ck_assert_int_eq(parse(text), 0);
	ck_assert_uint_eq(cfg.memory_mib, 64);
}
END_TEST

START_TEST(a_megabyte_of_comments)
{
	char *text = malloc(MB + 64);
	size_t i;

	ck_assert_ptr_nonnull(text);
	for (i = 0; i < MB; i += 64)
		snprintf(text + i, 65, "# %061zu\n", i);
	strcpy(text + MB, MINIMAL "memory = 99\n");
	ck_assert_parses(text);
	ck_assert_uint_eq(cfg.memory_mib, 99);
	free(text);
}
END_TEST

START_TEST(a_megabyte_string)
{
	char *text = malloc(MB + 64);

	ck_assert_ptr_nonnull(text);
	strcpy(text, MINIMAL "extra = \"");
	memset(text + strlen(text), 'x', MB);
	strcpy(text + strlen(MINIMAL "extra = \"") + MB, "\"\n");
	ck_assert_parses(text);
	ck_assert_uint_eq(strlen(cfg.cmdline), MB);
	free(text);
}
END_TEST

/* A megabyte-long value in an error, with control characters in it:
 * still one line, cut short. */
START_TEST(error_line_stays_short_and_printable)
{
	char *text = malloc(MB + 64);
	size_t n = strlen(MINIMAL "memory = \"\\n\\t\\a");

	ck_assert_ptr_nonnull(text);
	strcpy(text, MINIMAL "memory = \"\\n\\t\\a");
	memset(text + n, 'x', MB);
	strcpy(text + n + MB, "\"\n");
	ck_assert_refused(text, "xl: guest.cfg:3: 'memory' must be a number, got "
			  "\"\\n\\t\\x07xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\"");
	free(text);
}
END_TEST

START_TEST(a_megabyte_key_is_cut_in_its_warning)
{
	char *text = malloc(MB + 64);

	ck_assert_ptr_nonnull(text);
	strcpy(text, MINIMAL);
	memset(text + strlen(MINIMAL), 'k', MB);
	strcpy(text + strlen(MINIMAL) + MB, " = 1\n");
	ck_assert_parses(text);
	ck_assert_uint_eq(cfg.nr_warnings, 1);
	ck_assert_uint_eq(strlen(cfg.warnings[0]),
			  strlen("xl: guest.cfg:3: warning: ignoring unsupported key ''") + 64);
	free(text);
}
END_TEST

/* Found through a hash table, not a walk: no quadratic time. */
START_TEST(a_hundred_thousand_keys)
{
	char *text = malloc(16 * 100000 + 64);
	size_t n = 0;
	unsigned i;

	ck_assert_ptr_nonnull(text);
	n += sprintf(text, MINIMAL);
	for (i = 0; i < 100000; i++)
		n += sprintf(text + n, "k%u = %u\n", i, i);
	ck_assert_parses(text);
	ck_assert_uint_eq(cfg.nr_warnings, 33);
	ck_assert_str_eq(cfg.warnings[32], "xl: guest.cfg: warning: 99968 more warnings not shown");
	free(text);
}
END_TEST

START_TEST(a_hundred_thousand_list_items)
{
	char *text = malloc(4 * 100000 + 64);
	size_t n = 0;
	unsigned i;

	ck_assert_ptr_nonnull(text);
	n += sprintf(text, MINIMAL "vif = [");
	for (i = 0; i < 100000; i++)
		n += sprintf(text + n, "'',");
	strcpy(text + n, "]\n");
	ck_assert_parses(text);
	ck_assert_uint_eq(cfg.nr_vifs, 100000);
	ck_assert_str_eq(cfg.vifs[99999].bridge, "xenbr0");
	free(text);
}
END_TEST

/* '+=' grows a value in place, geometrically: no quadratic copying. */
START_TEST(a_hundred_thousand_appends)
{
	char *text = malloc(32 * 100000 + 64);
	size_t n = 0;
	unsigned i;

	ck_assert_ptr_nonnull(text);
	n += sprintf(text, MINIMAL);
	for (i = 0; i < 100000; i++)
		n += sprintf(text + n, "extra += 'ab'\nx += [%u]\n", i);
	ck_assert_parses(text);
	ck_assert_uint_eq(strlen(cfg.cmdline), 200000);
	free(text);
}
END_TEST

START_TEST(deep_nesting_stops_at_the_bound)
{
	char *text = malloc(MB + 64);

	ck_assert_ptr_nonnull(text);
	strcpy(text, MINIMAL "x = ");
	memset(text + strlen(text), '[', MB);
	text[strlen(MINIMAL "x = ") + MB] = '\0';
	ck_assert_refused(text, "xl: guest.cfg:3: lists nested more than 16 deep");
	free(text);
}
END_TEST

START_TEST(huge_numbers_are_out_of_range)
{
	char text[1200] = MINIMAL "memory = ";

	ck_assert_refused(MINIMAL "memory = 9223372036854775807\n", "xl: guest.cfg:3: 'memory' must "
			  "be between 1 and 1048576, got \"9223372036854775807\"");
	ck_assert_refused(MINIMAL "memory = 9223372036854775808\n", "xl: guest.cfg:3: 'memory' must "
			  "be between 1 and 1048576, got \"9223372036854775808\"");
	ck_assert_refused(MINIMAL "vcpus = 0xffffffffffffffffffff\n", "xl: guest.cfg:3: 'vcpus' must "
			  "be between 1 and 8, got \"0xffffffffffffffffffff\"");
	ck_assert_refused(MINIMAL "vcpus = '-9223372036854775809'\n", "xl: guest.cfg:3: 'vcpus' must "
			  "be between 1 and 8, got \"-9223372036854775809\"");
	ck_assert_refused(MINIMAL "vcpus = 4294967297\n", "xl: guest.cfg:3: 'vcpus' must "
			  "be between 1 and 8, got \"4294967297\"");
	memset(text + strlen(text), '9', 1000);
	ck_assert_refused(text, "xl: guest.cfg:3: 'memory' must be between 1 and 1048576, got "
			  "\"999999999999999999999999999999999999999999999999...\"");
}
END_TEST

START_TEST(input_past_the_size_bound_is_refused)
{
	char *text = calloc(1, XL_CONFIG_MAX_SIZE + 1);

	ck_assert_ptr_nonnull(text);
	ck_assert_int_eq(parse_len(text, XL_CONFIG_MAX_SIZE + 1), -EFBIG);
	ck_assert_str_eq(err, "xl: guest.cfg: file too large (over 16777216 bytes)");
	free(text);
}
END_TEST

START_TEST(small_error_buffers_are_cut_and_terminated)
{
	char small[16];

	memset(small, 'z', sizeof(small));
	ck_assert_int_eq(xl_config_parse("x", 1, "guest.cfg", &cfg, small, sizeof(small)), -EINVAL);
	ck_assert_str_eq(small, "xl: guest.cfg:1");
	ck_assert_int_eq(xl_config_parse("x", 1, "guest.cfg", &cfg, NULL, 0), -EINVAL);
	ck_assert_int_eq(xl_config_parse(MINIMAL, strlen(MINIMAL), "guest.cfg", &cfg, NULL, 0), 0);
}
END_TEST

/* A small generator, so that each run tries the same inputs. */
static uint32_t next_random(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

START_TEST(random_bytes_get_sane_answers)
{
	static const char alphabet[] = "name=kernel'\"[],;#\n\t +x0123\\abmemoryvcpus\r\x01\xff";
	uint32_t seed = 1;
	char text[256];
	unsigned i, j, len;

	for (i = 0; i < 5000; i++) {
		len = next_random(&seed) % sizeof(text);
		for (j = 0; j < len; j++)
			text[j] = alphabet[next_random(&seed) % (sizeof(alphabet) - 1)];
		ck_sane_answer(parse_len(text, len));
	}
}
END_TEST

START_TEST(mutated_configs_get_sane_answers)
{
	static const char good[] = MINIMAL "memory = 64\nmaxmem = 128\nvcpus = 2\n"
		"extra = \"console=hvc0\"\non_crash = 'preserve'\n"
		"disk = [ 'phy:/dev/x,xvda,w', 'format=raw, vdev=xvdb, target=/i' ]\n"
		"vif = [ 'mac=00:16:3e:00:00:01,bridge=xenbr0' ]\n";
	static const char bytes[] = "'\"[],;=#\n\\+x0: ";
	uint32_t seed = 7;
	char text[sizeof(good) + 8];
	unsigned i, len, at;

	for (i = 0; i < 5000; i++) {
		memcpy(text, good, sizeof(good));
		len = sizeof(good) - 1;
		at = next_random(&seed) % len;
		switch (next_random(&seed) % 3) {
		case 0:         /* replace a byte */
			text[at] = bytes[next_random(&seed) % (sizeof(bytes) - 1)];
			break;
		case 1:         /* delete one */
			memmove(text + at, text + at + 1, len-- - at);
			break;
		default:        /* insert one */
			memmove(text + at + 1, text + at, len++ - at);
			text[at] = bytes[next_random(&seed) % (sizeof(bytes) - 1)];
		}
		ck_sane_answer(parse_len(text, len));
	}
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xl_hostile");
	TCase *bytes = tcase_create("bytes");
	TCase *size = tcase_create("size");
	TCase *fuzz = tcase_create("fuzz");

	tcase_add_checked_fixture(bytes, NULL, free_config);
	tcase_add_test(bytes, nul_bytes_are_refused_everywhere);
	tcase_add_test(bytes, text_ends_at_len_not_at_a_nul);
	tcase_add_test(bytes, every_truncation_of_a_config);
	tcase_add_test(bytes, huge_numbers_are_out_of_range);
	tcase_add_test(bytes, small_error_buffers_are_cut_and_terminated);
	suite_add_tcase(s, bytes);

	/* valgrind makes the megabyte tests slow */
	tcase_set_timeout(size, 60);
	tcase_add_checked_fixture(size, NULL, free_config);
	tcase_add_test(size, a_megabyte_of_comments);
	tcase_add_test(size, a_megabyte_string);
	tcase_add_test(size, error_line_stays_short_and_printable);
	tcase_add_test(size, a_megabyte_key_is_cut_in_its_warning);
	tcase_add_test(size, a_hundred_thousand_keys);
	tcase_add_test(size, a_hundred_thousand_list_items);
	tcase_add_test(size, a_hundred_thousand_appends);
	tcase_add_test(size, deep_nesting_stops_at_the_bound);
	tcase_add_test(size, input_past_the_size_bound_is_refused);
	suite_add_tcase(s, size);

	tcase_set_timeout(fuzz, 60);
	tcase_add_checked_fixture(fuzz, NULL, free_config);
	tcase_add_test(fuzz, random_bytes_get_sane_answers);
	tcase_add_test(fuzz, mutated_configs_get_sane_answers);
	suite_add_tcase(s, fuzz);
	return s;
}
