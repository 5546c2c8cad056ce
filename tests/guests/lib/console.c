#include "console.h"
#include "hypercall.h"

void console_write(const char *s, size_t len)
{
	HYPERVISOR_console_io(CONSOLEIO_write, (int)len, s);
}

/* One console_io call per printf keeps lines whole in the hypervisor's log. */
void printf(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	console_write(line, len < (int)sizeof(line) ? (size_t)len : sizeof(line) - 1);
}
