/*
 * The first C code: Xen jumps to _start (head.S) in guest kernel mode with
 * events masked, start_info in rsi and the builder's page tables loaded.
 */
#include "boot.h"
#include "lib.h"
#include "printk.h"
#include "xenpv.h"

start_info_t xen_start;

static void print_banner(void)
{
	bool dom0 = xen_start.flags & SIF_INITDOMAIN;

	printk("Xenith kernel on Xen PV (%s), %lu MiB\n", dom0 ? "domain 0" : "guest domain",
	       xen_start.nr_pages >> (20 - PAGE_SHIFT));
}

/* Without SIF_MOD_START_PFN the initrd is where the builder mapped it. */
static void fill_boot_info(struct boot_info *bi)
{
	phys_addr_t start = xen_start.flags & SIF_MOD_START_PFN
				    ? (phys_addr_t)xen_start.mod_start << PAGE_SHIFT
				    : xen_start.mod_start - KERNBASE;

	*bi = (struct boot_info){
		.cmdline = (const char *)xen_start.cmd_line,
		.initrd_start = xen_start.mod_len ? start : 0,
		.initrd_len = xen_start.mod_len,
	};
}

void __attribute__((noreturn)) xenpv_start(const start_info_t *si);
void xenpv_start(const start_info_t *si)
{
	struct boot_info bi;

	/* The builder's start_info page is not ours to keep. */
	xen_start = *si;
	xen_start.cmd_line[MAX_GUEST_CMDLINE - 1] = '\0';
	if (strncmp(xen_start.magic, "xen-3.0-x86_64", 14))
		arch_crash();
	traps_init();
	map_shared_info();
	console_map_ring();
	clock_init();
	events_init();
	print_banner();
	boot_mm_init();
	fill_boot_info(&bi);
	kernel_main(&bi);
}
