/*
 * Xen's L4 slots 256-271: every one of them written through mmu_update,
 * alone (with 0 and with the value Xen keeps there) and as one batch, and
 * update_va_mapping of an address in each. All are -EINVAL and the M2P that
 * slot 256 maps still reads; the guest slots around them (255, 272) accept
 * the same writes.
 */
#include "alive.h"
#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "test.h"

const char test_name[] = "l4_slots";

#define FIRST_XEN_SLOT PT_INDEX(HYPERVISOR_VIRT_START, 4)
#define NR_XEN_SLOTS (PT_INDEX(HYPERVISOR_VIRT_END, 4) - FIRST_XEN_SLOT)

static const uint64_t *l4(void)
{
	return (const uint64_t *)xen_start_info->pt_base;
}

static uint64_t slot_maddr(unsigned int slot)
{
	return virt_to_maddr(&l4()[slot]);
}

static unsigned long slot_va(unsigned int slot)
{
	/* Sign-extended: slots from 256 on are in the upper half. */
	return (unsigned long)((long)((unsigned long)slot << 55) >> 16);
}

static void one_by_one(void)
{
	unsigned int slot;

	for (slot = FIRST_XEN_SLOT; slot < FIRST_XEN_SLOT + NR_XEN_SLOTS; slot++) {
		uint64_t kept = l4()[slot];

		if (mmu_update1(slot_maddr(slot), 0) != -XEN_EINVAL)
			fail("mmu_update of 0 into slot %u is not -EINVAL", slot);
		if (mmu_update1(slot_maddr(slot), kept) != -XEN_EINVAL)
			fail("mmu_update of its own value into slot %u is not -EINVAL", slot);
		if (l4()[slot] != kept)
			fail("slot %u changed to 0x%lx", slot, l4()[slot]);
		if (HYPERVISOR_update_va_mapping(slot_va(slot), 0, UVMF_INVLPG) != -XEN_EINVAL)
			fail("update_va_mapping of 0x%lx (slot %u) is not -EINVAL",
			     slot_va(slot), slot);
	}
}

static void as_a_batch(void)
{
	mmu_update_t batch[NR_XEN_SLOTS];
	unsigned int i, done = 0xdead;

	for (i = 0; i < NR_XEN_SLOTS; i++)
		batch[i] = (mmu_update_t){ .ptr = slot_maddr(FIRST_XEN_SLOT + i), .val = 0 };
	expect_eq(HYPERVISOR_mmu_update(batch, NR_XEN_SLOTS, &done, DOMID_SELF),
		  -XEN_EINVAL, "batch over all of Xen's slots");
	expect_eq(done, 0, "entries of that batch done");
}

/* The neighbours are the guest's: an empty slot takes an empty entry. */
static void guest_slots(void)
{
	expect_eq(l4()[FIRST_XEN_SLOT - 1], 0, "slot 255 in use");
	expect_eq(mmu_update1(slot_maddr(FIRST_XEN_SLOT - 1), 0), 0, "write of slot 255");
	expect_eq(mmu_update1(slot_maddr(FIRST_XEN_SLOT + NR_XEN_SLOTS), 0), 0,
		  "write of slot 272");
}

void test_main(void)
{
	xen_pfn_t pfn = xen_start_info->pt_base >> PAGE_SHIFT;

	one_by_one();
	as_a_batch();
	guest_slots();
	expect_eq(mfn_to_pfn(pfn_to_mfn(pfn)), pfn, "M2P read after the attack");
	expect_alive();
}
