/*
 * The native counterparts of the PV MMU rows, in this kernel's own tables:
 * stores into a spare L1, invlpg, and mov %cr3 between boot.S's PML4 and a
 * copy of it. As on PV, each store points the entries at the other of two
 * pages and each mov %cr3 loads the other PML4.
 */
#include <stdint.h>
#include "../common/bench.h"
#include "native.h"

#define PAGE_SIZE 4096
#define PT_ENTRIES 512
#define PTE_PRESENT 0x1
#define PTE_RW 0x2
/* boot.S maps it with a 2 MiB page; with -m 512 nothing is there. */
#define HOOK_VA (511UL << 21)

static uint64_t l1[PT_ENTRIES] __attribute__((aligned(PAGE_SIZE)));
static uint64_t pml4_copy[PT_ENTRIES] __attribute__((aligned(PAGE_SIZE)));
static char targets[2][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static uint64_t target_pte[2], cr3[2];
static unsigned int pte_side, cr3_side;

static void invlpg(unsigned long va)
{
	asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

/* The spare L1 replaces the last 2 MiB page of the first GiB. */
void mmu_init(void)
{
	for (unsigned int i = 0; i < PT_ENTRIES; i++)
		pml4_copy[i] = pml4[i];
	cr3[0] = (uint64_t)pml4;
	cr3[1] = (uint64_t)pml4_copy;
	for (unsigned int s = 0; s < 2; s++)
		target_pte[s] = (uint64_t)targets[s] | PTE_PRESENT | PTE_RW;
	pd[HOOK_VA >> 21] = (uint64_t)l1 | PTE_PRESENT | PTE_RW;
	invlpg(HOOK_VA);
}

/* volatile: the stores are the operation, one per entry as a kernel makes them. */
static void store_ptes(unsigned int n)
{
	volatile uint64_t *pte = l1;
	uint64_t v;

	pte_side ^= 1;
	v = target_pte[pte_side];
	for (unsigned int i = 0; i < n; i++)
		pte[i] = v;
}

static void store_1(void)
{
	store_ptes(1);
}

static void store_8(void)
{
	store_ptes(8);
}

static void store_64(void)
{
	store_ptes(64);
}

static void store_512(void)
{
	store_ptes(PT_ENTRIES);
}

static void store_invlpg(void)
{
	store_ptes(1);
	invlpg(HOOK_VA);
}

static void mov_cr3(void)
{
	cr3_side ^= 1;
	asm volatile("mov %0, %%cr3" : : "r"(cr3[cr3_side]) : "memory");
}

/* Named as the PV rows they stand beside. */
const struct bench_op native_mmu_ops[] = {
	{ "mmu_update_1", store_1, 0, 1, 0, 0, 0 },
	{ "mmu_update_8", store_8, 0, 8, 0, 0, 0 },
	{ "mmu_update_64", store_64, 0, 64, 0, 0, 0 },
	{ "mmu_update_512", store_512, 0, PT_ENTRIES, 0, 0, 0 },
	{ "update_va_mapping", store_1, 0, 0, 0, 0, 0 },
	{ "update_va_mapping_invlpg", store_invlpg, 0, 0, 0, 0, 0 },
	{ "ptwr_store", store_1, 0, 0, 0, 0, 0 },
	{ "new_baseptr", mov_cr3, 0, 0, 0, 0, 0 },
	{ "mov_cr3", mov_cr3, 0, 0, 0, 0, 0 },
	{ 0 },
};
