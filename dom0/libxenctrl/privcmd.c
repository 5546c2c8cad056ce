/*
 * Hypercalls through /dev/xen/privcmd. Xen reads and writes the buffers
 * it is given through the page tables in force and does not make missing
 * pages: each buffer is written here before the call (a page the kernel
 * has not made yet, or shares copy-on-write, would give EFAULT).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/ioctl.h>
#include <xen/xen.h>
#include <xen/sys/privcmd.h>

#include "xc_private.h"

xc_interface *xc_interface_open(xentoollog_logger *logger,
				xentoollog_logger *dombuild_logger, unsigned open_flags)
{
	xc_interface *xch;

	if (logger || dombuild_logger || open_flags) {
		errno = EINVAL;
		return NULL;
	}
	xch = malloc(sizeof(*xch));
	if (!xch)
		return NULL;
	xch->fd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
	if (xch->fd < 0) {
		free(xch);
		return NULL;
	}
	return xch;
}

int xc_interface_close(xc_interface *xch)
{
	int rc = close(xch->fd);

	free(xch);
	return rc;
}

long xc_hypercall(xc_interface *xch, unsigned op, unsigned long arg1, unsigned long arg2)
{
	privcmd_hypercall_t call = { .op = op, .arg = { arg1, arg2 } };

	return ioctl(xch->fd, IOCTL_PRIVCMD_HYPERCALL, &call);
}

/* A byte of each page written back: the contents stay. */
void xc_touch(void *buf, size_t len)
{
	volatile char *p = buf;

	for (size_t off = 0; off < len; off += 1UL << XC_PAGE_SHIFT)
		p[off] = p[off];
	if (len)
		p[len - 1] = p[len - 1];
}

void *xc_map_foreign_bulk(xc_interface *xch, uint32_t dom, int prot, const xen_pfn_t *arr,
			  int *err, unsigned int num)
{
	size_t len = (size_t)num << XC_PAGE_SHIFT;
	void *addr = mmap(NULL, len, prot, MAP_SHARED, xch->fd, 0);
	privcmd_mmapbatch_v2_t batch = {
		.num = num, .dom = (domid_t)dom, .addr = (uintptr_t)addr, .arr = arr, .err = err,
	};

	if (addr == MAP_FAILED)
		return NULL;
	xc_touch(err, num * sizeof(*err));
	if (ioctl(xch->fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &batch) < 0 && errno != ENOENT) {
		munmap(addr, len);
		return NULL;
	}
	return addr;
}

/* The frames of [mfn, mfn + size), all or none: the first frame Xen
 * refuses gives its error in errno. */
void *xc_map_foreign_range(xc_interface *xch, uint32_t dom, int size, int prot,
			   unsigned long mfn)
{
	unsigned int num = (unsigned int)(size + (1 << XC_PAGE_SHIFT) - 1) >> XC_PAGE_SHIFT;
	xen_pfn_t *arr = calloc(num, sizeof(*arr));
	int *err = calloc(num, sizeof(*err));
	void *addr = NULL;

	for (unsigned int i = 0; arr && i < num; i++)
		arr[i] = mfn + i;
	if (arr && err)
		addr = xc_map_foreign_bulk(xch, dom, prot, arr, err, num);
	for (unsigned int i = 0; addr && i < num; i++)
		if (err[i]) {
			munmap(addr, (size_t)num << XC_PAGE_SHIFT);
			addr = NULL;
			errno = -err[i];
		}
	free(arr);
	free(err);
	return addr;
}
