/* Kernel errno values (Linux's) into the ones newlib's <errno.h> names. */
#include <errno.h>

#include "abi.h"
#include "syscall.h"

/* Linux keeps the top 4095 values of the address space for errors, so that
 * mmap() and brk() results share the convention. */
#define MAX_ERRNO 4095

static const int newlib_errno[N_ERRNOS] = { ERRNO_NAMES(ABI_VALUE) };

long sys_result(long ret)
{
	int err;

	if ((unsigned long)ret < (unsigned long)-MAX_ERRNO)
		return ret;
	err = abi_map((int)-ret, linux_errno, newlib_errno, N_ERRNOS);
	/* A value newlib cannot name still has to read as a failure. */
	errno = err < 0 ? EIO : err;
	return -1;
}
