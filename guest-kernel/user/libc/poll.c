/* poll(2): its arguments pass to the kernel unchanged (<poll.h>). */
#include <poll.h>

#include "syscall.h"

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	return (int)sys_result(syscall3(__NR_poll, fds, nfds, timeout));
}
