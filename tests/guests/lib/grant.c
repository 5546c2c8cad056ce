#include "frames.h"
#include "grant.h"
#include "hypercall.h"
#include "pagetable.h"
#include "ptables.h"
#include "test.h"

/* The granter maps its table's first frame over this page. */
static grant_entry_v1_t table_window[PAGE_SIZE / sizeof(grant_entry_v1_t)]
	__attribute__((aligned(PAGE_SIZE)));

/*
 * Each op's status, or the hypercall's error: both are negative, so the
 * error fails the test here rather than pass for a status. The hypercall
 * is made before: the order of a call's arguments is unspecified.
 */
static int16_t status(long rc, int16_t st, const char *op)
{
	expect_eq(rc, 0, op);
	return rc ? GNTST_general_error : st;
}

int16_t grant_setup(domid_t dom, uint32_t nr, xen_pfn_t *frames)
{
	struct gnttab_setup_table op = { .dom = dom, .nr_frames = nr };
	long rc;

	set_xen_guest_handle(op.frame_list, frames);
	rc = HYPERVISOR_grant_table_op(GNTTABOP_setup_table, &op, 1);
	return status(rc, op.status, "GNTTABOP_setup_table");
}

grant_entry_v1_t *grant_table(void)
{
	xen_pfn_t frame;

	if (grant_setup(DOMID_SELF, 1, &frame) ||
	    map_frame(table_window, frame, PTE_PRESENT | PTE_RW))
		return NULL;
	return table_window;
}

void grant_offer(grant_entry_v1_t *table, grant_ref_t ref, domid_t to, const void *page,
		 uint16_t flags)
{
	table[ref].domid = to;
	table[ref].frame = virt_to_mfn(page);
	/* The hypervisor reads flags first: the rest must be there before them. */
	__atomic_store_n(&table[ref].flags, GTF_permit_access | flags, __ATOMIC_RELEASE);
}

/* Through a VA the compiler does not know is shared. */
void grant_page_fill(void *va, grant_ref_t ref, uint64_t x)
{
	unsigned long i;

	for (i = 0; i < PAGE_SIZE / sizeof(uint64_t); i++)
		poke((unsigned long)va + i * sizeof(uint64_t), GRANT_WORD(ref, i) ^ x);
}

long grant_page_check(const void *va, grant_ref_t ref, uint64_t x)
{
	unsigned long i;

	for (i = 0; i < PAGE_SIZE / sizeof(uint64_t); i++)
		if (peek((unsigned long)va + i * sizeof(uint64_t)) != (GRANT_WORD(ref, i) ^ x))
			return i;
	return -1;
}

long grant_free_va(void *va)
{
	return map_frame(va, 0, 0);
}

int16_t grant_map(domid_t dom, grant_ref_t ref, uint32_t flags, const void *va,
		  grant_handle_t *handle)
{
	struct gnttab_map_grant_ref op = { .host_addr = (unsigned long)va,
					   .flags = GNTMAP_host_map | flags,
					   .ref = ref,
					   .dom = dom };
	long rc = HYPERVISOR_grant_table_op(GNTTABOP_map_grant_ref, &op, 1);

	*handle = op.handle;
	return status(rc, op.status, "GNTTABOP_map_grant_ref");
}

int16_t grant_unmap(const void *va, grant_handle_t handle)
{
	struct gnttab_unmap_grant_ref op = { .host_addr = (unsigned long)va, .handle = handle };
	long rc = HYPERVISOR_grant_table_op(GNTTABOP_unmap_grant_ref, &op, 1);

	return status(rc, op.status, "GNTTABOP_unmap_grant_ref");
}

int16_t grant_copy(struct gnttab_copy op)
{
	long rc = HYPERVISOR_grant_table_op(GNTTABOP_copy, &op, 1);

	return status(rc, op.status, "GNTTABOP_copy");
}
