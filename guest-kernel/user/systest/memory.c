/*
 * Memory: anonymous mmap and munmap (pages made on first touch, by user
 * code and by the kernel's own copies), their protections, brk, fork's
 * copy-on-write, and running out of memory in one process without the
 * rest noticing. Hostile arguments get Linux's errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define PAGE 4096
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define BIG (8 << 20)

static char *map(void *hint, size_t len, int prot, int flags)
{
	return mmap(hint, len, prot, flags, -1, 0);
}

/* Whether touching p (writing if write) in a child kills it with SIGSEGV. */
static int touch_faults(volatile char *p, int write)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		_exit(0);
	}
	status = wait_status(pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

static int all_zero(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i])
			return 0;
	return 1;
}

static void test_bad_args(void)
{
	int fd = open("/init", O_RDONLY);

	CHECK(map(NULL, 0, PROT_READ, ANON) == MAP_FAILED && errno == EINVAL);
	CHECK(mmap(NULL, PAGE, PROT_READ, ANON, -1, 1) == MAP_FAILED && errno == EINVAL);
	CHECK(map(NULL, PAGE, 0x80, ANON) == MAP_FAILED && errno == EINVAL);
	CHECK(map(NULL, PAGE, PROT_READ, MAP_ANONYMOUS) == MAP_FAILED && errno == EINVAL);
	CHECK(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0) == MAP_FAILED && errno == EBADF);
	CHECK(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED && errno == ENODEV);
	CHECK(map(NULL, PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS) == MAP_FAILED &&
	      errno == ENOSYS);
	CHECK(map((void *)0x10000001, PAGE, PROT_READ, ANON | MAP_FIXED) == MAP_FAILED &&
	      errno == EINVAL);
	CHECK(map(NULL, PAGE, PROT_READ, ANON | MAP_FIXED) == MAP_FAILED && errno == EPERM);
	CHECK(map((void *)0x10000000, (size_t)1 << 62, PROT_READ, ANON | MAP_FIXED) ==
	      MAP_FAILED && errno == ENOMEM);
	CHECK(map(NULL, (size_t)1 << 40, PROT_READ, ANON) == MAP_FAILED && errno == ENOMEM);
	CHECK(map(NULL, SIZE_MAX, PROT_READ, ANON) == MAP_FAILED && errno == ENOMEM);
	CHECK(munmap((void *)0x10000001, PAGE) == -1 && errno == EINVAL);
	CHECK(munmap((void *)0x10000000, 0) == -1 && errno == EINVAL);
	CHECK(munmap((void *)0xffff800000000000, PAGE) == -1 && errno == EINVAL);
	CHECK(munmap((void *)0x10000000, (size_t)1 << 46) == 0);
	close(fd);
}

static void test_map_unmap(void)
{
	char *p = map(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, ANON), *q;

	CHECK(p != MAP_FAILED && ((uintptr_t)p & (PAGE - 1)) == 0);
	if (!(p != MAP_FAILED && ((uintptr_t)p & (PAGE - 1)) == 0))
		return;
	CHECK(all_zero(p, 3 * PAGE));
	memset(p, 'a', 3 * PAGE);
	/* MAP_FIXED replaces the middle page with a fresh one. */
	q = map(p + PAGE, PAGE, PROT_READ | PROT_WRITE, ANON | MAP_FIXED);
	CHECK(q == p + PAGE && all_zero(q, PAGE) && p[0] == 'a' && p[2 * PAGE] == 'a');
	CHECK(munmap(p + PAGE, PAGE) == 0);
	CHECK(touch_faults(p + PAGE, 0) && !touch_faults(p, 1) && !touch_faults(p + 2 * PAGE, 1));
	CHECK(p[0] == 'a' && p[2 * PAGE + PAGE - 1] == 'a');
	CHECK(munmap(p, 3 * PAGE) == 0 && touch_faults(p, 0) && touch_faults(p + 2 * PAGE, 0));
	/* A large region costs nothing until touched (8 MiB: a domU may have 16). */
	p = map(NULL, BIG, PROT_READ | PROT_WRITE, ANON);
	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return;
	p[BIG - 1] = 'z';
	CHECK(p[BIG - 1] == 'z' && p[0] == 0 && munmap(p, BIG) == 0);
}

static void test_protections(void)
{
	char *ro = map(NULL, PAGE, PROT_READ, ANON), *none = map(NULL, PAGE, PROT_NONE, ANON);
	int fds[2];

	CHECK(ro != MAP_FAILED && none != MAP_FAILED);
	if (!(ro != MAP_FAILED && none != MAP_FAILED))
		return;
	CHECK(ro[0] == 0 && touch_faults(ro, 1));
	CHECK(touch_faults(none, 0) && touch_faults(none, 1));
	/* The kernel's writes into user memory obey them too. */
	pipe(fds);
	write(fds[1], "x", 1);
	CHECK(read(fds[0], ro, 1) == -1 && errno == EFAULT);
	close(fds[0]);
	close(fds[1]);
	munmap(ro, PAGE);
	munmap(none, PAGE);
}

/* The kernel writes into a page neither side has touched, and into a shared one. */
static void test_kernel_touch(void)
{
	char *fresh = map(NULL, PAGE, PROT_READ | PROT_WRITE, ANON);
	static char shared[PAGE] = "parent";
	int fds[2];
	pid_t pid;

	pipe(fds);
	write(fds[1], "kernel", 7);
	CHECK(read(fds[0], fresh, 7) == 7 && strcmp(fresh, "kernel") == 0);
	pid = fork();
	if (pid == 0) {
		write(fds[1], "child", 6);
		_exit(read(fds[0], shared, 6) == 6 && strcmp(shared, "child") == 0 ? 0 : 1);
	}
	CHECK(wait_status(pid) == 0 && strcmp(shared, "parent") == 0);
	close(fds[0]);
	close(fds[1]);
	munmap(fresh, PAGE);
}

static void test_copy_on_write(void)
{
	static int data = 1;
	char *heap = sbrk(PAGE), *anon = map(NULL, PAGE, PROT_READ | PROT_WRITE, ANON);
	pid_t pid;

	CHECK(heap != (void *)-1 && anon != MAP_FAILED);
	if (!(heap != (void *)-1 && anon != MAP_FAILED))
		return;
	heap[0] = anon[0] = 'p';
	pid = fork();
	if (pid == 0) {
		int saw = data == 1 && heap[0] == 'p' && anon[0] == 'p';

		data = 2;
		heap[0] = anon[0] = 'c';
		_exit(saw && data == 2 && heap[0] == 'c' && anon[0] == 'c' ? 0 : 1);
	}
	CHECK(wait_status(pid) == 0);
	CHECK(data == 1 && heap[0] == 'p' && anon[0] == 'p');
	/* The child is gone: the parent's pages are its own again. */
	data = 3;
	heap[0] = anon[0] = 'q';
	CHECK(data == 3 && heap[0] == 'q' && anon[0] == 'q');
	sbrk(-PAGE);
	munmap(anon, PAGE);
}

/* The largest region mmap grants now, to a MiB: the memory free, since
 * the kernel refuses any one promise beyond that. */
static size_t free_memory(void)
{
	size_t lo = 0, hi = (size_t)1 << 40;

	while (hi - lo > 1 << 20) {
		size_t mid = (lo + (hi - lo) / 2) & ~(size_t)((1 << 20) - 1);
		char *p = map(NULL, mid, PROT_READ, ANON);

		if (p == MAP_FAILED) {
			hi = mid;
		} else {
			munmap(p, mid);
			lo = mid;
		}
	}
	return lo;
}

static void touch_all(char *p, size_t len)
{
	for (size_t i = 0; i < len; i += PAGE)
		p[i]++;
}

/* Copy-on-write promises nothing up front: a child that writes all of
 * a parent's large region runs out at a fault, and is killed. */
static void __attribute__((noreturn)) copy_hog(size_t len)
{
	char *p = map(NULL, len, PROT_READ | PROT_WRITE, ANON);
	pid_t pid;

	if (p == MAP_FAILED)
		_exit(3);
	touch_all(p, len);
	pid = fork();
	if (pid == 0) {
		touch_all(p, len);
		_exit(0);
	}
	_exit(wait_status(pid) == SIGKILL ? 0 : 4);
}

static int status_of(pid_t pid)
{
	int status = wait_status(pid);

	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* A process that eats all memory is killed; the rest carry on, and every
 * page comes back. */
static void test_out_of_memory(void)
{
	size_t before = free_memory(), after;
	pid_t pid = fork();

	if (pid == 0)
		copy_hog(before / 5 * 3);
	CHECK(status_of(pid) == 0);
	after = free_memory();
	CHECK(before >= 4 << 20 && after + (1 << 20) >= before);
}

void test_memory(void)
{
	test_bad_args();
	test_map_unmap();
	test_protections();
	test_kernel_touch();
	test_copy_on_write();
	test_out_of_memory();
}
