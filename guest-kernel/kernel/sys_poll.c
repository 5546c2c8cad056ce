/*
 * poll(2). Each pass asks every file what it would do now (file_ops.poll);
 * with nothing ready, the caller sleeps until any wakeup at all, or its
 * timeout, and asks again. The kernel runs with interrupts off and is
 * never preempted, so no wakeup falls between a pass and the sleep.
 */
#include "arch.h"
#include "clock.h"
#include "errno.h"
#include "fd.h"
#include "file.h"
#include "sched.h"
#include "syscall.h"
#include "uapi/poll.h"

/* Linux refuses more entries than RLIMIT_NOFILE, 1024 by default. */
#define POLL_FDS_MAX 1024
#define NSEC_PER_MSEC 1000000ULL

/* A negative descriptor is skipped; a closed one is POLLNVAL. POLLERR
 * and POLLHUP are reported whether asked for or not. */
static short poll_entry(const struct kernel_pollfd *p)
{
	struct file *f;
	unsigned ready;

	if (p->fd < 0)
		return 0;
	f = fd_file(p->fd);
	if (!f)
		return POLLNVAL;
	ready = f->ops->poll ? f->ops->poll(f) : POLL_ALWAYS;
	return (short)(ready & ((unsigned short)p->events | POLLERR | POLLHUP));
}

/* Writes every entry's revents; how many are not 0, or -EFAULT. */
static long poll_pass(struct kernel_pollfd *user_fds, unsigned long nfds)
{
	struct kernel_pollfd p;
	long ready = 0;

	for (unsigned long i = 0; i < nfds; i++) {
		if (copy_from_user(&p, &user_fds[i], sizeof(p)))
			return -EFAULT;
		p.revents = poll_entry(&p);
		if (copy_to_user(&user_fds[i].revents, &p.revents, sizeof(p.revents)))
			return -EFAULT;
		ready += p.revents != 0;
	}
	return ready;
}

/* A timeout below 0 waits for ever; 0 only looks. */
long sys_poll(const unsigned long *arg)
{
	struct kernel_pollfd *fds = (struct kernel_pollfd *)arg[0];
	unsigned long nfds = arg[1];
	int timeout = (int)arg[2];
	uint64_t deadline = timeout > 0 ? clock_ns() + (uint64_t)timeout * NSEC_PER_MSEC : 0;
	long ready;

	if (nfds > POLL_FDS_MAX)
		return -EINVAL;
	for (;;) {
		ready = poll_pass(fds, nfds);
		if (ready || !timeout || (deadline && clock_ns() >= deadline))
			return ready;
		if (sleep_on_any(deadline))
			return -EINTR;
	}
}
