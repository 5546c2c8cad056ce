/* The kernel's basic types; only the compiler's freestanding headers. */
#ifndef TYPES_H
#define TYPES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef uint64_t phys_addr_t;   /* pseudo-physical under a hypervisor */
typedef int pid_t;

#endif
