/* poll(2) as glibc declares it, which newlib does not: the events and
 * struct pollfd are Linux's own (<asm/poll.h>) and pass to the kernel as
 * they are. */
#ifndef _POLL_H
#define _POLL_H

#include <asm/poll.h>

typedef unsigned long nfds_t;

int poll(struct pollfd *fds, nfds_t nfds, int timeout);

#endif
