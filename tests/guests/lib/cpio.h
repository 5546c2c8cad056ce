/*
 * Files in a cpio archive (newc, as Debian's cpio writes it): how a dom0
 * test guest gets several images through its one boot module.
 */
#ifndef GUEST_CPIO_H
#define GUEST_CPIO_H

#include <stddef.h>

/* The data of the archive's entry called name and its size, or NULL. */
const void *cpio_find(const char *archive, size_t len, const char *name, size_t *size);

#endif
