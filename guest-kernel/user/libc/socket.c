/* socket(2), connect(2) and send(2) (sendto without an address), passed to
 * the kernel as Linux numbers them. */
#include <sys/socket.h>

#include "syscall.h"

int socket(int domain, int type, int protocol)
{
	return (int)sys_result(syscall3(__NR_socket, domain, type, protocol));
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	return (int)sys_result(syscall3(__NR_connect, fd, addr, len));
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	return sys_result(syscall6(__NR_sendto, fd, (long)buf, (long)len, flags, 0, 0));
}
