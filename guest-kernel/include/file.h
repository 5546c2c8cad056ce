/*
 * Open files: what a file descriptor names. Each kind of file supplies its
 * operations; the buffers they get are user addresses. A file is shared by
 * every descriptor dup'ed or inherited from the one open() made, with one
 * offset, and goes when the last of them is closed.
 */
#ifndef FILE_H
#define FILE_H

#include "types.h"

struct file;
struct rnode;

struct file_ops {
	ssize_t (*read)(struct file *f, void *user_buf, size_t n);
	ssize_t (*write)(struct file *f, const void *user_buf, size_t n);
	/* Directories only. */
	ssize_t (*getdents)(struct file *f, void *user_buf, size_t n);
	/* NULL: not a terminal or other device with controls (ENOTTY). */
	long (*ioctl)(struct file *f, unsigned cmd, unsigned long arg);
	/* Devices: sets up f->priv as the device is opened. An error fails
	 * the open; release still runs, and finds priv NULL. */
	int (*open)(struct file *f);
	/* What a read or write would find now, in poll(2)'s bits
	 * (uapi/poll.h), without waiting; whoever changes that calls
	 * wakeup(). NULL: never blocks (POLL_ALWAYS), as regular files,
	 * directories and /dev/null. */
	unsigned (*poll)(struct file *f);
	/* Runs when the last reference goes. */
	void (*release)(struct file *f);
	bool seekable;
	/* mmap(2) gives an empty region whose pages the device's own calls
	 * map (privcmd); other files cannot be mapped. */
	bool maps_pages;
};

struct file {
	const struct file_ops *ops;
	struct rnode *node;            /* a reference of its own */
	unsigned refs;
	int flags;                     /* open(2)'s, less those only open uses */
	uint64_t pos;
	void *priv;                    /* the kind of file's own */
};

extern const struct file_ops regular_file_ops, dir_file_ops;

/* A file open on node with flags, holding a reference to the node. */
struct file *file_alloc(const struct file_ops *ops, struct rnode *node, int flags);
struct file *file_get(struct file *f);
void file_put(struct file *f);
bool file_readable(const struct file *f);
bool file_writable(const struct file *f);
/* A read of f at its offset from bytes [0, size), which are the kernel's. */
ssize_t file_read_bytes(struct file *f, const void *bytes, size_t size, void *user_buf,
			size_t n);

/* A synthetic regular file (ramfs.h) opened: its contents as of now. */
int snapshot_open(struct rnode *n, int flags, struct file **out);

/* Opens path relative to the current process (O_CREAT's mode in mode). */
int file_open(const char *path, int flags, uint32_t mode, struct file **out);

#endif
