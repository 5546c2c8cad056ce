#include "alive.h"
#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "test.h"
#include "traps.h"

#define MAGIC 0xa11fe0a11fe0UL

static char page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

void expect_alive(void)
{
	exceptions_reset();
	asm volatile("int3\n1:\n\t" EXTABLE("1b", "1b"));
	expect_eq(exception_seen.count, 1, "#BP after the attack");
	expect(HYPERVISOR_xen_version(XENVER_version, NULL) > 0,
	       "xen_version fails after the attack");
	poke((unsigned long)page, MAGIC);
	expect_eq(map_frame(page, virt_to_mfn(page), PTE_PRESENT), 0,
		  "update_va_mapping after the attack");
	expect_eq(peek((unsigned long)page), MAGIC, "page read after the remap");
	expect_eq(map_own_frame(page), 0, "update_va_mapping back");
}
