/*
 * The hypervisor's own mappings in its L4 slots: the direct map of machine
 * memory (slot 262) and the read-only machine-to-phys table (slot 256).
 * Every guest L4 gets these slots copied in, so they must never change
 * shape after boot: the L3 tables are fixed, and only their contents grow.
 */
#include "arch.h"
#include "mm.h"
#include "page.h"
#include "x86.h"

#define DM_L2_TABLES (DIRECTMAP_SIZE >> L3_SHIFT)
#define PDE_LARGE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_PSE)

extern uint64_t idle_l4[PT_ENTRIES];

static uint64_t dm_l3[PT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t dm_l2[DM_L2_TABLES][PT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t m2p_l3[PT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t m2p_l2[PT_ENTRIES] __attribute__((aligned(4096)));

static uint64_t table_entry(const void *table, uint64_t flags)
{
	return virt_to_maddr(table) | flags;
}

/* 2 MiB pages over [0, end); device memory above RAM is mapped uncached. */
void paging_map_direct(unsigned long end, unsigned long ram_end)
{
	uint64_t nx = cpu_has_nx ? _PAGE_NX : 0;

	BUG_ON(end > DIRECTMAP_SIZE);
	for (unsigned long pa = 0; pa < end; pa += 1UL << L2_SHIFT) {
		uint64_t cache = pa >= ram_end ? (_PAGE_PCD | _PAGE_PWT) : 0;
		dm_l2[pa >> L3_SHIFT][pt_index(pa, L2_SHIFT)] = pa | PDE_LARGE | cache | nx;
	}
	for (unsigned i = 0; i < DM_L2_TABLES; i++)
		dm_l3[i] = table_entry(dm_l2[i], _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED);
	idle_l4[pt_index(DIRECTMAP_VIRT_START, L4_SHIFT)] =
		table_entry(dm_l3, _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED);
	write_cr3(read_cr3());
}

/* The M2P lives in 2 MiB-aligned machine memory at [maddr, maddr + size):
 * guests (ring 3) may read it and never write it. */
void paging_map_m2p(unsigned long maddr, unsigned long size)
{
	const uint64_t ro_user = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;
	uint64_t nx = cpu_has_nx ? _PAGE_NX : 0;

	BUG_ON(size > (PT_ENTRIES << L2_SHIFT));
	for (unsigned long off = 0; off < size; off += 1UL << L2_SHIFT)
		m2p_l2[off >> L2_SHIFT] = (maddr + off) | ro_user | _PAGE_PSE | _PAGE_DIRTY | nx;
	m2p_l3[0] = table_entry(m2p_l2, ro_user);
	idle_l4[pt_index(MACH2PHYS_VIRT_START, L4_SHIFT)] = table_entry(m2p_l3, ro_user);
	write_cr3(read_cr3());
}

/* The identity map of the first GiB only served the jump to long mode. */
void paging_drop_identity(void)
{
	idle_l4[0] = 0;
	write_cr3(read_cr3());
}

void paging_copy_hypervisor_slots(uint64_t *l4)
{
	for (unsigned i = HV_FIRST_L4_SLOT; i <= HV_LAST_L4_SLOT; i++)
		l4[i] = idle_l4[i];
}

unsigned long idle_l4_maddr(void)
{
	return virt_to_maddr(idle_l4);
}
