/*
 * Output: dom0 writes over HYPERVISOR_console_io, which needs no ring; a
 * domU writes its console ring (xencons.h).
 */
#ifndef GUEST_CONSOLE_H
#define GUEST_CONSOLE_H

#include <stdarg.h>
#include <stddef.h>

void console_write(const char *s, size_t len);

/* Formats %s %d %u %x %p %%, with an optional l on the integer ones. */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
void printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
