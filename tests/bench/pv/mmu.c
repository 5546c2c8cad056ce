/*
 * The PV MMU rows: entries of a spare L1 rewritten by mmu_update (one
 * entry, or batches), by update_va_mapping, and by a plain store that the
 * hypervisor traps and emulates (ptwr); the kernel L4 switched by
 * NEW_BASEPTR and by a trapped mov to %cr3. Each update points its entries
 * at the other of two pages, so that every call really changes them and
 * moves references, as a kernel remapping a page does; each switch loads
 * the other of two L4s. Each prepare() makes one real call, and checks
 * the entry it wrote.
 */
#include <stddef.h>

#include "hypercall.h"
#include "mmu.h"
#include "ptables.h"
#include "pv.h"
#include "traps.h"

/* Which target the entries map now, which L4 is loaded now. */
static unsigned int pte_side, l4_side;

static uint64_t next_pte(void)
{
	pte_side ^= 1;
	return target_pte[pte_side];
}

/* A hypervisor that reports success must also have written the entry. */
static const char *check_entry(unsigned int i, const char *what)
{
	uint64_t e = peek((unsigned long)l1_view + i * sizeof(uint64_t));

	if (PTE_MFN(e) == PTE_MFN(target_pte[pte_side]))
		return NULL;
	return why("%s left entry %u of the spare L1 at 0x%lx", what, i, e);
}

static long update_batch(unsigned int n, unsigned int *done)
{
	pte_side ^= 1;
	return HYPERVISOR_mmu_update(requests[pte_side], n, done, DOMID_SELF);
}

static const char *probe_batch(unsigned int n)
{
	const char *why_not = hook_l1();
	unsigned int done = 0;
	long rc;

	if (why_not)
		return why_not;
	rc = update_batch(n, &done);
	if (rc || done != n)
		return why("mmu_update of %u entries returned %ld, %u done", n, rc, done);
	return check_entry(n - 1, "mmu_update");
}

/* A row per batch size: the call and its probe. */
#define BATCH(n)                                                             \
	static void mmu_update_##n(void)                                     \
	{                                                                    \
		update_batch(n, NULL);                                       \
	}                                                                    \
	static const char *prepare_mmu_update_##n(void)                      \
	{                                                                    \
		return probe_batch(n);                                       \
	}
BATCH(1)
BATCH(8)
BATCH(64)
BATCH(512)

static long remap(unsigned long flags)
{
	return HYPERVISOR_update_va_mapping(HOOK_VA, next_pte(), flags);
}

static const char *probe_remap(unsigned long flags)
{
	const char *why_not = hook_l1();
	long rc;

	if (why_not)
		return why_not;
	rc = remap(flags);
	return rc ? why("update_va_mapping returned %ld", rc)
		  : check_entry(0, "update_va_mapping");
}

static void update_va_mapping(void)
{
	remap(0);
}

static const char *prepare_update_va_mapping(void)
{
	return probe_remap(0);
}

static void update_va_mapping_invlpg(void)
{
	remap(UVMF_INVLPG);
}

static const char *prepare_update_va_mapping_invlpg(void)
{
	return probe_remap(UVMF_INVLPG);
}

/* A store as a kernel writes its own PTEs; the L1 is read-only, so it faults. */
static void ptwr_store(void)
{
	poke((unsigned long)l1_view, next_pte());
}

static const char *prepare_ptwr_store(void)
{
	const char *why_not = hook_l1();

	if (why_not)
		return why_not;
	exceptions_reset();
	asm volatile("1: mov %1, (%0)\n2:\n\t" EXTABLE("1b", "2b")
		     : : "r"(l1_view), "r"(next_pte()) : "memory");
	why_not = exception_reason("a store into the read-only L1");
	return why_not ? why_not : check_entry(0, "a store into the read-only L1");
}

static long switch_l4(void)
{
	l4_side ^= 1;
	return mmuext1(MMUEXT_NEW_BASEPTR, l4_mfn[l4_side]);
}

static void new_baseptr(void)
{
	switch_l4();
}

static const char *prepare_new_baseptr(void)
{
	const char *why_not = copy_boot_l4();
	long rc;

	if (why_not)
		return why_not;
	rc = switch_l4();
	return rc ? why("mmuext_op(NEW_BASEPTR) returned %ld", rc) : NULL;
}

/* A PV kernel's %cr3 holds the MFN of its L4 (xen_pfn_to_cr3). */
static void mov_cr3(void)
{
	l4_side ^= 1;
	asm volatile("mov %0, %%cr3" : : "r"(xen_pfn_to_cr3(l4_mfn[l4_side])) : "memory");
}

static const char *prepare_mov_cr3(void)
{
	const char *why_not = copy_boot_l4();

	if (why_not)
		return why_not;
	exceptions_reset();
	l4_side ^= 1;
	asm volatile("1: mov %0, %%cr3\n2:\n\t" EXTABLE("1b", "2b")
		     : : "r"(xen_pfn_to_cr3(l4_mfn[l4_side])) : "memory");
	if (exception_seen.count && exception_seen.vector == X86_EXC_GP)
		return "not emulated (#GP reflected to the guest kernel)";
	return exception_reason("mov to %cr3");
}

const struct bench_op pv_mmu_ops[] = {
	{ "mmu_update_1", mmu_update_1, prepare_mmu_update_1, 1, 0, 0, 0 },
	{ "mmu_update_8", mmu_update_8, prepare_mmu_update_8, 8, 0, 0, 0 },
	{ "mmu_update_64", mmu_update_64, prepare_mmu_update_64, 64, 0, 0, 0 },
	{ "mmu_update_512", mmu_update_512, prepare_mmu_update_512, 512, 0, 0, 0 },
	{ "update_va_mapping", update_va_mapping, prepare_update_va_mapping, 0, 0, 0, 0 },
	{ "update_va_mapping_invlpg", update_va_mapping_invlpg,
	  prepare_update_va_mapping_invlpg, 0, 0, 0, 0 },
	{ "ptwr_store", ptwr_store, prepare_ptwr_store, 0, 0, 0, 0 },
	{ "new_baseptr", new_baseptr, prepare_new_baseptr, 0, 0, 0, 0 },
	{ "mov_cr3", mov_cr3, prepare_mov_cr3, 0, 0, 0, 0 },
	{ 0 },
};
