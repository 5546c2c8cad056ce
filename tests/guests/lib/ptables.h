/*
 * The PV MMU as a test drives it: one-entry mmu_update and mmuext_op, pages
 * of the guest's image remapped to other frames, and the builder's boot
 * page tables read through their read-only mappings.
 */
#ifndef GUEST_PTABLES_H
#define GUEST_PTABLES_H

#include "pagetable.h"
#include "xen.h"

/*
 * Reads and writes of memory the compiler cannot see aliases of: a VA that a
 * test maps to another frame, or a frame seen at two VAs.
 */
static inline uint64_t peek(unsigned long va)
{
	uint64_t v;

	asm volatile("mov (%1), %0" : "=r"(v) : "r"(va) : "memory");
	return v;
}

static inline void poke(unsigned long va, uint64_t v)
{
	asm volatile("mov %1, (%0)" : : "r"(va), "r"(v) : "memory");
}

long mmu_update1(uint64_t ptr, uint64_t val);
/* One mmuext_op; mmuext1 for the commands that take one frame. */
long mmuext(struct mmuext_op op);
long mmuext1(unsigned int cmd, xen_pfn_t mfn);
long copy_page(xen_pfn_t dst, xen_pfn_t src);

/* update_va_mapping of va to mfn with flags, invalidating va's TLB entry. */
long map_frame(void *va, xen_pfn_t mfn, unsigned long flags);
/* Maps va back to its own frame, read-write. */
long map_own_frame(void *va);

/* The mmuext_op command that pins a level-n table. */
#define PIN_CMD(level) (MMUEXT_PIN_L1_TABLE + (level) - 1)

/* A free frame, zeroed and pinned as a level-n table; 0 if there is none. */
xen_pfn_t pinned_table(unsigned int level);

/* Zeroes a frame of the guest, or writes one word of it, through a scratch mapping. */
long frame_zero(xen_pfn_t mfn);
long frame_write(xen_pfn_t mfn, unsigned int index, uint64_t val);

/* Flushes va from this vCPU's TLB, after an mmu_update changed its entry. */
long invlpg(unsigned long va);

xen_pfn_t boot_l4_mfn(void);
/*
 * The level-n entry for va in the boot tables, through the builder's
 * read-only mapping of the table, or NULL if a level above is not present.
 * Only the boot tables lie in the initial mapping, where a table's VA
 * follows from its MFN.
 */
const uint64_t *boot_pte(unsigned long va, unsigned int level);

/* Machine address of the boot tables' level-n entry for va, or 0. */
uint64_t boot_pte_maddr(unsigned long va, unsigned int level);

#endif
