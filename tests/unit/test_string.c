/* common/string.c: strtoul(), which parses the command line (dom0_mem=,
 * loglvl=), and the mem and str functions behind every hypervisor copy.
 *
 * Linked into this binary, string.c would also replace libc's functions
 * for libcheck, and a bug in it would kill the reporter instead of failing
 * a test. So unit.mk builds it alone into hv_string.so, which this file
 * loads privately (RTLD_LOCAL) and calls through hv_NAME pointers. */
#include "lib.h"
#include "support.h"
#include <dlfcn.h>
#include <limits.h>

#define HV(fn) static __typeof__(fn) *hv_##fn
HV(memcpy); HV(memmove); HV(memset); HV(memcmp); HV(strlen); HV(strnlen);
HV(strcmp); HV(strncmp); HV(strstr); HV(strtoul);

static void *lib;

static void *hv_symbol(const char *name)
{
	void *p = dlsym(lib, name);

	ck_assert_msg(p, "hv_string.so: %s", dlerror());
	return p;
}

#define HV_LOAD(fn) (hv_##fn = hv_symbol(#fn))

static void load_string_c(void)
{
	lib = dlopen("$ORIGIN/hv_string.so", RTLD_NOW | RTLD_LOCAL);
	ck_assert_msg(lib, "%s", dlerror());
	HV_LOAD(memcpy); HV_LOAD(memmove); HV_LOAD(memset); HV_LOAD(memcmp);
	HV_LOAD(strlen); HV_LOAD(strnlen); HV_LOAD(strcmp); HV_LOAD(strncmp);
	HV_LOAD(strstr); HV_LOAD(strtoul);
}


/* Parses s whole and checks the value and how much was consumed. */
#define ck_strtoul(s, base, want, rest) do { \
	const char *_end = NULL; \
	ck_assert_uint_eq(hv_strtoul((s), &_end, (base)), (want)); \
	ck_assert_str_eq(_end, (rest)); \
} while (0)

START_TEST(decimal)
{
	ck_strtoul("0", 10, 0, "");
	ck_strtoul("12345", 10, 12345, "");
	ck_strtoul("18446744073709551615", 10, ULONG_MAX, "");
	ck_strtoul("42abc", 10, 42, "abc");
}
END_TEST

START_TEST(no_digits_consumes_nothing)
{
	const char *s = "abc", *end = NULL;

	ck_assert_uint_eq(hv_strtoul(s, &end, 10), 0);
	ck_assert_ptr_eq(end, s);
	s = "";
	ck_assert_uint_eq(hv_strtoul(s, &end, 16), 0);
	ck_assert_ptr_eq(end, s);
}
END_TEST

START_TEST(hex_in_either_case)
{
	ck_strtoul("ff", 16, 255, "");
	ck_strtoul("FF", 16, 255, "");
	ck_strtoul("DeadBeef", 16, 0xdeadbeef, "");
	ck_strtoul("ffffffffffffffff", 16, ULONG_MAX, "");
	ck_strtoul("fg", 16, 15, "g");
	ck_strtoul("1f:2", 16, 0x1f, ":2");
}
END_TEST

START_TEST(octal_stops_at_eight)
{
	ck_strtoul("777", 8, 0777, "");
	ck_strtoul("789", 8, 7, "89");
}
END_TEST

START_TEST(base_36_uses_every_letter)
{
	ck_strtoul("zz", 36, 35 * 36 + 35, "");
	ck_strtoul("Z!", 36, 35, "!");
}
END_TEST

/* Base 0 is what the command line uses: C's prefixes. */
START_TEST(base_0_takes_c_prefixes)
{
	ck_strtoul("123", 0, 123, "");
	ck_strtoul("0x1F", 0, 0x1f, "");
	ck_strtoul("0X10", 0, 16, "");
	ck_strtoul("0xffff82d040000000", 0, 0xffff82d040000000UL, "");
	ck_strtoul("010", 0, 8, "");
	ck_strtoul("0", 0, 0, "");
}
END_TEST

/* "0x" not followed by a hex digit is the number 0 and then an 'x'. */
START_TEST(base_0_bare_prefix_is_zero)
{
	ck_strtoul("0x", 0, 0, "x");
	ck_strtoul("0xg", 0, 0, "xg");
	ck_strtoul("08", 0, 0, "8");
}
END_TEST

/* dom0_mem=512M: the suffix is left for the caller. */
START_TEST(suffix_is_left_over)
{
	ck_strtoul("512M", 0, 512, "M");
	ck_strtoul("0x10G", 0, 16, "G");
	ck_strtoul("4k", 0, 4, "k");
}
END_TEST

START_TEST(end_may_be_null)
{
	ck_assert_uint_eq(hv_strtoul("77", NULL, 0), 77);
}
END_TEST

/* C's contract, which callers (and compilers) rely on to chain calls. */
START_TEST(memcpy_returns_its_destination)
{
	char dst[4];

	ck_assert_ptr_eq(hv_memcpy(dst, "xyz", 3), dst);
}
END_TEST

START_TEST(memmove_returns_its_destination)
{
	char buf[] = "abcdefgh";

	ck_assert_ptr_eq(hv_memmove(buf, buf + 2, 5), buf);
	ck_assert_ptr_eq(hv_memmove(buf + 2, buf, 5), buf + 2);
}
END_TEST

START_TEST(memmove_overlapping_both_ways)
{
	char up[] = "abcdefgh", down[] = "abcdefgh";

	hv_memmove(up + 2, up, 5);
	ck_assert_str_eq(up, "ababcdeh");
	hv_memmove(down, down + 2, 5);
	ck_assert_str_eq(down, "cdefgfgh");
}
END_TEST

START_TEST(memcpy_and_memset_stay_in_bounds)
{
	char dst[8] = "-------";

	hv_memcpy(dst + 1, "xyz", 3);
	ck_assert_str_eq(dst, "-xyz---");
	ck_assert_ptr_eq(hv_memset(dst + 2, 0x141, 4), dst + 2);
	ck_assert_str_eq(dst, "-xAAAA-");
	hv_memcpy(dst, "zz", 0);
	ck_assert_int_eq(dst[0], '-');
}
END_TEST

/* Bytes compare as unsigned char, as C says. */
START_TEST(comparisons_are_unsigned)
{
	ck_assert_int_lt(hv_memcmp("a\x01", "a\xff", 2), 0);
	ck_assert_int_gt(hv_strcmp("\xff", "a"), 0);
	ck_assert_int_lt(hv_strncmp("a\x7f", "a\x80", 2), 0);
	ck_assert_int_eq(hv_memcmp("abc", "abd", 2), 0);
	ck_assert_int_eq(hv_memcmp("x", "y", 0), 0);
}
END_TEST

START_TEST(strncmp_stops_at_nul_and_n)
{
	ck_assert_int_eq(hv_strncmp("xen-3.0-x86_64", "xen-3.0", 7), 0);
	ck_assert_int_gt(hv_strncmp("xen-3.0-x86_64", "xen-3.0", 8), 0);
	ck_assert_int_eq(hv_strncmp("ab\0x", "ab\0y", 4), 0);
	ck_assert_int_lt(hv_strcmp("generic", "generic2"), 0);
	ck_assert_int_eq(hv_strcmp("", ""), 0);
}
END_TEST

START_TEST(string_lengths)
{
	ck_assert_uint_eq(hv_strlen(""), 0);
	ck_assert_uint_eq(hv_strlen("linux"), 5);
	ck_assert_uint_eq(hv_strnlen("linux", 3), 3);
	ck_assert_uint_eq(hv_strnlen("linux", 32), 5);
	ck_assert_uint_eq(hv_strnlen("abc", 0), 0);
}
END_TEST

START_TEST(strstr_finds_first_match)
{
	const char *hay = "console=com1 loglvl=all";

	ck_assert_ptr_eq(hv_strstr(hay, "loglvl"), hay + 13);
	ck_assert_ptr_eq(hv_strstr(hay, "l"), hay + 5);
	ck_assert_ptr_eq(hv_strstr(hay, "all"), hay + 20);
	ck_assert_ptr_null(hv_strstr(hay, "alll"));
	ck_assert_ptr_eq(hv_strstr(hay, ""), hay);
	ck_assert_ptr_null(hv_strstr("", "a"));
	hay = "";
	ck_assert_ptr_eq(hv_strstr(hay, ""), hay);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("string");
	TCase *num = tcase_create("strtoul");
	TCase *mem = tcase_create("mem_str");

	tcase_add_unchecked_fixture(num, load_string_c, NULL);
	tcase_add_test(num, decimal);
	tcase_add_test(num, no_digits_consumes_nothing);
	tcase_add_test(num, hex_in_either_case);
	tcase_add_test(num, octal_stops_at_eight);
	tcase_add_test(num, base_36_uses_every_letter);
	tcase_add_test(num, base_0_takes_c_prefixes);
	tcase_add_test(num, base_0_bare_prefix_is_zero);
	tcase_add_test(num, suffix_is_left_over);
	tcase_add_test(num, end_may_be_null);
	suite_add_tcase(s, num);

	tcase_add_unchecked_fixture(mem, load_string_c, NULL);
	tcase_add_test(mem, memcpy_returns_its_destination);
	tcase_add_test(mem, memmove_returns_its_destination);
	tcase_add_test(mem, memmove_overlapping_both_ways);
	tcase_add_test(mem, memcpy_and_memset_stay_in_bounds);
	tcase_add_test(mem, comparisons_are_unsigned);
	tcase_add_test(mem, strncmp_stops_at_nul_and_n);
	tcase_add_test(mem, string_lengths);
	tcase_add_test(mem, strstr_finds_first_match);
	suite_add_tcase(s, mem);
	return s;
}
