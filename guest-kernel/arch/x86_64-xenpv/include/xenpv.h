/* What the files of the Xen PV port share among themselves. */
#ifndef XENPV_H
#define XENPV_H

#include "arch.h"
#include "xen_public.h"

/* Kernel mappings (Xen adds the user bit: the kernel runs in ring 3). */
#define KERNEL_RW (PTE_PRESENT | PTE_RW | PTE_ACCESSED | PTE_DIRTY)
#define KERNEL_RO (PTE_PRESENT | PTE_ACCESSED)

/* start_info as the domain builder left it, copied before it is freed. */
extern start_info_t xen_start;
extern shared_info_t *const shared_info;

static inline vcpu_info_t *vcpu(void)
{
	return &shared_info->vcpu_info[0];
}

/* Frame numbers (p2m.c). */
void p2m_init(void);
void p2m_relocate(void);
xen_pfn_t pfn_to_mfn(unsigned long pfn);
unsigned long mfn_to_pfn(xen_pfn_t mfn);

static inline uint64_t phys_to_machine(phys_addr_t pa)
{
	return ((uint64_t)pfn_to_mfn(pa >> PAGE_SHIFT) << PAGE_SHIFT) | (pa & (PAGE_SIZE - 1));
}

/* Page-table writes (mmu.c). */
void mmu_queue(uint64_t maddr, uint64_t val);
void mmu_flush(void);
void mmu_flush_tlb_later(void);
/* mmu_flush(), then the TLB flush a removed entry asked for, if any. */
void mmu_commit(void);
void mmuext_ops(struct mmuext_op *ops, unsigned count);
/* The machine frame of a table named by its pseudo-physical address; 0 for 0. */
xen_pfn_t table_mfn(phys_addr_t table);

/* Boot memory (boot_mm.c) and the kernel's tables (kernel_tables.c). */
extern struct arch_aspace kernel_as;
extern unsigned long physmap_end_pfn;
void boot_mm_init(void);
bool boot_page_is_table(unsigned long pfn);
struct arch_aspace *boot_alias(void);
void *page_view(phys_addr_t pa);
phys_addr_t table_page(void);
void physmap_build(void);
phys_addr_t kernel_tables_build(void);
void pt_protect(phys_addr_t pa, bool writable);

void traps_init(void);
void clock_init(void);
void map_shared_info(void);
void console_map_ring(void);
void events_init(void);
int event_bind_virq(unsigned virq, void (*fn)(void));
/* A port already bound (one the builder made, or alloc_unbound's). */
int event_bind_port(unsigned port, void (*fn)(void));
/* The frame mfn of domain dom (or DOMID_SELF) at va, at once, so that
 * Xen's verdict is known; marked foreign, so never freed or shared. */
int map_frame(struct arch_aspace *as, uintptr_t va, xen_pfn_t mfn, domid_t dom, bool writable);
/* A domU's control/shutdown watch, once xenbus is up (control.c). */
void control_start(void);
void event_upcall(void);

#endif
