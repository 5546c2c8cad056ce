/* What the files of libxenctrl share. */
#ifndef XC_PRIVATE_H
#define XC_PRIVATE_H

#include <stddef.h>

#include "xc.h"

#define XC_PAGE_SHIFT 12

struct xc_interface_core {
	int fd;                        /* /dev/xen/privcmd */
};

/* Hypercall op with two arguments: its result, or -1 and errno. */
long xc_hypercall(xc_interface *xch, unsigned op, unsigned long arg1, unsigned long arg2);
/* Makes a buffer's pages present and writable for Xen, keeping what they
 * hold (privcmd.c). */
void xc_touch(void *buf, size_t len);

#endif
