/* Memory calls: sbrk() for newlib's malloc over Linux's brk, and anonymous
 * mmap()/munmap(), whose flags programs take from Linux's own header
 * through <sys/mman.h>. */
#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include "syscall.h"

/* Linux's brk(addr) returns the break it ends up with, the old one when it
 * refuses; brk(0) only asks. It never fails with an errno. */
void *sbrk(ptrdiff_t incr)
{
	static char *brk_end;
	char *old, *new;

	if (!brk_end)
		brk_end = (char *)syscall1(__NR_brk, 0);
	old = brk_end;
	new = (char *)syscall1(__NR_brk, old + incr);
	if (new != old + incr) {
		errno = ENOMEM;
		return (void *)-1;
	}
	brk_end = new;
	return old;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
	return (void *)sys_result(syscall6(__NR_mmap, (long)addr, len, prot,
					   flags, fd, offset));
}

int munmap(void *addr, size_t len)
{
	return sys_result(syscall2(__NR_munmap, addr, len));
}
