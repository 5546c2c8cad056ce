/*
 * The Linux names <xen/sys/privcmd.h> (Linux's interface to privcmd, as
 * Debian's libxen-dev ships it) declares its structures with, and the
 * ioctl encoding its and <xen/sys/evtchn.h>'s command numbers use
 * (asm-generic/ioctl.h), for a kernel that has no Linux headers.
 */
#ifndef PV_LINUX_TYPES_H
#define PV_LINUX_TYPES_H

#include <stdint.h>

typedef uint16_t __u16;
typedef uint32_t __u32;
typedef uint64_t __u64;

#define _IOC_NONE 0U
#define _IOC(dir, type, nr, size) \
	(((dir) << 30) | ((unsigned)(size) << 16) | ((unsigned)(type) << 8) | (nr))

#endif
