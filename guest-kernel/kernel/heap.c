/*
 * kmalloc: power-of-two size classes from 32 to 2048 bytes, carved from
 * whole pages and kept on per-class free lists; bigger requests take whole
 * pages. A 16-byte header in front of each block says which, so kfree
 * needs no size and blocks keep 16-byte alignment.
 */
#include "arch.h"
#include "heap.h"
#include "lib.h"
#include "page_alloc.h"
#include "printk.h"

#define MIN_SHIFT 5
#define MAX_SHIFT 11
#define NR_CLASSES (MAX_SHIFT - MIN_SHIFT + 1)
#define LARGE 0xffffffffU

struct header {
	uint32_t class;          /* or LARGE */
	uint32_t pages;          /* of a LARGE block */
	uint64_t pad;
};

struct free_block {
	struct free_block *next;
};

static struct free_block *free_lists[NR_CLASSES];

static unsigned class_of(size_t total)
{
	unsigned c = 0;

	while ((1UL << (MIN_SHIFT + c)) < total)
		c++;
	return c;
}

/* Splits a fresh page into blocks of the class. */
static bool refill(unsigned c)
{
	size_t size = 1UL << (MIN_SHIFT + c);
	char *page = pages_alloc(1);

	if (!page)
		return false;
	for (size_t off = 0; off + size <= PAGE_SIZE; off += size) {
		struct free_block *b = (struct free_block *)(page + off);

		b->next = free_lists[c];
		free_lists[c] = b;
	}
	return true;
}

static struct header *alloc_large(size_t total)
{
	unsigned long pages = ALIGN_UP(total, PAGE_SIZE) / PAGE_SIZE;
	struct header *h = pages_alloc(pages);

	if (h)
		*h = (struct header){ .class = LARGE, .pages = (uint32_t)pages };
	return h;
}

void *kmalloc(size_t size)
{
	size_t total = size + sizeof(struct header);
	struct header *h;
	unsigned c;

	if (size > (1UL << 30))
		return NULL;
	if (total > (1UL << MAX_SHIFT)) {
		h = alloc_large(total);
		return h ? h + 1 : NULL;
	}
	c = class_of(total);
	if (!free_lists[c] && !refill(c))
		return NULL;
	h = (struct header *)free_lists[c];
	free_lists[c] = free_lists[c]->next;
	*h = (struct header){ .class = c };
	return h + 1;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(void *p)
{
	struct header *h;
	struct free_block *b;

	if (!p)
		return;
	h = (struct header *)p - 1;
	b = (struct free_block *)h;
	if (h->class == LARGE) {
		pages_free(h, h->pages);
		return;
	}
	BUG_ON(h->class >= NR_CLASSES);
	b->next = free_lists[h->class];
	free_lists[h->class] = b;
}
