/* Helpers shared by the page-type tests (page_tables.h). */
#include "page_tables.h"

static struct page_info saved[FAKE_FRAMES];

void page_tables_setup(void)
{
	fake_frames_reset(DOM);
}

void page_tables_chain(void)
{
	set_entry(L4T, 1, L3T, RW);
	set_entry(L3T, 2, L2T, RW);
	set_entry(L2T, 3, L1T, RW);
	set_entry(L1T, 4, DATA, RW);
	set_entry(L1T, 5, DATA_RO, RO);
}

void counts_save(void)
{
	memcpy(saved, fake_info, sizeof(saved));
}

/* The TLB-stale flag may change: a refused validation releases what it
 * had validated, which marks those frames. */
int counts_changed(void)
{
	for (int i = 0; i < FAKE_FRAMES; i++) {
		const struct page_info *a = &saved[i], *b = &fake_info[i];
		if (a->type != b->type || a->type_count != b->type_count ||
		    a->ref_count != b->ref_count || a->owner != b->owner ||
		    (a->flags & PGF_pinned) != (b->flags & PGF_pinned))
			return i;
	}
	return -1;
}
