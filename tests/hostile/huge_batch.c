/*
 * Batches too long to run in one go. A 10-million-entry mmu_update must
 * finish (Xen preempts it and restarts it through a continuation), and a
 * timer event due in the middle of it is delivered in the middle of it.
 * Counts of 2^31-1 run into unmapped memory and stop there with -EFAULT;
 * a count with Xen's continuation bit forged in resumes from *pdone.
 *
 * 10M entries take 160 MB of guest memory: the batch is one page of 256
 * entries seen 40960 times, through one L1 that maps that page 512 times
 * and is hooked into 80 slots of the boot L2.
 */
#include "alive.h"
#include "events.h"
#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "test.h"
#include "time.h"

const char test_name[] = "huge_batch";

#define BIG_BATCH 10000000U
#define FIRST_SLOT 100
#define NR_SLOTS 80
#define MAPPED_ENTRIES (NR_SLOTS * PT_SPAN(2) / sizeof(mmu_update_t))
#define BATCH_VA (FIRST_SLOT * PT_SPAN(2))
#define MS 1000000ULL
/* Half the harness's timeout: a batch that takes longer hangs the CPU. */
#define TIME_LIMIT (30000 * MS)
#define COUNT_MAX 0x7fffffffU
/* Xen's mark of a restarted mmu_update or mmuext_op (xen/include/xen/mm.h). */
#define PREEMPTED_BIT 0x80000000U
#define FORGED_DONE 1000U

static char pages[2][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static volatile uint64_t timer_seen_at;

static void on_timer(evtchn_port_t port)
{
	(void)port;
	timer_seen_at = now_ns();
}

/* Every entry writes 0 over the empty entry 0 of a pinned L1. */
static int fill_entries(xen_pfn_t data, xen_pfn_t target)
{
	mmu_update_t *e = (mmu_update_t *)pages[0];
	unsigned int i;

	if (!target || map_frame(pages[0], data, PTE_PRESENT | PTE_RW))
		return -1;
	for (i = 0; i < PAGE_SIZE / sizeof(*e); i++)
		e[i] = (mmu_update_t){ .ptr = (uint64_t)target << PAGE_SHIFT, .val = 0 };
	return map_own_frame(pages[0]);
}

/* The batch's L1 maps the data page in all its entries. */
static int fill_batch_l1(xen_pfn_t l1, xen_pfn_t data)
{
	unsigned int i;

	for (i = 0; i < PT_ENTRIES; i++)
		if (frame_write(l1, i, MAKE_PTE(data, PTE_PRESENT)))
			return -1;
	return 0;
}

/* Sets the boot L2's entries for the batch's 160 MB. */
static int set_batch_l2es(uint64_t val)
{
	uint64_t l2 = boot_pte_maddr(0, 2);
	unsigned int i;

	for (i = 0; i < NR_SLOTS; i++)
		if (mmu_update1(l2 + (FIRST_SLOT + i) * sizeof(uint64_t), val))
			return -1;
	return 0;
}

static void big_batch(void)
{
	unsigned int done = 0;
	uint64_t start, took;
	long port = timer_bind_oneshot(on_timer), rc;

	if (port < 0) {
		fail("binding VIRQ_TIMER: %ld", port);
		return;
	}
	events_unmask();
	start = now_ns();
	expect_eq(HYPERVISOR_set_timer_op(start + 10 * MS), 0, "set_timer_op");
	rc = HYPERVISOR_mmu_update((mmu_update_t *)BATCH_VA, BIG_BATCH, &done, DOMID_SELF);
	took = now_ns() - start;
	events_mask();
	printf("huge_batch: %u entries in %lu ms\n", done, (unsigned long)(took / MS));
	expect_eq(rc, 0, "10M-entry mmu_update");
	expect_eq(done, BIG_BATCH, "entries done");
	expect(took < TIME_LIMIT, "10M entries took %lu ms", (unsigned long)(took / MS));
	expect(timer_seen_at > start && timer_seen_at < start + took,
	       "the timer event did not come during the batch");
}

static void batches_into_unmapped_memory(void)
{
	unsigned int done = 0;

	expect_eq(HYPERVISOR_mmu_update((mmu_update_t *)BATCH_VA, COUNT_MAX, &done, DOMID_SELF),
		  -XEN_EFAULT, "mmu_update of 2^31-1 entries");
	expect_eq(done, MAPPED_ENTRIES, "entries done before the unmapped ones");
	done = FORGED_DONE;
	expect_eq(HYPERVISOR_mmu_update((mmu_update_t *)BATCH_VA, PREEMPTED_BIT | 16, &done,
					DOMID_SELF),
		  0, "mmu_update with a forged continuation");
	expect_eq(done, FORGED_DONE + 16, "done after the forged continuation");
}

/* Four flushes at the end of a page whose next page is unmapped. */
static void mmuext_into_unmapped_memory(void)
{
	struct mmuext_op *ops = (struct mmuext_op *)pages[1] - 4;
	unsigned int i, done = 0;

	for (i = 0; i < 4; i++)
		ops[i] = (struct mmuext_op){ .cmd = MMUEXT_TLB_FLUSH_LOCAL };
	if (map_frame(pages[1], 0, 0)) {
		fail("unmapping a page");
		return;
	}
	expect_eq(HYPERVISOR_mmuext_op(ops, COUNT_MAX, &done, DOMID_SELF), -XEN_EFAULT,
		  "mmuext_op of 2^31-1 entries");
	expect_eq(done, 4, "mmuext_op entries done");
	done = FORGED_DONE;
	expect_eq(HYPERVISOR_mmuext_op(ops, ~0U, &done, DOMID_SELF), -XEN_EFAULT,
		  "mmuext_op with a forged continuation");
	expect_eq(done, FORGED_DONE + 4, "done after the forged continuation");
	expect_eq(map_own_frame(pages[1]), 0, "restore of the page");
}

void test_main(void)
{
	xen_pfn_t target = pinned_table(1), data = frame_alloc(), l1 = frame_alloc();

	if (!l1 || fill_entries(data, target) || fill_batch_l1(l1, data) ||
	    set_batch_l2es(MAKE_PTE(l1, PTE_TABLE))) {
		fail("setting up the 160 MB batch");
		return;
	}
	big_batch();
	batches_into_unmapped_memory();
	mmuext_into_unmapped_memory();
	expect_eq(set_batch_l2es(0), 0, "unhooking the batch's L1");
	expect_eq(mmuext1(MMUEXT_UNPIN_TABLE, target), 0, "unpin of the target L1");
	expect_alive();
}
