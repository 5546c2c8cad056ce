/*
 * Error numbers as Linux gives them (asm-generic/errno-base.h), so that a
 * C library built for Linux reads them right. System calls return -errno.
 */
#ifndef ERRNO_H
#define ERRNO_H

#define ENOENT 2
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EEXIST 17
#define ENOTDIR 20
#define EINVAL 22
#define ENAMETOOLONG 36
#define ENOSYS 38

#endif
