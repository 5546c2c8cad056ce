/* klogctl(): syslog(2), whose arguments and results need no translation. */
#include <sys/klog.h>

#include "syscall.h"

int klogctl(int type, char *bufp, int len)
{
	return sys_result(syscall3(__NR_syslog, type, bufp, len));
}
