/*
 * The syntax layer of xl.cfg, as Xen's libxlu_cfg has it: a file is a set
 * of settings KEY = VALUE, a value is an atom (a quoted string or a bare
 * number, both kept as text: which one a key wants is decided only when
 * the key is read) or a list of values. The meaning of keys is in config*.c.
 */
#ifndef XL_CFG_H
#define XL_CFG_H

#include "report.h"
#include <stdbool.h>
#include <stddef.h>

/* Nested lists are valid xl.cfg, though xl's deepest key ("vnuma") has
 * two levels; the bound keeps the recursive parser's stack small. */
#define CFG_MAX_DEPTH           16

enum cfg_type { CFG_ATOM, CFG_LIST };

struct cfg_value {
	enum cfg_type type;
	unsigned line;
	union {
		struct {
			char *text;     /* never holds a NUL: the lexer refuses them */
			size_t len, cap;
		} atom;
		struct {
			struct cfg_value **items;
			size_t count, cap;
		} list;
	};
};

struct cfg_setting {
	char *name;
	struct cfg_value *value;
	unsigned line;          /* of the assignment that is in force */
	bool appended;          /* that assignment was '+=' */
	bool used;              /* a key reader looked at it */
	struct cfg_setting *next_in_bucket;
};

#define CFG_BUCKETS             1024

struct cfg_file {
	struct cfg_setting **settings;  /* in order of first assignment */
	size_t count, cap;
	struct cfg_setting *buckets[CFG_BUCKETS];
};

/* 0, or -1 with the error in r. On failure f holds nothing to free. */
int cfg_parse(const char *text, size_t len, struct report *r, struct cfg_file *f);
void cfg_file_free(struct cfg_file *f);

/* The setting in force for name, marked used; NULL if there is none. */
struct cfg_setting *cfg_find(struct cfg_file *f, const char *name);

/* Records name = value (or name += value), taking both; as in xl, a later
 * assignment replaces an earlier one, and '+=' appends to it. */
int cfg_store(struct cfg_file *f, struct report *r, char *name,
	      struct cfg_value *value, bool append, unsigned line);

struct cfg_value *cfg_atom_new(char *text, size_t len, unsigned line);
struct cfg_value *cfg_list_new(unsigned line);
int cfg_list_add(struct cfg_value *list, struct cfg_value *item);
void cfg_value_free(struct cfg_value *v);

#endif
