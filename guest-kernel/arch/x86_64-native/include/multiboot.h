/*
 * Multiboot v1 (the GNU Multiboot Specification 0.6.96): the header the
 * loader looks for in the image's first 8 KiB, and the information it
 * leaves for the kernel (physical addresses, all below 4 GiB).
 */
#ifndef MULTIBOOT_H
#define MULTIBOOT_H

#define MB_HEADER_MAGIC 0x1badb002
/* Page-aligned modules (the initrd's pages are freed whole), the memory
 * map, and load addresses in the header itself (the a.out kludge). */
#define MB_HEADER_PAGE_ALIGN (1 << 0)
#define MB_HEADER_MEMORY_INFO (1 << 1)
#define MB_HEADER_AOUT_KLUDGE (1 << 16)

#define MB_LOADER_MAGIC 0x2badb002

#ifndef __ASSEMBLY__
#include "types.h"

#define MBI_CMDLINE (1 << 2)
#define MBI_MODS (1 << 3)
#define MBI_MMAP (1 << 6)

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
};

struct multiboot_module {
	uint32_t start, end;
	uint32_t string;
	uint32_t reserved;
};

/* size counts the bytes after itself: entries may be longer than this. */
struct multiboot_mmap_entry {
	uint32_t size;
	uint64_t addr, len;
	uint32_t type;
} __attribute__((packed));

#define MB_MEMORY_AVAILABLE 1
#endif

#endif
