/* Kernel messages go to the console the port provides. */
#ifndef PRINTK_H
#define PRINTK_H

#include "types.h"

void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void __attribute__((noreturn, format(printf, 1, 2))) panic(const char *fmt, ...);

#define BUG_ON(cond)                                                         \
	do {                                                                 \
		if (cond)                                                    \
			panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)

#endif
