/* The generic kernel's start, once a port has memory and interrupts ready. */
#include "arch.h"
#include "boot.h"
#include "clock.h"
#include "cpio.h"
#include "dev.h"
#include "lib.h"
#include "page_alloc.h"
#include "printk.h"
#include "proc.h"
#include "procfs.h"
#include "ramfs.h"
#include "sched.h"

#define INIT_PATH "/init"

static void unpack_initrd(const struct boot_info *bi)
{
	int n;

	ramfs_init();
	if (!bi->initrd_len) {
		printk("no initrd\n");
		return;
	}
	n = cpio_unpack(phys_to_virt(bi->initrd_start), bi->initrd_len);
	if (n < 0)
		printk("initrd: not a valid cpio newc archive (error %d)\n", -n);
	else
		printk("initrd: %d entries unpacked\n", n);
	page_range_free(bi->initrd_start, ALIGN_UP(bi->initrd_start + bi->initrd_len, PAGE_SIZE));
}

void kernel_main(const struct boot_info *bi)
{
	printk("command line: %s\n", bi->cmdline);
	unpack_initrd(bi);
	dev_init();
	procfs_init();
	printk("memory: %lu KiB free\n", pages_free_count() * (PAGE_SIZE / 1024));
	sched_init();
	proc_create_init(INIT_PATH);
	clock_start();
	sched_idle_loop();
}
