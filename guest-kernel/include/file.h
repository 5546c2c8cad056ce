/*
 * Open files: what a file descriptor names. Each kind of file supplies its
 * operations; the buffers they get are user addresses.
 */
#ifndef FILE_H
#define FILE_H

#include "types.h"

struct file;

struct file_ops {
	ssize_t (*read)(struct file *f, void *user_buf, size_t n);
	ssize_t (*write)(struct file *f, const void *user_buf, size_t n);
};

struct file {
	const struct file_ops *ops;
	unsigned refs;
};

struct file *file_get(struct file *f);
void file_put(struct file *f);
/* The current process's file for fd, or NULL. */
struct file *fd_file(int fd);

#endif
