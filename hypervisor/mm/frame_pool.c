/* The free-frame pool: a LIFO list threaded through the frame table. */
#include "mm.h"

void frame_pool_init(struct frame_pool *p, struct page_info *table, unsigned long nr)
{
	p->table = table;
	p->nr_frames = nr;
	p->nr_free = 0;
	p->free_head = NO_FRAME;
	for (unsigned long i = 0; i < nr; i++) {
		table[i] = (struct page_info){ .next_free = NO_FRAME, .owner = DOMID_XEN };
	}
}

void frame_pool_free(struct frame_pool *p, unsigned long mfn)
{
	struct page_info *pg = &p->table[mfn];

	BUG_ON(mfn >= p->nr_frames || pg->owner == DOMID_INVALID);
	BUG_ON(pg->type_count || pg->ref_count);
	*pg = (struct page_info){ .next_free = p->free_head, .owner = DOMID_INVALID };
	p->free_head = (uint32_t)mfn;
	p->nr_free++;
}

long frame_pool_alloc(struct frame_pool *p, domid_t owner)
{
	uint32_t mfn = p->free_head;

	if (mfn == NO_FRAME)
		return -1;
	struct page_info *pg = &p->table[mfn];
	p->free_head = pg->next_free;
	p->nr_free--;
	*pg = (struct page_info){ .next_free = NO_FRAME, .owner = owner };
	return mfn;
}
