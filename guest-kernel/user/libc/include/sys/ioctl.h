/* ioctl(2) as glibc declares it: the request and its argument pass to the
 * kernel unchanged (Linux's numbers, from the driver's own header). */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

int ioctl(int fd, unsigned long request, ...);

#endif
