/*
 * /dev/xen/privcmd from dom0's userland, hostile calls included: each
 * gets Linux's or Xen's answer and nothing else notices. Hypercalls by
 * hand, then a domain made through libxenctrl whose frame dom0 maps.
 * Prints a line per failed check, then "privcmd_test: N passed, N
 * failed"; exits 1 on any failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/ioctl.h>
#include <xen/xen.h>
#include <xen/version.h>
#include <xen/sys/privcmd.h>

#include "xc.h"

#include "check.h"


static long call(int fd, uint64_t op, uint64_t a1, uint64_t a2)
{
	privcmd_hypercall_t h = { .op = op, .arg = { a1, a2 } };

	return ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h);
}

/* Buffers Xen cannot write: never mapped, and mapped read-only. */
static void check_buffers(int fd)
{
	char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	static xen_extraversion_t extra;

	CHECK(call(fd, __HYPERVISOR_xen_version, XENVER_extraversion, 16) == -1 &&
	      errno == EFAULT);
	CHECK(ro != MAP_FAILED && ro[0] == 0);
	CHECK(call(fd, __HYPERVISOR_xen_version, XENVER_extraversion, (uintptr_t)ro) == -1 &&
	      errno == EFAULT);
	extra[0] = 1;
	CHECK(call(fd, __HYPERVISOR_xen_version, XENVER_extraversion, (uintptr_t)extra) == 0 &&
	      extra[0] == '.');
	munmap(ro, 4096);
}

/* As xl create asks for a PV domain (libxl__domain_make). */
static uint32_t make_domain(xc_interface *xch, xen_pfn_t *mfn)
{
	struct xen_domctl_createdomain config = {
		.max_vcpus = 1,
		.max_evtchn_port = 1023,
		.max_grant_frames = -1,
		.max_maptrack_frames = -1,
		.grant_opts = XEN_DOMCTL_GRANT_version(1),
	};
	uint32_t domid = DOMID_INVALID;

	*mfn = 0;
	CHECK(xc_domain_create(xch, &domid, &config) == 0);
	CHECK(xc_domain_setmaxmem(xch, domid, 4) == 0);
	CHECK(xc_domain_populate_physmap_exact(xch, domid, 1, 0, 0, mfn) == 0);
	return domid;
}

/* A child does not inherit the mapping: touching it kills the child only. */
static void check_not_inherited(volatile char *p)
{
	pid_t pid = fork();
	int status = -1;

	if (pid == 0)
		_exit(p[0]);
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
}

/* Batches that are not privcmd's to map, or cannot be read or answered. */
static void check_bad_batches(int fd, uint32_t domid, const xen_pfn_t *mfn)
{
	char *anon = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *dev = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	int err;
	privcmd_mmapbatch_v2_t b = { .num = 1, .dom = domid, .arr = mfn, .err = &err };

	CHECK(anon != MAP_FAILED && dev != MAP_FAILED);
	b.addr = (uintptr_t)anon;
	CHECK(ioctl(fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &b) == -1 && errno == EINVAL);
	b.addr = (uintptr_t)dev;
	b.num = 2;
	CHECK(ioctl(fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &b) == -1 && errno == EINVAL);
	b.num = 0;
	CHECK(ioctl(fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &b) == -1 && errno == EINVAL);
	b.num = 1;
	b.err = (int *)16;
	CHECK(ioctl(fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &b) == -1 && errno == EFAULT);
	b.err = &err;
	b.arr = (const xen_pfn_t *)16;
	CHECK(ioctl(fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &b) == -1 && errno == EFAULT);
	munmap(anon, 8192);
	munmap(dev, 4096);
}

/* The domain's one frame: written through one mapping, read through another. */
static void check_foreign(int fd)
{
	xc_interface *xch = xc_interface_open(NULL, NULL, 0);
	xen_pfn_t arr[2];
	int err[2] = { 1, 1 };
	uint32_t domid;
	char *p;

	CHECK(xch != NULL);
	if (!xch)
		return;
	domid = make_domain(xch, &arr[0]);
	arr[1] = 0x7fffffff;
	p = xc_map_foreign_bulk(xch, domid, PROT_READ | PROT_WRITE, arr, err, 2);
	CHECK(p && err[0] == 0 && err[1] < 0);
	if (p) {
		strcpy(p, "written by dom0");
		check_not_inherited(p);
		CHECK(munmap(p, 8192) == 0);
	}
	p = xc_map_foreign_bulk(xch, domid, PROT_READ, arr, err, 1);
	CHECK(p && err[0] == 0 && !strcmp(p, "written by dom0"));
	if (p)
		CHECK(munmap(p, 4096) == 0);
	check_bad_batches(fd, domid, arr);
	CHECK(xc_domain_destroy(xch, domid) == 0);
	xc_interface_close(xch);
}

int main(void)
{
	int fd = open("/dev/xen/privcmd", O_RDWR);
	privcmd_mmapbatch_t batch = { 0 };
	check_name = "privcmd_test";

	CHECK(fd >= 0);
	CHECK(call(fd, __HYPERVISOR_xen_version, XENVER_version, 0) == (4 << 16 | 17));
	CHECK(ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, (void *)16) == -1 && errno == EFAULT);
	CHECK(call(fd, 128, 0, 0) == -1 && errno == EINVAL);
	CHECK(call(fd, ~0ULL, 0, 0) == -1 && errno == EINVAL);
	CHECK(call(fd, 127, 0, 0) == -1 && errno == ENOSYS);
	CHECK(ioctl(fd, IOCTL_PRIVCMD_MMAPBATCH, &batch) == -1 && errno == ENOSYS);
	CHECK(ioctl(fd, _IOC(_IOC_NONE, 'P', 99, 8), 0) == -1 && errno == ENOTTY);
	check_buffers(fd);
	check_foreign(fd);
	close(fd);
	return check_summary();
}
