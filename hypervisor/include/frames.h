/*
 * How the page-type engine (mm/page_type.c) reaches machine frames: their
 * page_info, their contents, and the TLB. The host unit tests shadow this
 * header with their own (tests/unit/include/frames.h) to run the engine
 * over memory they own.
 */
#ifndef XENITH_FRAMES_H
#define XENITH_FRAMES_H

#include "mm.h"
#include "x86.h"

/* RAM (in the machine's memory map), other memory the CPU can address
 * (devices, which only a privileged domain maps), or beyond the CPU. */
enum frame_kind { FRAME_RAM, FRAME_IO, FRAME_NONE };
enum frame_kind frame_kind_slow(unsigned long mfn);

/* A frame some domain owns is RAM: the common case skips the memory map. */
static inline enum frame_kind frame_kind(unsigned long mfn)
{
	if (mfn_valid(mfn) && mfn_to_page(mfn)->owner < DOMID_FIRST_RESERVED)
		return FRAME_RAM;
	return frame_kind_slow(mfn);
}
bool io_frame_permitted(domid_t owner, unsigned long mfn);

static inline struct page_info *frame_info(unsigned long mfn) { return mfn_to_page(mfn); }
static inline uint64_t *frame_entries(unsigned long mfn) { return mfn_to_virt(mfn); }

/* A writable mapping or a table may have gone: no stale TLB entry, on any
 * CPU, may let a write reach a frame that is about to take a new type. */
void flush_tlb_all_cpus(void);
static inline void frames_flush_tlb(void) { flush_tlb_all_cpus(); }

bool domain_is_privileged(domid_t id);

/* A frame of a destroyed domain lost its last reference (mm/pv_mmu.c). */
void frames_free_orphan(unsigned long mfn);

/* The entries every L4 gets in slots HV_FIRST_L4_SLOT..HV_LAST_L4_SLOT. */
void paging_copy_hypervisor_slots(uint64_t *l4);

#endif
