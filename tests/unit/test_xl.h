/* What the xl.cfg parser tests share: one config parsed as "guest.cfg",
 * freed after each test, and the assertions on its one error line. */
#ifndef UNIT_TEST_XL_H
#define UNIT_TEST_XL_H

#include "support.h"
#include "xl_config.h"
#include <errno.h>
#include <string.h>

/* The two keys every config needs, for tests about the others. */
#define MINIMAL "name = \"guest\"\nkernel = \"/boot/guest.elf\"\n"

static struct xl_domain_config cfg;
static char err[512];

static inline int parse_len(const char *text, size_t len)
{
	return xl_config_parse(text, len, "guest.cfg", &cfg, err, sizeof(err));
}

static inline int parse(const char *text)
{
	return parse_len(text, strlen(text));
}

static inline void free_config(void)
{
	xl_config_free(&cfg);
}

/* text parses, with no error line. */
#define ck_assert_parses(text) do { \
	ck_assert_int_eq(parse(text), 0); \
	ck_assert_str_eq(err, ""); \
} while (0)

/* text is refused with -EINVAL and exactly the error line message. */
#define ck_assert_refused(text, message) do { \
	ck_assert_int_eq(parse(text), -EINVAL); \
	ck_assert_str_eq(err, message); \
	ck_assert_ptr_null(cfg.name); \
} while (0)

#endif
