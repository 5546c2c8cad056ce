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

/* Event channels (events.c): the 2-level ABI's 4096 ports. A port's
 * handler runs in the upcall, events masked, after its pending bit is
 * cleared. */
#define EVENT_PORTS EVTCHN_2L_NR_CHANNELS
typedef void event_handler_fn(unsigned port, void *arg);
void events_init(void);
/* Events on port go to fn(port, arg) from now on; the port is unmasked. */
void event_handle(unsigned port, event_handler_fn *fn, void *arg);
/* The port bound to virq on vCPU 0 and handled by fn, or Xen's -errno. */
int event_bind_virq(unsigned virq, event_handler_fn *fn, void *arg);
void event_mask(unsigned port);
void event_unmask(unsigned port);
long event_send(unsigned port);
/* Masks port, forgets its handler and closes it (EVTCHNOP_close). */
void event_close(unsigned port);
/* The frame mfn of domain dom (or DOMID_SELF) at va, at once, so that
 * Xen's verdict is known; marked foreign, so never freed or shared. */
int map_frame(struct arch_aspace *as, uintptr_t va, xen_pfn_t mfn, domid_t dom, bool writable);
/* A domU's control/shutdown watch, once xenbus is up (control.c). */
void control_start(void);
void event_upcall(void);

/* Devices (devices.c): privcmd.c's and evtchn.c's. */
struct file_ops;
extern const struct file_ops privcmd_ops, evtchn_ops;

#endif
