/* Addresses the linker script and the assembly need as well as C. */
#ifndef LAYOUT_H
#define LAYOUT_H

/* The image: the top 2 GiB, as -mcmodel=kernel wants; its physical
 * address is its offset from KERNBASE. */
#define KERNBASE 0xffffffff80000000
/* Where the image loads: the first MiB is the BIOS's. */
#define LOAD_ADDR 0x100000
/* The direct map of physical memory. Linux's base, which the Xen port
 * must use (Xen owns the slots below): one layout for both ports. */
#define PHYSMAP_BASE 0xffff888000000000
#define USER_END 0x0000800000000000
/* What head.S maps until the kernel's own tables are loaded. */
#define BOOT_MAP_SIZE 0x40000000

#define KSTACK_SIZE 16384

#endif
