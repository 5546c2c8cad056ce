/*
 * The RAM filesystem the initrd is unpacked into: a tree of nodes, each
 * regular file's bytes in one kernel allocation.
 *
 * A node lives while it is in the tree or referenced (by an open file or a
 * working directory): unlinking takes it out of the tree, and the last
 * ramfs_put() of a node out of the tree frees it, as Unix keeps an open
 * file's data after its last name is gone. A node out of the tree has no
 * parent; the root is its own parent.
 */
#ifndef RAMFS_H
#define RAMFS_H

#include "types.h"
#include "uapi/stat.h"

#define NAME_MAX 255

struct rnode;

/*
 * A synthetic node (procfs.c): the kernel makes its entries and its
 * contents. System calls may read it, but neither write it nor add or
 * remove entries in it.
 */
struct synth_ops {
	/* A directory's: brings its entries up to date before they are read. */
	void (*refresh)(struct rnode *dir);
	/* A regular file's: writes its contents as they are now into buf
	 * (size bytes); returns their length as snprintf does, or -errno. */
	int (*show)(const struct rnode *n, char *buf, size_t size);
};

struct rnode {
	char *name;
	uint32_t mode;
	uint32_t rdev;                 /* a device node's device number */
	unsigned long ino;
	unsigned refs;
	struct rnode *parent, *children, *next_sibling;
	/* Children are kept in creation order with rising cookies, which
	 * getdents64 resumes from: removing one moves no other. */
	unsigned long cookie, next_cookie;
	uint64_t mtime;                /* seconds since 1970 */
	uint8_t *data;
	size_t size, capacity;
	const struct synth_ops *synth;  /* NULL but for synthetic nodes */
};

void ramfs_init(void);
struct rnode *ramfs_root(void);
bool ramfs_linked(const struct rnode *n);
/* The child of dir called name (n bytes; "." and ".." included), or NULL. */
struct rnode *ramfs_step(struct rnode *dir, const char *name, size_t n);
/* Brings a synthetic directory's entries up to date; ramfs_step() does. */
void ramfs_refresh(struct rnode *dir);
/* A new node in dir (which must be a directory in the tree) called name,
 * which must not exist yet. */
int ramfs_add(struct rnode *dir, const char *name, size_t n, uint32_t mode,
	      struct rnode **out);
/* A node in no directory (a pipe's), freed by its last ramfs_put(). */
struct rnode *ramfs_anon(uint32_t mode);
/* Takes n out of the tree; a directory must be empty. */
void ramfs_unlink(struct rnode *n);
struct rnode *ramfs_get(struct rnode *n);
void ramfs_put(struct rnode *n);
/* The first child whose cookie is at least `from`, or NULL. */
struct rnode *ramfs_child_from(struct rnode *dir, unsigned long from);
unsigned long ramfs_subdirs(const struct rnode *dir);

/* File contents (ramfs_data.c); the buffers are the kernel's. */
int ramfs_set_data(struct rnode *n, const void *data, size_t size);
int ramfs_truncate(struct rnode *n, size_t size);
/* Makes room for [0, end) and marks the file modified; end may be past its size. */
int ramfs_reserve(struct rnode *n, size_t end);

#endif
