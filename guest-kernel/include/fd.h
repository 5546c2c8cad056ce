/*
 * The current process's file descriptors: small integers naming open
 * files, each with its own close-on-exec flag.
 */
#ifndef FD_H
#define FD_H

#include "types.h"

struct file;
struct proc;

/* The lowest free descriptor now names f (the caller's reference passes
 * to it); returns that descriptor, or -EMFILE. */
int fd_install(struct file *f, bool cloexec);
/* fd names f from now on (dup2): what it named before is closed. */
int fd_install_at(struct file *f, int fd);
/* The file fd names, or NULL. */
struct file *fd_file(int fd);
int fd_close(int fd);
/* For fork: the child's descriptors name the same files as the parent's. */
void fd_inherit(struct proc *child, const struct proc *parent);
void fd_close_all(struct proc *p);
void fd_close_on_exec(void);

#endif
