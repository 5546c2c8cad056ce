/* Loading a static ELF program from the RAM filesystem into a new address space. */
#ifndef EXEC_H
#define EXEC_H

#include "types.h"

struct mm;

struct exec_image {
	struct mm *mm;
	uintptr_t entry, sp;
};

/* argv ends with NULL and lives in kernel memory. */
int exec_load(const char *path, char *const argv[], struct exec_image *image);

#endif
