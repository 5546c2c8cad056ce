/*
 * Pointers into hypervisor memory (and a non-canonical one) for every MMU
 * hypercall that takes one: request and op arrays, pdone, vCPU masks, the
 * memory_op structures and the arrays they point to, set_gdt's frame list,
 * linear addresses, and machine addresses of Xen's frames; plus foreign
 * domains that do not exist. Each gets the error Xen 4.17 gives, which is not always -EFAULT.
 */
#include "alive.h"
#include "badptr.h"
#include "foreign.h"
#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "test.h"

const char test_name[] = "mmu_badptr";

#define NO_SUCH_DOMAIN 1000
#define PTR(p) ((unsigned long)(p))

struct bad_call {
	const char *what;
	unsigned long nr;
	unsigned long args[5];
	long expected;
};

static char window[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static mmu_update_t good_update;
static struct mmuext_op flush_local = { .cmd = MMUEXT_TLB_FLUSH_LOCAL };
static struct mmuext_op flush_multi = { .cmd = MMUEXT_TLB_FLUSH_MULTI,
					.arg2.vcpumask.p = BAD_PTR_HYPERVISOR };
static struct mmuext_op invlpg_multi = { .cmd = MMUEXT_INVLPG_MULTI,
					 .arg2.vcpumask.p = BAD_PTR_HYPERVISOR };
static struct mmuext_op invlpg_xen = { .cmd = MMUEXT_INVLPG_LOCAL,
				       .arg1.linear_addr = HYPERVISOR_VA };
static struct mmuext_op invlpg_noncanonical = { .cmd = MMUEXT_INVLPG_LOCAL,
						.arg1.linear_addr = NONCANONICAL_VA };
static struct mmuext_op ldt_in_xen = { .cmd = MMUEXT_SET_LDT,
				       .arg1.linear_addr = HYPERVISOR_VA,
				       .arg2.nr_ents = 1 };
static mmu_update_t update_in_xen;
static struct xen_machphys_mfn_list list_into_xen = { .max_extents = 1 };

/* Values known only at run time: frames and addresses of this boot. */
static void set_up(void)
{
	uint64_t window_pte = boot_pte_maddr(PTR(window), 1);

	good_update = (mmu_update_t){ .ptr = window_pte,
				      .val = MAKE_PTE(virt_to_mfn(window), PTE_PRESENT | PTE_RW) };
	update_in_xen = (mmu_update_t){ .ptr = (uint64_t)xen_l3_frame() << PAGE_SHIFT };
	set_xen_guest_handle(list_into_xen.extent_start, (xen_pfn_t *)BAD_PTR_HYPERVISOR);
}

static const struct bad_call calls[] = {
	{ "mmu_update of requests in Xen", __HYPERVISOR_mmu_update,
	  { HYPERVISOR_VA, 1, 0, DOMID_SELF }, -XEN_EFAULT },
	{ "mmu_update of non-canonical requests", __HYPERVISOR_mmu_update,
	  { NONCANONICAL_VA, 1, 0, DOMID_SELF }, -XEN_EFAULT },
	/* Xen does not check its copy of the count back: the update is done. */
	{ "mmu_update with pdone in Xen", __HYPERVISOR_mmu_update,
	  { PTR(&good_update), 1, HYPERVISOR_VA, DOMID_SELF }, 0 },
	{ "mmu_update of an entry in Xen's L3", __HYPERVISOR_mmu_update,
	  { PTR(&update_in_xen), 1, 0, DOMID_SELF }, -XEN_EINVAL },
	{ "mmu_update for a missing domain", __HYPERVISOR_mmu_update,
	  { PTR(&good_update), 1, 0, NO_SUCH_DOMAIN }, -XEN_ESRCH },
	/* dom0 may name itself DOMID_SELF only. */
	{ "mmu_update for domain 0 by its id", __HYPERVISOR_mmu_update,
	  { PTR(&good_update), 1, 0, 0 }, -XEN_ESRCH },
	{ "mmuext_op of ops in Xen", __HYPERVISOR_mmuext_op,
	  { HYPERVISOR_VA, 1, 0, DOMID_SELF }, -XEN_EFAULT },
	{ "mmuext_op with pdone in Xen", __HYPERVISOR_mmuext_op,
	  { PTR(&flush_local), 1, HYPERVISOR_VA, DOMID_SELF }, 0 },
	{ "mmuext_op for a missing domain", __HYPERVISOR_mmuext_op,
	  { PTR(&flush_local), 1, 0, NO_SUCH_DOMAIN }, -XEN_ESRCH },
	/* A vCPU mask that cannot be read is a bad argument, not a fault. */
	{ "TLB_FLUSH_MULTI with a mask in Xen", __HYPERVISOR_mmuext_op,
	  { PTR(&flush_multi), 1, 0, DOMID_SELF }, -XEN_EINVAL },
	{ "INVLPG_MULTI with a mask in Xen", __HYPERVISOR_mmuext_op,
	  { PTR(&invlpg_multi), 1, 0, DOMID_SELF }, -XEN_EINVAL },
	/* Flushing an address the guest cannot map is harmless: Xen says 0. */
	{ "INVLPG_LOCAL of an address in Xen", __HYPERVISOR_mmuext_op,
	  { PTR(&invlpg_xen), 1, 0, DOMID_SELF }, 0 },
	{ "INVLPG_LOCAL of a non-canonical address", __HYPERVISOR_mmuext_op,
	  { PTR(&invlpg_noncanonical), 1, 0, DOMID_SELF }, 0 },
	{ "SET_LDT in Xen", __HYPERVISOR_mmuext_op,
	  { PTR(&ldt_in_xen), 1, 0, DOMID_SELF }, -XEN_EINVAL },
	{ "set_gdt of a frame list in Xen", __HYPERVISOR_set_gdt,
	  { HYPERVISOR_VA, 1 }, -XEN_EFAULT },
	{ "XENMEM_current_reservation from Xen", __HYPERVISOR_memory_op,
	  { XENMEM_current_reservation, HYPERVISOR_VA }, -XEN_EFAULT },
	{ "XENMEM_maximum_reservation from Xen", __HYPERVISOR_memory_op,
	  { XENMEM_maximum_reservation, HYPERVISOR_VA }, -XEN_EFAULT },
	{ "XENMEM_memory_map into Xen", __HYPERVISOR_memory_op,
	  { XENMEM_memory_map, HYPERVISOR_VA }, -XEN_EFAULT },
	{ "XENMEM_machphys_mapping into Xen", __HYPERVISOR_memory_op,
	  { XENMEM_machphys_mapping, HYPERVISOR_VA }, -XEN_EFAULT },
	{ "XENMEM_machphys_mfn_list from Xen", __HYPERVISOR_memory_op,
	  { XENMEM_machphys_mfn_list, HYPERVISOR_VA }, -XEN_EFAULT },
	{ "XENMEM_machphys_mfn_list with extents into Xen", __HYPERVISOR_memory_op,
	  { XENMEM_machphys_mfn_list, PTR(&list_into_xen) }, -XEN_EFAULT },
};

/* Xen changes the entry first and reads the mask only to flush. */
static void update_va_mapping_with_bad_mask(void)
{
	expect_eq(HYPERVISOR_update_va_mapping(PTR(window), 0,
					       UVMF_MULTI | UVMF_INVLPG | HYPERVISOR_VA),
		  -XEN_EFAULT, "update_va_mapping with a vCPU mask in Xen");
	expect_eq(*boot_pte(PTR(window), 1) & PTE_PRESENT, 0,
		  "the entry that update_va_mapping cleared before the fault");
	expect_eq(map_own_frame(window), 0, "restore of the window");
}

void test_main(void)
{
	unsigned int i;

	set_up();
	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		const unsigned long *a = calls[i].args;
		long rc = hypercall_by_number(calls[i].nr, a[0], a[1], a[2], a[3], a[4]);

		if (rc != calls[i].expected)
			fail("%s: got %ld, expected %ld", calls[i].what, rc, calls[i].expected);
	}
	expect_eq(hypercall_by_number(__HYPERVISOR_update_descriptor,
				      (uint64_t)xen_l3_frame() << PAGE_SHIFT, 0, 0, 0, 0),
		  -XEN_EINVAL, "update_descriptor in Xen's L3");
	update_va_mapping_with_bad_mask();
	expect_alive();
}
