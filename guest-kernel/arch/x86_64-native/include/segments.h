/*
 * GDT selectors and the TSS, for C and assembly. syscall and sysret derive
 * their selectors from MSR_STAR, which fixes this order: kernel code,
 * kernel data, user data, user code.
 */
#ifndef SEGMENTS_H
#define SEGMENTS_H

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define USER_DS (0x18 | 3)
#define USER_CS (0x20 | 3)
#define TSS_SEL 0x28
/* The TSS descriptor takes two entries. */
#define GDT_ENTRIES 7

/* Offset of rsp0 in the TSS: the kernel stack of entries from user mode. */
#define TSS_RSP0 4
/* The interrupt stack a double fault runs on (1-7; 0 means none). */
#define IST_DOUBLE_FAULT 1

#endif
