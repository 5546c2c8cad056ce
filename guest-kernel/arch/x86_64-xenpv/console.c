/*
 * Domain 0's console is the hypervisor's serial line, through console_io.
 * A domU would use its console ring instead: console_io is dom0-only on
 * release builds of Xen.
 */
#include "hypercall.h"
#include "xenpv.h"

void arch_console_write(const char *s, size_t n)
{
	HYPERVISOR_console_io(CONSOLEIO_write, n, s);
}

size_t arch_console_poll(char *buf, size_t n)
{
	long got = HYPERVISOR_console_io(CONSOLEIO_read, n, buf);

	return got > 0 ? (size_t)got : 0;
}
