/* User-memory helpers built on the port's copy_from_user(). */
#ifndef UACCESS_H
#define UACCESS_H

#include "types.h"

/* Copies the string at src, NUL included, into dst (size bytes); returns
 * its length, size if no NUL came within size bytes, or -EFAULT. */
long strncpy_from_user(char *dst, const char *user_src, size_t size);

#endif
