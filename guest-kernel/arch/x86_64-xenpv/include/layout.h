/* Addresses the linker script and the assembly need as well as C. */
#ifndef LAYOUT_H
#define LAYOUT_H

/* The image and Xen's VIRT_BASE: the top 2 GiB, as -mcmodel=kernel wants. */
#define KERNBASE 0xffffffff80000000
/* Linux's direct-map base: L4 slot 273, above Xen's slots 256-271. */
#define PHYSMAP_BASE 0xffff888000000000
#define USER_END 0x0000800000000000

#define KSTACK_SIZE 16384

#endif
