/*
 * User address spaces. Each has two pinned L4s (Xen x86-64 PV keeps a
 * kernel-mode and a user-mode one per vCPU): the kernel's maps user space
 * and the kernel, the user's maps user space only. The user-half L3s are
 * shared, so a mapping is made once.
 */
#include "errno.h"
#include "lib.h"
#include "page_alloc.h"
#include "pgtable.h"
#include "xenpv.h"

/* The first L4 slot above Xen's (256-271), which Xen fills itself. */
#define KERNEL_FIRST_SLOT 272

static void pin_pair(unsigned cmd, const struct arch_aspace *as)
{
	struct mmuext_op ops[] = {
		{ .cmd = cmd, .arg1.mfn = table_mfn(as->l4) },
		{ .cmd = cmd, .arg1.mfn = table_mfn(as->user_l4) },
	};

	mmuext_ops(ops, ARRAY_SIZE(ops));
}

int arch_aspace_init(struct arch_aspace *as)
{
	pte_t *l4 = page_alloc_zeroed(), *user_l4 = page_alloc_zeroed();
	const pte_t *kernel = pt_table_view(kernel_as.l4);

	if (!l4 || !user_l4) {
		if (l4)
			page_free(l4);
		if (user_l4)
			page_free(user_l4);
		return -ENOMEM;
	}
	for (unsigned i = KERNEL_FIRST_SLOT; i < PT_ENTRIES; i++)
		l4[i] = kernel[i];
	*as = (struct arch_aspace){ .l4 = virt_to_phys(l4), .user_l4 = virt_to_phys(user_l4) };
	pt_protect(as->l4, false);
	pt_protect(as->user_l4, false);
	pt_sync();
	pin_pair(MMUEXT_PIN_L4_TABLE, as);
	return 0;
}

static void make_writable(struct pt_visitor *v, phys_addr_t table)
{
	(void)v;
	pt_protect(table, true);
}

/*
 * Unpinned (and loaded nowhere: the caller runs on other tables), the
 * tables lose their type in Xen and may be mapped writable again; only
 * then can they be reused.
 */
void arch_aspace_destroy(struct arch_aspace *as)
{
	struct pt_visitor unprotect = { .table = make_writable };
	struct pt_visitor release = { .table = pt_free_table, .page = pt_put_page };

	pin_pair(MMUEXT_UNPIN_TABLE, as);
	pt_visit_user(as, &unprotect);
	make_writable(NULL, as->l4);
	make_writable(NULL, as->user_l4);
	pt_sync();
	pt_visit_user(as, &release);
	pt_free_table(NULL, as->l4);
	pt_free_table(NULL, as->user_l4);
}

void arch_aspace_commit(struct arch_aspace *as)
{
	(void)as;
	mmu_commit();
}
