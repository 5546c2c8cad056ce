/* Anonymous memory mappings. newlib has no <sys/mman.h> of its own for a
 * bare target; the PROT_ and MAP_ values are the kernel's, Linux's, and
 * pass to it unchanged. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <linux/mman.h>

#define MAP_FAILED ((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset);
int munmap(void *addr, size_t len);

#endif
