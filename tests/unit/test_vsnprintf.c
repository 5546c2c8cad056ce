/* common/vsnprintf.c: the hypervisor's only formatter, which every log line
 * and start_info string goes through. Expected strings are C's printf's. */
#include "lib.h"
#include "support.h"
#include <limits.h>

static char buf[64];

static void setup(void)
{
	memset(buf, 'x', sizeof(buf));
}

#define ck_format(want, ...) do { \
	ck_assert_int_eq(snprintf(buf, sizeof(buf), __VA_ARGS__), strlen(want)); \
	ck_assert_str_eq(buf, want); \
} while (0)

START_TEST(text_and_percent)
{
	ck_format("plain text", "plain text");
	ck_format("100%", "100%%");
	ck_format("a%b", "a%cb", '%');
}
END_TEST

START_TEST(signed_decimal)
{
	ck_format("0 42 -42", "%d %i %d", 0, 42, -42);
	ck_format("2147483647 -2147483648", "%d %d", INT_MAX, INT_MIN);
	ck_format("-9223372036854775808", "%ld", LONG_MIN);
	ck_format("-9223372036854775808", "%lld", LLONG_MIN);
	ck_format("9223372036854775807", "%lld", LLONG_MAX);
	ck_format("-1", "%zd", (ssize_t)-1);
}
END_TEST

/* Without the l, a 64-bit value's upper half must not leak in. */
START_TEST(unsigned_widths_follow_the_modifier)
{
	ck_format("4294967295", "%u", UINT_MAX);
	ck_format("18446744073709551615", "%lu", ULONG_MAX);
	ck_format("18446744073709551615", "%llu", ULLONG_MAX);
	ck_format("18446744073709551615", "%zu", SIZE_MAX);
	ck_format("ffffffff", "%x", (unsigned)-1);
}
END_TEST

START_TEST(hex_and_octal)
{
	ck_format("0 ff FF", "%x %x %X", 0u, 255u, 255u);
	ck_format("ffff82d040000000", "%lx", 0xffff82d040000000UL);
	ck_format("DEADBEEFCAFE", "%llX", 0xdeadbeefcafeULL);
	ck_format("1000", "%zx", (size_t)4096);
	ck_format("0 777 1777777777777777777777", "%o %o %lo", 0u, 0777u, ULONG_MAX);
}
END_TEST

/* %p always prints 16 digits, so addresses line up in the log. */
START_TEST(pointers)
{
	ck_format("0x0000000000000000", "%p", (void *)0);
	ck_format("0xffff830000001000", "%p", (void *)0xffff830000001000UL);
	ck_format("[0x00000000deadbeef]", "[%p]", (void *)0xdeadbeefUL);
}
END_TEST

START_TEST(strings_and_chars)
{
	ck_format("xen-3.0-x86_64", "%s", "xen-3.0-x86_64");
	ck_format("<>", "<%s>", "");
	ck_format("A", "%c", 'A');
}
END_TEST

START_TEST(width_pads_on_the_left)
{
	ck_format("   42", "%5d", 42);
	ck_format("  -42", "%5d", -42);
	ck_format("  abc", "%5s", "abc");
	ck_format("   ff", "%5lx", 255UL);
}
END_TEST

START_TEST(minus_pads_on_the_right)
{
	ck_format("42   |", "%-5d|", 42);
	ck_format("-42  |", "%-5d|", -42);
	ck_format("abc  |", "%-5s|", "abc");
	ck_format("7    |", "%-5u|", 7u);
}
END_TEST

/* The sign goes before the zeros. */
START_TEST(zero_padding)
{
	ck_format("00042", "%05d", 42);
	ck_format("-0042", "%05d", -42);
	ck_format("000000ff", "%08x", 255u);
	ck_format("0000000000001000", "%016lx", 4096UL);
}
END_TEST

START_TEST(width_never_truncates)
{
	ck_format("123456", "%3d", 123456);
	ck_format("-123", "%2d", -123);
	ck_format("abcdef", "%2s", "abcdef");
}
END_TEST

/* Formats the compiler's checks would refuse: they must still give C's
 * answer, or at least neither crash nor eat an argument. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wformat-zero-length"
#pragma GCC diagnostic ignored "-Wformat-overflow"
START_TEST(empty_format)
{
	ck_format("", "");
}
END_TEST

/* A NULL string is a bug in the caller, but the log line must survive. */
START_TEST(null_string)
{
	ck_format("(null)", "%s", (const char *)NULL);
	ck_format("     (null)", "%11s", (const char *)NULL);
}
END_TEST

/* '-' wins over '0', as in C. */
START_TEST(minus_beats_zero)
{
	ck_format("42   |", "%-05d|", 42);
	ck_format("-42  |", "%0-5d|", -42);
}
END_TEST

START_TEST(unknown_conversion_is_printed_as_is)
{
	ck_format("%q 5", "%q %d", 5);
	ck_format("%y", "%5y");
}
END_TEST

START_TEST(trailing_percent_is_dropped)
{
	ck_format("abc", "abc%");
	ck_format("abc", "abc%-0");
	ck_format("abc", "abc%5l");
}
END_TEST
#pragma GCC diagnostic pop

/* The return value is the full length, so callers can tell truncation;
 * the buffer always ends in a NUL and nothing past size is written. */
START_TEST(truncation_keeps_the_full_length)
{
	ck_assert_int_eq(snprintf(buf, 4, "hello"), 5);
	ck_assert_str_eq(buf, "hel");
	ck_assert_int_eq(buf[4], 'x');
}
END_TEST

START_TEST(truncation_inside_a_number)
{
	ck_assert_int_eq(snprintf(buf, 4, "%d", -123456), 7);
	ck_assert_str_eq(buf, "-12");
	ck_assert_int_eq(snprintf(buf, 6, "%p", (void *)0x1UL), 18);
	ck_assert_str_eq(buf, "0x000");
}
END_TEST

START_TEST(truncation_inside_padding)
{
	ck_assert_int_eq(snprintf(buf, 3, "%10s", "a"), 10);
	ck_assert_str_eq(buf, "  ");
	ck_assert_int_eq(snprintf(buf, 3, "%-10s", "abc"), 10);
	ck_assert_str_eq(buf, "ab");
}
END_TEST

START_TEST(exact_fit)
{
	ck_assert_int_eq(snprintf(buf, 6, "hello"), 5);
	ck_assert_str_eq(buf, "hello");
	ck_assert_int_eq(snprintf(buf, 5, "hello"), 5);
	ck_assert_str_eq(buf, "hell");
}
END_TEST

START_TEST(size_one_gives_the_empty_string)
{
	ck_assert_int_eq(snprintf(buf, 1, "%s", "hello"), 5);
	ck_assert_int_eq(buf[0], '\0');
	ck_assert_int_eq(buf[1], 'x');
}
END_TEST

/* Size 0 is how a caller measures: nothing at all is written. */
START_TEST(size_zero_writes_nothing)
{
	ck_assert_int_eq(snprintf(buf, 0, "%d-%s", 1234, "abc"), 8);
	ck_assert_int_eq(buf[0], 'x');
	ck_assert_int_eq(snprintf(NULL, 0, "%lx", ULONG_MAX), 16);
}
END_TEST

static int format_v(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return n;
}

/* log_msg() and panic() pass their va_list through. */
START_TEST(va_list_is_consumed_in_order)
{
	ck_assert_int_eq(format_v("%s=%d,%lx,%c", "a", -1, 0xabcUL, 'z'), 10);
	ck_assert_str_eq(buf, "a=-1,abc,z");
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("vsnprintf");
	TCase *conv = tcase_create("conversions");
	TCase *fit = tcase_create("truncation");

	tcase_add_checked_fixture(conv, setup, NULL);
	tcase_add_test(conv, text_and_percent);
	tcase_add_test(conv, signed_decimal);
	tcase_add_test(conv, unsigned_widths_follow_the_modifier);
	tcase_add_test(conv, hex_and_octal);
	tcase_add_test(conv, pointers);
	tcase_add_test(conv, strings_and_chars);
	tcase_add_test(conv, width_pads_on_the_left);
	tcase_add_test(conv, minus_pads_on_the_right);
	tcase_add_test(conv, zero_padding);
	tcase_add_test(conv, width_never_truncates);
	tcase_add_test(conv, empty_format);
	tcase_add_test(conv, null_string);
	tcase_add_test(conv, minus_beats_zero);
	tcase_add_test(conv, unknown_conversion_is_printed_as_is);
	tcase_add_test(conv, trailing_percent_is_dropped);
	tcase_add_test(conv, va_list_is_consumed_in_order);
	suite_add_tcase(s, conv);

	tcase_add_checked_fixture(fit, setup, NULL);
	tcase_add_test(fit, truncation_keeps_the_full_length);
	tcase_add_test(fit, truncation_inside_a_number);
	tcase_add_test(fit, truncation_inside_padding);
	tcase_add_test(fit, exact_fit);
	tcase_add_test(fit, size_one_gives_the_empty_string);
	tcase_add_test(fit, size_zero_writes_nothing);
	suite_add_tcase(s, fit);
	return s;
}
