/* The serial console and the hypervisor log. */
#ifndef XENITH_CONSOLE_H
#define XENITH_CONSOLE_H

#include "lib.h"

void serial_init(void);
void serial_putc(char c);
int serial_getc(void);              /* -1 when nothing is waiting */

void console_write(const char *s, size_t n);
void log_set_level(const char *name);

#endif
