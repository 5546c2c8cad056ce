/* The kernel heap: small objects from pages split by size class. */
#ifndef HEAP_H
#define HEAP_H

#include "types.h"

void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(void *p);

#endif
