/* Chained hashing on FNV-1a; the table doubles when it holds more links
 * than buckets, if memory allows (a full table is slower, not wrong). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "strmap.h"

#define INITIAL_BUCKETS 64

static size_t hash(const char *key)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 0x100000001b3ull;
	return (size_t)h;
}

static struct strmap_link **slot(const struct strmap *m, const char *key)
{
	struct strmap_link **p = &m->buckets[hash(key) & (m->nbuckets - 1)];

	while (*p && strcmp((*p)->key, key))
		p = &(*p)->next;
	return p;
}

int strmap_init(struct strmap *m)
{
	m->buckets = calloc(INITIAL_BUCKETS, sizeof(*m->buckets));
	m->nbuckets = INITIAL_BUCKETS;
	m->count = 0;
	return m->buckets ? 0 : ENOMEM;
}

void strmap_destroy(struct strmap *m)
{
	free(m->buckets);
	m->buckets = NULL;
}

static void grow(struct strmap *m)
{
	size_t n = m->nbuckets * 2, i;
	struct strmap_link **buckets = calloc(n, sizeof(*buckets));

	if (!buckets)
		return;
	for (i = 0; i < m->nbuckets; i++) {
		while (m->buckets[i]) {
			struct strmap_link *link = m->buckets[i];
			struct strmap_link **head = &buckets[hash(link->key) & (n - 1)];

			m->buckets[i] = link->next;
			link->next = *head;
			*head = link;
		}
	}
	free(m->buckets);
	m->buckets = buckets;
	m->nbuckets = n;
}

struct strmap_link *strmap_get(const struct strmap *m, const char *key)
{
	return *slot(m, key);
}

struct strmap_link *strmap_put(struct strmap *m, struct strmap_link *link)
{
	struct strmap_link **p, *old;

	if (m->count >= m->nbuckets)
		grow(m);
	p = slot(m, link->key);
	old = *p;
	link->next = old ? old->next : NULL;
	*p = link;
	if (!old)
		m->count++;
	return old;
}

struct strmap_link *strmap_remove(struct strmap *m, const char *key)
{
	struct strmap_link **p = slot(m, key), *old = *p;

	if (old) {
		*p = old->next;
		m->count--;
	}
	return old;
}

static struct strmap_link *take(const struct strmap *m, struct strmap_iter *it)
{
	struct strmap_link *link;

	while (!it->next && it->bucket < m->nbuckets)
		it->next = m->buckets[it->bucket++];
	link = it->next;
	if (link)
		it->next = link->next;
	return link;
}

struct strmap_link *strmap_first(const struct strmap *m, struct strmap_iter *it)
{
	it->bucket = 0;
	it->next = NULL;
	return take(m, it);
}

struct strmap_link *strmap_next(const struct strmap *m, struct strmap_iter *it)
{
	return take(m, it);
}
