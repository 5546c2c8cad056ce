#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "string.h"
#include "test.h"

static char scratch[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

long mmu_update1(uint64_t ptr, uint64_t val)
{
	mmu_update_t req = { .ptr = ptr, .val = val };

	return HYPERVISOR_mmu_update(&req, 1, NULL, DOMID_SELF);
}

long mmuext(struct mmuext_op op)
{
	return HYPERVISOR_mmuext_op(&op, 1, NULL, DOMID_SELF);
}

long mmuext1(unsigned int cmd, xen_pfn_t mfn)
{
	return mmuext((struct mmuext_op){ .cmd = cmd, .arg1.mfn = mfn });
}

long copy_page(xen_pfn_t dst, xen_pfn_t src)
{
	return mmuext((struct mmuext_op){ .cmd = MMUEXT_COPY_PAGE, .arg1.mfn = dst,
					  .arg2.src_mfn = src });
}

long map_frame(void *va, xen_pfn_t mfn, unsigned long flags)
{
	return HYPERVISOR_update_va_mapping((unsigned long)va,
					    MAKE_PTE(mfn, flags), UVMF_INVLPG);
}

long map_own_frame(void *va)
{
	return map_frame(va, virt_to_mfn(va), PTE_PRESENT | PTE_RW);
}

long frame_zero(xen_pfn_t mfn)
{
	long rc = map_frame(scratch, mfn, PTE_PRESENT | PTE_RW);

	if (rc)
		return rc;
	memset(scratch, 0, sizeof(scratch));
	return map_own_frame(scratch);
}

long frame_write(xen_pfn_t mfn, unsigned int index, uint64_t val)
{
	long rc = map_frame(scratch, mfn, PTE_PRESENT | PTE_RW);

	if (rc)
		return rc;
	((uint64_t *)scratch)[index] = val;
	return map_own_frame(scratch);
}

xen_pfn_t pinned_table(unsigned int level)
{
	xen_pfn_t mfn = frame_alloc();

	if (!mfn || frame_zero(mfn) || mmuext1(PIN_CMD(level), mfn))
		return 0;
	return mfn;
}

long invlpg(unsigned long va)
{
	return mmuext((struct mmuext_op){ .cmd = MMUEXT_INVLPG_LOCAL, .arg1.linear_addr = va });
}

xen_pfn_t boot_l4_mfn(void)
{
	return virt_to_mfn((const void *)xen_start_info->pt_base);
}

const uint64_t *boot_pte(unsigned long va, unsigned int level)
{
	const uint64_t *table = (const uint64_t *)xen_start_info->pt_base;
	unsigned int n;

	for (n = 4; n > level; n--) {
		uint64_t e = table[PT_INDEX(va, n)];

		if (!(e & PTE_PRESENT))
			return NULL;
		table = (const uint64_t *)(mfn_to_pfn(PTE_MFN(e)) << PAGE_SHIFT);
	}
	return &table[PT_INDEX(va, level)];
}

uint64_t boot_pte_maddr(unsigned long va, unsigned int level)
{
	const uint64_t *pte = boot_pte(va, level);

	return pte ? virt_to_maddr(pte) : 0;
}
