/* poll(2)'s events and its struct pollfd as Linux's x86-64 ABI has them
 * (asm-generic/poll.h). */
#ifndef UAPI_POLL_H
#define UAPI_POLL_H

#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLNVAL 0x0020
#define POLLRDNORM 0x0040
#define POLLWRNORM 0x0100

/* What a file that cannot block is: Linux's DEFAULT_POLLMASK. */
#define POLL_ALWAYS (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)
#define POLL_READABLE (POLLIN | POLLRDNORM)
#define POLL_WRITABLE (POLLOUT | POLLWRNORM)

struct kernel_pollfd {
	int fd;
	short events;
	short revents;
};

#endif
