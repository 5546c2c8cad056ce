/* The hypervisor log: leveled lines on the serial console, prefixed so that
 * they stand apart from what guests write. */
#include "console.h"
#include "machine.h"
#include "spinlock.h"

static enum log_level threshold = LOG_INFO;
static spinlock_t console_lock;

void console_write(const char *s, size_t n)
{
	while (n--)
		serial_putc(*s++);
}

void log_set_level(const char *name)
{
	static const char *const names[] = { "error", "warning", "info", "debug" };

	if (!strcmp(name, "all")) {
		threshold = LOG_DEBUG;
		return;
	}
	for (unsigned i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			threshold = (enum log_level)i;
}

static void log_line(const char *fmt, va_list ap)
{
	char buf[256];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	spin_lock(&console_lock);
	console_write("(xenith) ", 9);
	console_write(buf, MIN((size_t)n, sizeof(buf) - 1));
	console_write("\n", 1);
	spin_unlock(&console_lock);
}

void log_msg(enum log_level lvl, const char *fmt, ...)
{
	va_list ap;

	if (lvl > threshold)
		return;
	va_start(ap, fmt);
	log_line(fmt, ap);
	va_end(ap);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line(fmt, ap);
	va_end(ap);
	print_backtrace(__builtin_frame_address(0));
	machine_exit(MACHINE_EXIT_PANIC);
}
