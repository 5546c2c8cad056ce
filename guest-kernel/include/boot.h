/*
 * What a port hands the generic kernel once memory is up: the page
 * allocator holds every free page; the initrd's pages hold nothing else,
 * so the kernel frees them after unpacking it.
 */
#ifndef BOOT_H
#define BOOT_H

#include "types.h"

struct boot_info {
	const char *cmdline;
	phys_addr_t initrd_start;
	size_t initrd_len;
};

void __attribute__((noreturn)) kernel_main(const struct boot_info *bi);

#endif
