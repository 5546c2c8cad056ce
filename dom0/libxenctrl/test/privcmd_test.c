/*
 * /dev/xen/privcmd from dom0's userland, hostile calls included: each
 * gets Linux's or Xen's answer and nothing else notices. Prints a line per
 * failed check, then "privcmd_test: N passed, N failed"; exits 1 on any
 * failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/ioctl.h>
#include <xen/xen.h>
#include <xen/version.h>
#include <xen/sys/privcmd.h>

#define CHECK(cond) check((cond) != 0, #cond, __LINE__)

static int passed, failed;

static void check(int ok, const char *what, int line)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("privcmd_test: FAIL line %d: %s (errno %d)\n", line, what, errno);
}

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

int main(void)
{
	int fd = open("/dev/xen/privcmd", O_RDWR);
	privcmd_mmapbatch_v2_t batch = { 0 };

	CHECK(fd >= 0);
	CHECK(call(fd, __HYPERVISOR_xen_version, XENVER_version, 0) == (4 << 16 | 17));
	CHECK(ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, (void *)16) == -1 && errno == EFAULT);
	CHECK(call(fd, 128, 0, 0) == -1 && errno == EINVAL);
	CHECK(call(fd, ~0ULL, 0, 0) == -1 && errno == EINVAL);
	CHECK(call(fd, 127, 0, 0) == -1 && errno == ENOSYS);
	CHECK(ioctl(fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &batch) == -1 && errno == ENOSYS);
	CHECK(ioctl(fd, _IOC(_IOC_NONE, 'P', 99, 8), 0) == -1 && errno == ENOTTY);
	check_buffers(fd);
	close(fd);
	printf("privcmd_test: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
