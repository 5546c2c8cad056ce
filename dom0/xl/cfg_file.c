/*
 * The settings of one file and the values they hold. Settings are found
 * through a hash table, not by a walk as in libxlu, so that a hostile file
 * with a hundred thousand keys still parses in linear time; for the same
 * reason atoms and lists grow geometrically under repeated '+='.
 */
#include "cfg.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for need elements of size bytes in *array. */
static int grow(void *array, size_t *cap, size_t need, size_t size)
{
	void **p = array, *grown;
	size_t n = *cap ? *cap : 4;

	if (need <= *cap)
		return 0;
	while (n < need && n <= SIZE_MAX / 2 / size)
		n *= 2;
	if (n < need)
		return -1;
	grown = realloc(*p, n * size);
	if (!grown)
		return -1;
	*p = grown;
	*cap = n;
	return 0;
}

struct cfg_value *cfg_atom_new(char *text, size_t len, unsigned line)
{
	struct cfg_value *v = malloc(sizeof(*v));

	if (!v)
		return NULL;
	v->type = CFG_ATOM;
	v->line = line;
	v->atom.text = text;
	v->atom.len = len;
	v->atom.cap = len + 1;
	return v;
}

struct cfg_value *cfg_list_new(unsigned line)
{
	struct cfg_value *v = calloc(1, sizeof(*v));

	if (!v)
		return NULL;
	v->type = CFG_LIST;
	v->line = line;
	return v;
}

int cfg_list_add(struct cfg_value *list, struct cfg_value *item)
{
	if (grow(&list->list.items, &list->list.cap, list->list.count + 1, sizeof(item)))
		return -1;
	list->list.items[list->list.count++] = item;
	return 0;
}

void cfg_value_free(struct cfg_value *v)
{
	size_t i;

	if (!v)
		return;
	if (v->type == CFG_ATOM) {
		free(v->atom.text);
	} else {
		for (i = 0; i < v->list.count; i++)
			cfg_value_free(v->list.items[i]);
		free(v->list.items);
	}
	free(v);
}

/* to += add, both of one type; add is consumed on success only. */
static int append_value(struct cfg_value *to, struct cfg_value *add)
{
	if (to->type == CFG_ATOM) {
		if (grow(&to->atom.text, &to->atom.cap, to->atom.len + add->atom.len + 1, 1))
			return -1;
		memcpy(to->atom.text + to->atom.len, add->atom.text, add->atom.len + 1);
		to->atom.len += add->atom.len;
		cfg_value_free(add);
		return 0;
	}
	if (grow(&to->list.items, &to->list.cap, to->list.count + add->list.count,
		 sizeof(*add->list.items)))
		return -1;
	/* an empty list has no items array at all */
	if (add->list.count)
		memcpy(to->list.items + to->list.count, add->list.items,
		       add->list.count * sizeof(*add->list.items));
	to->list.count += add->list.count;
	free(add->list.items);
	free(add);
	return 0;
}

/* FNV-1a */
static unsigned bucket(const char *name)
{
	uint32_t h = 2166136261u;

	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return h % CFG_BUCKETS;
}

static struct cfg_setting *lookup(const struct cfg_file *f, const char *name)
{
	struct cfg_setting *s = f->buckets[bucket(name)];

	while (s && strcmp(s->name, name))
		s = s->next_in_bucket;
	return s;
}

struct cfg_setting *cfg_find(struct cfg_file *f, const char *name)
{
	struct cfg_setting *s = lookup(f, name);

	if (s)
		s->used = true;
	return s;
}

static int update(struct cfg_setting *s, struct report *r, struct cfg_value *value,
		  bool append, unsigned line)
{
	if (!append) {
		cfg_value_free(s->value);
		s->value = value;
	} else if (s->value->type != value->type) {
		report_error(r, line, "'%s' += cannot add a list to a string, or a string to a list",
			     s->name);
		return -1;
	} else if (append_value(s->value, value)) {
		report_nomem(r);
		return -1;
	}
	s->line = line;
	s->appended = append;
	return 0;
}

static int insert(struct cfg_file *f, struct report *r, char *name,
		  struct cfg_value *value, bool append, unsigned line)
{
	struct cfg_setting *s;
	unsigned b = bucket(name);

	if (grow(&f->settings, &f->cap, f->count + 1, sizeof(s)) ||
	    !(s = calloc(1, sizeof(*s)))) {
		report_nomem(r);
		return -1;
	}
	s->name = name;
	s->value = value;
	s->line = line;
	s->appended = append;
	s->next_in_bucket = f->buckets[b];
	f->buckets[b] = s;
	f->settings[f->count++] = s;
	return 0;
}

int cfg_store(struct cfg_file *f, struct report *r, char *name,
	      struct cfg_value *value, bool append, unsigned line)
{
	struct cfg_setting *s = lookup(f, name);

	if (!s) {
		if (!insert(f, r, name, value, append, line))
			return 0;
	} else if (!update(s, r, value, append, line)) {
		free(name);
		return 0;
	}
	free(name);
	cfg_value_free(value);
	return -1;
}

void cfg_file_free(struct cfg_file *f)
{
	size_t i;

	for (i = 0; i < f->count; i++) {
		free(f->settings[i]->name);
		cfg_value_free(f->settings[i]->value);
		free(f->settings[i]);
	}
	free(f->settings);
	memset(f, 0, sizeof(*f));
}
