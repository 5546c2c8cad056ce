/* Kernel messages, stamped with the time since boot as Linux's are, to
 * the console and the kernel log. */
#include "arch.h"
#include "klog.h"
#include "lib.h"
#include "printk.h"

#define LINE_MAX 256

static void vprintk(const char *fmt, va_list ap)
{
	char line[LINE_MAX];
	uint64_t ns = arch_clock_ns();
	size_t len;
	int n;

	n = snprintf(line, sizeof(line), "[%5lu.%06lu] ", (unsigned long)(ns / 1000000000),
		     (unsigned long)(ns % 1000000000 / 1000));
	n += vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	len = MIN((size_t)n, sizeof(line) - 1);
	klog_write(line, len);
	arch_console_write(line, len);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

void panic(const char *fmt, ...)
{
	static bool panicking;
	char msg[LINE_MAX];
	va_list ap;

	/* A panic while printing the first one must still stop the machine. */
	if (panicking)
		arch_crash();
	panicking = true;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("kernel panic: %s\n", msg);
	arch_crash();
}
