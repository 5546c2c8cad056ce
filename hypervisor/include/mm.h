/* Machine frames: the per-frame table, the free pool and the direct map. */
#ifndef XENITH_MM_H
#define XENITH_MM_H

#include "config.h"
#include "lib.h"
#include <xen/xen.h>

/* What a frame is used as. A frame has one type while its type count is
 * non-zero (the PV MMU's rules: never a page table and writable at once). */
enum page_type {
	PGT_none,
	PGT_writable,
	PGT_l1, PGT_l2, PGT_l3, PGT_l4,
	PGT_seg_desc,
};

#define PGF_pinned       (1u << 0)
#define PGF_xen_shared   (1u << 1)   /* hypervisor data the owner may map */
#define PGF_tlb_stale    (1u << 2)   /* lost its type; flush before the next */
#define PGF_orphan       (1u << 3)   /* its domain is gone; freed with its last reference */

struct page_info {
	uint32_t next_free;      /* free-list link, while free */
	domid_t owner;           /* DOMID_XEN, a domain, or DOMID_INVALID if free */
	uint8_t type;            /* enum page_type */
	uint8_t flags;           /* PGF_* */
	uint32_t type_count;
	uint32_t ref_count;
};

/* A pool of frames. Pure logic over a table the caller provides, so the
 * host unit tests can run it. */
struct frame_pool {
	struct page_info *table;
	unsigned long nr_frames;
	unsigned long nr_free;
	uint32_t free_head;
};

#define NO_FRAME 0xffffffffu

void frame_pool_init(struct frame_pool *p, struct page_info *table, unsigned long nr);
void frame_pool_free(struct frame_pool *p, unsigned long mfn);
long frame_pool_alloc(struct frame_pool *p, domid_t owner);

/* The machine's pool and frame table (mm/frame.c). */
extern struct frame_pool machine_frames;
extern unsigned long max_mfn;
static inline struct page_info *mfn_to_page(unsigned long mfn) { return &machine_frames.table[mfn]; }
static inline bool mfn_valid(unsigned long mfn) { return mfn < max_mfn; }
long alloc_frame(domid_t owner);         /* zeroed; -1 when none is left */
void free_frame(unsigned long mfn);

static inline void *maddr_to_virt(unsigned long maddr) { return (void *)(DIRECTMAP_VIRT_START + maddr); }
static inline void *mfn_to_virt(unsigned long mfn) { return maddr_to_virt(mfn << PAGE_SHIFT); }
static inline unsigned long virt_to_maddr(const void *va)
{
	unsigned long v = (unsigned long)va;
	if (v >= XEN_VIRT_START && v < XEN_VIRT_START + (1UL << 30))
		return v - XEN_VIRT_START;
	return v - DIRECTMAP_VIRT_START;
}

/* The read-only machine-to-phys table every PV guest may read. */
#define INVALID_M2P_ENTRY (~0UL)
void m2p_set(unsigned long mfn, unsigned long pfn);

/* The M2P's machine frames, in the 2 MiB extents that
 * XENMEM_machphys_mfn_list reports: extent i starts at m2p_extent_mfn(i). */
unsigned long m2p_nr_extents(void);
unsigned long m2p_extent_mfn(unsigned long i);

/* The machine's memory map as the loader gave it, every type, in the BIOS
 * E820 layout XENMEM_machine_memory_map hands out (Xen's public headers
 * name that layout but do not declare it). */
struct e820_entry {
	uint64_t addr, size;
	uint32_t type;
} __attribute__((packed));
unsigned int mm_machine_map(const struct e820_entry **map);

/* Boot-time set-up, in order: memory map, direct map, frame table. */
struct multiboot_info;
void mm_reserve(unsigned long start, unsigned long end);
void mm_init(const struct multiboot_info *mbi);
void mm_release(unsigned long start, unsigned long end);

#endif
