/*
 * GDT layout of the native bench kernel. The order kernel code, kernel
 * data, user data, user code is the one syscall/sysret derive from STAR.
 */
#ifndef NATIVE_SEGMENTS_H
#define NATIVE_SEGMENTS_H

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define USER_DS (0x18 | 3)
#define USER_CS (0x20 | 3)
#define TSS_SEL 0x28
#define GDT_ENTRIES 7	/* the TSS descriptor takes two */

#endif
