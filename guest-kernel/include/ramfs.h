/*
 * The RAM filesystem the initrd is unpacked into: a tree of nodes, each
 * file's bytes in one kernel allocation.
 */
#ifndef RAMFS_H
#define RAMFS_H

#include "types.h"

#define S_IFMT 0170000
#define S_IFDIR 0040000
#define S_IFREG 0100000
#define S_IFLNK 0120000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)

struct rnode {
	char *name;
	uint32_t mode;
	struct rnode *parent, *children, *next_sibling;
	uint8_t *data;
	size_t size;
};

void ramfs_init(void);
/* Paths are absolute or relative to the root; no symlink is followed. */
struct rnode *ramfs_lookup(const char *path);
/* Makes path (and any missing directories above it) with mode's type. */
int ramfs_create(const char *path, uint32_t mode, struct rnode **out);
int ramfs_set_data(struct rnode *n, const void *data, size_t size);

#endif
