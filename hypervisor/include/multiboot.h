/* The multiboot (v1) information block, as QEMU's -kernel and GRUB hand it over. */
#ifndef XENITH_MULTIBOOT_H
#define XENITH_MULTIBOOT_H

#include <stdint.h>

#define MBI_MEMORY   (1u << 0)
#define MBI_CMDLINE  (1u << 2)
#define MBI_MODULES  (1u << 3)
#define MBI_MEMMAP   (1u << 6)

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
} __attribute__((packed));

struct multiboot_module {
	uint32_t mod_start, mod_end;
	uint32_t string;
	uint32_t reserved;
} __attribute__((packed));

/* `size` does not count itself: the next entry is at +size+4. */
struct multiboot_mmap {
	uint32_t size;
	uint64_t addr, len;
	uint32_t type;
} __attribute__((packed));

#define MB_MEM_RAM 1

#endif
