/*
 * The log ring and syslog(2). The ring holds the last KLOG_SIZE of the
 * `head` bytes ever written, byte i at ring[i % KLOG_SIZE]. A reader gets
 * whole lines only, as Linux's log records never come in pieces: a line
 * whose start is gone, or falls before what the reader has room for, is
 * left out.
 */
#include "arch.h"
#include "errno.h"
#include "klog.h"
#include "lib.h"
#include "syscall.h"
#include "uapi/syscall_nr.h"

static char ring[KLOG_SIZE];
static uint64_t head;

void klog_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ring[head++ % KLOG_SIZE] = s[i];
}

/* A line starts at byte `at` if the byte before it, still in the ring,
 * ends one. */
static bool line_starts(uint64_t at, uint64_t oldest)
{
	return at == 0 || (at > oldest && ring[(at - 1) % KLOG_SIZE] == '\n');
}

/* The first byte of the whole lines that fit in len. */
static uint64_t read_start(size_t len)
{
	uint64_t oldest = head > KLOG_SIZE ? head - KLOG_SIZE : 0;
	uint64_t start = head - MIN(head - oldest, len);

	while (start < head && !line_starts(start, oldest))
		start++;
	return start;
}

/* Bytes [from, head) to the user, in at most two pieces. */
static long copy_out(char *user_buf, uint64_t from)
{
	size_t n = head - from, at = from % KLOG_SIZE, first = MIN(n, KLOG_SIZE - at);

	if (copy_to_user(user_buf, ring + at, first) ||
	    copy_to_user(user_buf + first, ring, n - first))
		return -EFAULT;
	return (long)n;
}

/* syslog(type, buf, len): reading wants a buffer and a length that is
 * not negative, as Linux checks them. The rest of Linux's actions (the
 * destructive read, clearing, console levels) are not kept. */
long sys_syslog(const unsigned long *arg)
{
	char *user_buf = (char *)arg[1];
	int len = (int)arg[2];

	switch ((int)arg[0]) {
	case SYSLOG_ACTION_READ_ALL:
		if (!user_buf || len < 0)
			return -EINVAL;
		return copy_out(user_buf, read_start((size_t)len));
	case SYSLOG_ACTION_SIZE_BUFFER:
		return KLOG_SIZE;
	}
	return -EINVAL;
}
