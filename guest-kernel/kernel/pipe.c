/*
 * Pipes. The bytes wait in a ring of one page; a reader sleeps while it is
 * empty and a writer while it is full, each woken by the other's progress
 * or by the other end's last close. Each end is one open file (dup and
 * fork share it), so the pipe counts ends, not descriptors. The pipe and
 * its ends share an anonymous node, which fstat() shows as a FIFO.
 */
#include "arch.h"
#include "errno.h"
#include "file.h"
#include "heap.h"
#include "lib.h"
#include "page_alloc.h"
#include "pipe.h"
#include "proc.h"
#include "ramfs.h"
#include "sched.h"
#include "signal.h"
#include "uapi/fcntl.h"
#include "uapi/poll.h"

#define PIPE_SIZE PAGE_SIZE
/* POSIX's PIPE_BUF: writes up to this size are never interleaved with others. */
#define PIPE_ATOMIC PAGE_SIZE

struct pipe {
	char *buf;
	size_t head, len;              /* the oldest byte; how many there are */
	bool reader, writer;           /* whether each end is still open */
	struct rnode *node;            /* a reference of the pipe's own */
};

static void pipe_free(struct pipe *p)
{
	if (p->node)
		ramfs_put(p->node);
	if (p->buf)
		page_free(p->buf);
	kfree(p);
}

static struct pipe *pipe_new(void)
{
	struct pipe *p = kzalloc(sizeof(*p));
	struct rnode *node;

	if (!p)
		return NULL;
	p->buf = pages_alloc(1);
	node = ramfs_anon(S_IFIFO | 0600);
	if (node)
		p->node = ramfs_get(node);
	if (!p->buf || !p->node) {
		pipe_free(p);
		return NULL;
	}
	return p;
}

/* Copies out up to n bytes from the ring's head, in at most two pieces. */
static int ring_take(struct pipe *p, char *user_buf, size_t n)
{
	size_t first = MIN(n, PIPE_SIZE - p->head);

	if (copy_to_user(user_buf, p->buf + p->head, first) ||
	    copy_to_user(user_buf + first, p->buf, n - first))
		return -EFAULT;
	p->head = (p->head + n) % PIPE_SIZE;
	p->len -= n;
	return 0;
}

static int ring_put(struct pipe *p, const char *user_buf, size_t n)
{
	size_t tail = (p->head + p->len) % PIPE_SIZE, first = MIN(n, PIPE_SIZE - tail);

	if (copy_from_user(p->buf + tail, user_buf, first) ||
	    copy_from_user(p->buf, user_buf + first, n - first))
		return -EFAULT;
	p->len += n;
	return 0;
}

/* End of file once the pipe is empty and its write end closed. */
static ssize_t pipe_read(struct file *f, void *user_buf, size_t n)
{
	struct pipe *p = f->priv;
	size_t take;
	int rc;

	if (!n)
		return 0;
	while (!p->len) {
		if (!p->writer)
			return 0;
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		rc = sleep_on(p);
		if (rc)
			return rc;
	}
	take = MIN(n, p->len);
	rc = ring_take(p, user_buf, take);
	if (rc)
		return rc;
	wakeup(p);
	return (ssize_t)take;
}

/* Waits until `want` bytes fit or the read end is gone (-EPIPE). */
static int wait_for_room(struct file *f, struct pipe *p, size_t want)
{
	int rc;

	while (p->reader && PIPE_SIZE - p->len < want) {
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		rc = sleep_on(p);
		if (rc)
			return rc;
	}
	return p->reader ? 0 : -EPIPE;
}

/* Writing with no reader left raises SIGPIPE, whose default ends the
 * writer, as well as failing with EPIPE. Bytes written before an error
 * are still reported. */
static ssize_t pipe_write(struct file *f, const void *user_buf, size_t n)
{
	struct pipe *p = f->priv;
	size_t done = 0;
	int rc = 0;

	while (done < n && !rc) {
		size_t chunk;

		rc = wait_for_room(f, p, n - done <= PIPE_ATOMIC ? n - done : 1);
		if (rc)
			break;
		chunk = MIN(n - done, PIPE_SIZE - p->len);
		rc = ring_put(p, (const char *)user_buf + done, chunk);
		if (!rc)
			done += chunk;
		wakeup(p);
	}
	if (rc == -EPIPE)
		signal_send(current, SIGPIPE);
	return done ? (ssize_t)done : rc;
}

/* As Linux's: end of file shows as POLLHUP, and a lost reader as POLLERR
 * beside whatever room is left. Any room is POLLOUT, though a write of
 * more than that, up to PIPE_ATOMIC, still waits for all of it. */
static unsigned poll_read_end(struct file *f)
{
	struct pipe *p = f->priv;

	return (p->len ? POLL_READABLE : 0) | (p->writer ? 0 : POLLHUP);
}

static unsigned poll_write_end(struct file *f)
{
	struct pipe *p = f->priv;

	return (p->len < PIPE_SIZE ? POLL_WRITABLE : 0) | (p->reader ? 0 : POLLERR);
}

static void end_closed(struct pipe *p)
{
	wakeup(p);
	if (!p->reader && !p->writer)
		pipe_free(p);
}

static void release_read_end(struct file *f)
{
	struct pipe *p = f->priv;

	p->reader = false;
	end_closed(p);
}

static void release_write_end(struct file *f)
{
	struct pipe *p = f->priv;

	p->writer = false;
	end_closed(p);
}

static const struct file_ops read_end_ops = {
	.read = pipe_read,
	.poll = poll_read_end,
	.release = release_read_end,
};

static const struct file_ops write_end_ops = {
	.write = pipe_write,
	.poll = poll_write_end,
	.release = release_write_end,
};

int pipe_create(int flags, struct file **read_end, struct file **write_end)
{
	struct pipe *p = pipe_new();

	if (!p)
		return -ENOMEM;
	*read_end = file_alloc(&read_end_ops, p->node, O_RDONLY | flags);
	*write_end = file_alloc(&write_end_ops, p->node, O_WRONLY | flags);
	if (*read_end) {
		(*read_end)->priv = p;
		p->reader = true;
	}
	if (*write_end) {
		(*write_end)->priv = p;
		p->writer = true;
	}
	if (*read_end && *write_end)
		return 0;
	/* Closing the end there is frees the pipe with it. */
	if (*read_end)
		file_put(*read_end);
	else if (*write_end)
		file_put(*write_end);
	else
		pipe_free(p);
	return -ENOMEM;
}
