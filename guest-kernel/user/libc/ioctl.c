/* ioctl(2): one pointer-sized argument, as every request Linux defines takes. */
#include <stdarg.h>
#include <sys/ioctl.h>

#include "syscall.h"

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	long arg;

	va_start(ap, request);
	arg = va_arg(ap, long);
	va_end(ap);
	return (int)sys_result(syscall3(__NR_ioctl, fd, request, arg));
}
