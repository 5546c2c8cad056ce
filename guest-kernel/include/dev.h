/*
 * Character devices: nodes of type S_IFCHR under /dev, made by the kernel
 * at boot (as Linux's devtmpfs does), whose device number picks the
 * driver's file operations when they are opened.
 */
#ifndef DEV_H
#define DEV_H

#include "types.h"

struct file;
struct rnode;

/* Linux's old encoding, which its stat() gives for numbers this small. */
#define DEV_NUMBER(major, minor) ((major) << 8 | (minor))

struct device {
	const char *name;              /* its path under /dev */
	uint32_t number, mode;
	const struct file_ops *ops;
	void (*start)(void);           /* NULL, or the driver's start at boot */
};

extern const struct file_ops console_ops, null_ops;

void dev_init(void);
int dev_open(struct rnode *n, int flags, struct file **out);

#endif
