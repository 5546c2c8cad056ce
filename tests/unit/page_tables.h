/* Page tables in the fake frames, and assertions on their counts, for the
 * tests of mm/page_type.c. Each test starts from page_tables_setup(): all
 * frames owned by DOM, zeroed, untyped and unreferenced. */
#ifndef UNIT_PAGE_TABLES_H
#define UNIT_PAGE_TABLES_H

#include "errno.h"
#include "frames.h"
#include "page_type.h"
#include "support.h"

#define DOM     1
#define OTHER   2

#define RO      _PAGE_PRESENT
#define RW      (_PAGE_PRESENT | _PAGE_RW)

/* The chain page_tables_chain() builds, one frame per level. The entry
 * indices differ per level (L4T[1], L3T[2], L2T[3], L1T[4] and [5]) so that
 * a level reading the wrong slot shows. */
enum { L1T = 1, L2T, L3T, L4T, DATA = 8, DATA_RO };

void page_tables_setup(void);

/* L4T -> L3T -> L2T -> L1T, which maps DATA writable and DATA_RO
 * read-only: pinning any table of it validates the levels below. */
void page_tables_chain(void);

static inline void set_entry(unsigned long table, unsigned idx, unsigned long mfn, uint64_t flags)
{
	fake_memory[table][idx] = pte_make(mfn, flags);
}

static inline uint64_t entry(unsigned long table, unsigned idx)
{
	return fake_memory[table][idx];
}

/* Type, type count and general reference count of frame mfn. */
#define ck_assert_frame(mfn, t, tc, rc) ck_assert_msg( \
	fake_info[mfn].type == (t) && fake_info[mfn].type_count == (tc) && \
	fake_info[mfn].ref_count == (rc), \
	"frame %lu: type %u, type_count %u, ref_count %u; expected %u, %u, %u", \
	(unsigned long)(mfn), fake_info[mfn].type, fake_info[mfn].type_count, \
	fake_info[mfn].ref_count, (unsigned)(t), (unsigned)(tc), (unsigned)(rc))

/* What a frame looks like once its last type reference has gone. */
#define ck_assert_released(mfn) do { \
	ck_assert_frame(mfn, PGT_none, 0, 0); \
	ck_assert_uint_eq(fake_info[mfn].flags, PGF_tlb_stale); \
} while (0)

/* A refused operation must leave every frame's type, counts and pin as
 * counts_save() saw them: counts_changed() is the first frame that
 * differs, or -1. */
void counts_save(void);
int counts_changed(void);
#define ck_assert_counts_unchanged() ck_assert_int_eq(counts_changed(), -1)

/* pin_table() fails with rc, and has changed no count. */
#define ck_assert_pin_fails(mfn, type, rc) do { \
	counts_save(); \
	ck_assert_int_eq(pin_table(mfn, type, DOM), rc); \
	ck_assert_counts_unchanged(); \
} while (0)
#define ck_assert_pin_refused(mfn, type) ck_assert_pin_fails(mfn, type, -EINVAL)

#endif
