/* console_io (xen.h): domain 0's text goes to the serial line unchanged,
 * and it reads what arrives there. Other domains get -EPERM, as on a
 * release build of Xen. */
#include "arch.h"
#include "console.h"
#include "hypercalls.h"
#include "spinlock.h"

#define CHUNK 128

static long console_write_guest(unsigned long count, unsigned long buffer)
{
	char buf[CHUNK];

	while (count) {
		size_t n = MIN(count, (unsigned long)CHUNK);
		if (copy_from_guest_va(buf, buffer, n))
			return -EFAULT;
		console_write(buf, n);
		buffer += n;
		count -= n;
	}
	return 0;
}

/* Returns how many bytes were waiting (possibly none): it never blocks. */
static long console_read_guest(unsigned long count, unsigned long buffer)
{
	long done = 0;
	int c;

	while ((unsigned long)done < count && (c = serial_getc()) >= 0) {
		char ch = (char)c;
		if (copy_to_guest_va(buffer + done, &ch, 1))
			return -EFAULT;
		done++;
	}
	return done;
}

long do_console_io(unsigned long cmd, unsigned long count, unsigned long buffer)
{
	if (!current_vcpu()->domain->is_privileged)
		return -EPERM;
	switch (cmd) {
	case CONSOLEIO_write:
		return console_write_guest(count, buffer);
	case CONSOLEIO_read:
		return console_read_guest(count, buffer);
	}
	return -ENOSYS;
}
