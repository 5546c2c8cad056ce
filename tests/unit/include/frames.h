/*
 * The host tests' double of hypervisor/include/frames.h, which it shadows
 * (unit.mk puts this folder first for the page-type tests): the engine in
 * mm/page_type.c runs unchanged over FAKE_FRAMES frames of ordinary memory
 * that each test owns and inspects.
 */
#ifndef XENITH_FRAMES_H
#define XENITH_FRAMES_H

#include "mm.h"
#include "page.h"

#define FAKE_FRAMES     64

/* Where paging_copy_hypervisor_slots() points slot i: frame FAKE_HV_MFN + i,
 * beyond the fake RAM, so an engine that took or dropped a reference
 * through a hypervisor slot fails the test in fake_frame_info(). */
#define FAKE_HV_MFN     0x100000UL

extern uint64_t fake_memory[FAKE_FRAMES][PT_ENTRIES];
extern struct page_info fake_info[FAKE_FRAMES];
extern unsigned fake_tlb_flushes;
extern domid_t fake_privileged_domain;

/* Every frame free of types and references, owned by `owner` and zeroed;
 * no flush counted; no domain privileged. */
void fake_frames_reset(domid_t owner);

/* Fails the running test if the engine reaches past the fake RAM. */
struct page_info *fake_frame_info(unsigned long mfn);
uint64_t *fake_frame_entries(unsigned long mfn);

/* Device memory follows the fake RAM for FAKE_IO_FRAMES frames; only the
 * privileged domain may map it. */
#define FAKE_IO_FRAMES  16
enum frame_kind { FRAME_RAM, FRAME_IO, FRAME_NONE };
static inline enum frame_kind frame_kind(unsigned long mfn)
{
	return mfn < FAKE_FRAMES ? FRAME_RAM : mfn < FAKE_FRAMES + FAKE_IO_FRAMES ? FRAME_IO : FRAME_NONE;
}
static inline bool io_frame_permitted(domid_t owner, unsigned long mfn)
{
	(void)mfn;
	return owner == fake_privileged_domain;
}
static inline struct page_info *frame_info(unsigned long mfn) { return fake_frame_info(mfn); }
static inline uint64_t *frame_entries(unsigned long mfn) { return fake_frame_entries(mfn); }
static inline void frames_flush_tlb(void) { fake_tlb_flushes++; }

static inline uint64_t fake_hv_entry(unsigned slot)
{
	return pte_make(FAKE_HV_MFN + slot, _PAGE_PRESENT | _PAGE_RW);
}

bool domain_is_privileged(domid_t id);

/* Records the frames the engine frees as orphans, in order. */
extern unsigned long fake_orphans_freed[FAKE_FRAMES];
extern unsigned fake_nr_orphans_freed;
void frames_free_orphan(unsigned long mfn);
void paging_copy_hypervisor_slots(uint64_t *l4);

#endif
