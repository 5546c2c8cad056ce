/*
 * The first C code: head.S calls native_start in long mode, on the boot
 * stack, with the multiboot loader's magic and information.
 */
#include "boot.h"
#include "native.h"
#include "printk.h"

static void print_banner(void)
{
	unsigned long pages = 0;

	for (unsigned i = 0; i < nr_mem_ranges; i++)
		pages += (mem_ranges[i].end - mem_ranges[i].start) >> PAGE_SHIFT;
	printk("Xenith kernel on bare metal, %lu MiB\n", pages >> (20 - PAGE_SHIFT));
}

void __attribute__((noreturn)) native_start(uint32_t magic, uint32_t info);
void native_start(uint32_t magic, uint32_t info)
{
	struct boot_info bi;

	serial_init();
	cpu_setup();
	multiboot_read(magic, info, &bi);
	boot_mm_init(&bi);
	lapic_init();
	clock_init();
	print_banner();
	kernel_main(&bi);
}
