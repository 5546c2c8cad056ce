/*
 * User address spaces: one L4 each, whose kernel half is a copy of the
 * kernel's. That half's L4 slots are all filled at boot and never change,
 * so the copy never goes stale. (On Xen: two pinned L4s per space.)
 */
#include "errno.h"
#include "native.h"
#include "page_alloc.h"
#include "pgtable.h"

int arch_aspace_init(struct arch_aspace *as)
{
	pte_t *l4 = page_alloc_zeroed();
	const pte_t *kernel = pt_table_view(kernel_as.l4);

	if (!l4)
		return -ENOMEM;
	for (unsigned i = L4_USER_SLOTS; i < PT_ENTRIES; i++)
		l4[i] = kernel[i];
	*as = (struct arch_aspace){ .l4 = virt_to_phys(l4) };
	return 0;
}

/* Not loaded, so no TLB holds its translations: everything goes at once. */
void arch_aspace_destroy(struct arch_aspace *as)
{
	struct pt_visitor release = { .table = pt_free_table, .page = pt_put_page };

	pt_visit_user(as, &release);
	pt_free_table(NULL, as->l4);
}

/* Stores are in force at once and unmappings were invalidated as they went. */
void arch_aspace_commit(struct arch_aspace *as)
{
	(void)as;
}
