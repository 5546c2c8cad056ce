/* klogctl(), glibc's name for syslog(2) (the kernel log; syslog(3) is
 * another thing). glibc leaves the actions to the caller; Linux's numbers
 * are named here, as its include/linux/syslog.h names them, so that a
 * program defining them itself sees the same values. */
#ifndef _SYS_KLOG_H
#define _SYS_KLOG_H

#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_SIZE_BUFFER 10

int klogctl(int type, char *bufp, int len);

#endif
