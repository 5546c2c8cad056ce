/* Unpacking a cpio archive in the "newc" format into the RAM filesystem. */
#ifndef CPIO_H
#define CPIO_H

#include "types.h"

/* Returns the number of entries unpacked, or a negative errno. */
int cpio_unpack(const void *archive, size_t size);

#endif
