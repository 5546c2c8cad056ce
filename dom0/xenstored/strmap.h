/* A hash table keyed by NUL-terminated strings, holding links embedded in
 * the objects it indexes (a node by its path, a transaction's record of a
 * node by the same path). It never allocates per entry, so putting into it
 * cannot fail: committing a transaction must not stop half-way. */
#ifndef XENSTORED_STRMAP_H
#define XENSTORED_STRMAP_H

#include <stddef.h>

struct strmap_link {
	const char *key;	/* owned by the object the link is in */
	struct strmap_link *next;
};

struct strmap {
	struct strmap_link **buckets;
	size_t nbuckets;	/* a power of two */
	size_t count;
};

/* Iteration may remove (and free) the link it just returned, nothing else. */
struct strmap_iter {
	size_t bucket;
	struct strmap_link *next;
};

int strmap_init(struct strmap *m);
void strmap_destroy(struct strmap *m);
struct strmap_link *strmap_get(const struct strmap *m, const char *key);
/* Returns the link link replaced, if one had the same key. */
struct strmap_link *strmap_put(struct strmap *m, struct strmap_link *link);
struct strmap_link *strmap_remove(struct strmap *m, const char *key);
struct strmap_link *strmap_first(const struct strmap *m, struct strmap_iter *it);
struct strmap_link *strmap_next(const struct strmap *m, struct strmap_iter *it);

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif
