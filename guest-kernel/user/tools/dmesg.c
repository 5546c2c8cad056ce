/* dmesg: the kernel log as the kernel still holds it, oldest first,
 * through klogctl() (syslog(2)), sized as util-linux's dmesg sizes it. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/klog.h>
#include <unistd.h>

int main(void)
{
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0), n;
	char *buf = size > 0 ? malloc(size) : NULL;

	n = buf ? klogctl(SYSLOG_ACTION_READ_ALL, buf, size) : -1;
	if (n < 0) {
		perror("dmesg");
		return 1;
	}
	return write(1, buf, n) == n ? 0 : 1;
}
