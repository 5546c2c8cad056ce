/*
 * The console terminal. Input bytes land in one buffer: [0, committed) is
 * what read() may take, [committed, len) the line being typed. In the
 * canonical mode (ICANON, with echo and erase) read() takes finished
 * lines; in the raw mode (TCSETS without ICANON: what a program that
 * reads keys asks for, such as xl console) every byte is taken as it
 * comes, unechoed. Output goes straight to the port's console.
 */
#include "arch.h"
#include "console.h"
#include "dev.h"
#include "errno.h"
#include "file.h"
#include "lib.h"
#include "sched.h"
#include "uapi/fcntl.h"
#include "uapi/poll.h"
#include "uapi/termios.h"

#define INPUT_MAX 256
#define WRITE_CHUNK 256
#define CTRL_D 0x04
#define BACKSPACE 0x08
#define DELETE 0x7f

static char input[INPUT_MAX];
static size_t len, committed;
/* Ctrl-D on an empty line: the next read returns 0 (end of file). */
static bool eof_pending;
static bool raw;

static void echo(const char *s, size_t n)
{
	arch_console_write(s, n);
}

static void commit(void)
{
	committed = len;
	wakeup(input);
}

static void erase(void)
{
	if (len > committed) {
		len--;
		echo("\b \b", 3);
	}
}

static void receive(char c)
{
	if (raw) {
		input[len++] = c;
		commit();
		return;
	}
	if (c == '\r')
		c = '\n';
	if (c == BACKSPACE || c == DELETE) {
		erase();
	} else if (c == CTRL_D) {
		eof_pending = len == committed;
		commit();
	} else {
		input[len++] = c;
		echo(&c, 1);
		/* A full buffer is handed over as if it were a line. */
		if (c == '\n' || len == INPUT_MAX)
			commit();
	}
}

void console_poll(void)
{
	char buf[64];
	size_t n;

	/* Leave room for a whole poll, so that nothing arrived is dropped. */
	while (INPUT_MAX - len >= sizeof(buf) && (n = arch_console_poll(buf, sizeof(buf))))
		for (size_t i = 0; i < n; i++)
			receive(buf[i]);
}

/* The first line waiting, or as much of it as fits in n; raw, all of it. */
static size_t line_length(size_t n)
{
	size_t i = 0;

	while (i < committed && i < n && (raw || input[i] != '\n'))
		i++;
	return i < committed && i < n ? i + 1 : i;
}

static ssize_t console_read(struct file *f, void *user_buf, size_t n)
{
	size_t take;

	if (!n)
		return 0;
	while (!committed && !eof_pending) {
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if (sleep_on(input))
			return -EINTR;
	}
	if (!committed) {
		eof_pending = false;
		return 0;
	}
	take = line_length(n);
	if (copy_to_user(user_buf, input, take))
		return -EFAULT;
	memmove(input, input + take, len - take);
	len -= take;
	committed -= take;
	return (ssize_t)take;
}

static ssize_t console_write(struct file *f, const void *user_buf, size_t n)
{
	char buf[WRITE_CHUNK];
	size_t done = 0;

	(void)f;
	while (done < n) {
		size_t chunk = MIN(n - done, sizeof(buf));

		if (copy_from_user(buf, (const char *)user_buf + done, chunk))
			return done ? (ssize_t)done : -EFAULT;
		arch_console_write(buf, chunk);
		done += chunk;
	}
	return (ssize_t)done;
}

/* Output never waits. */
static unsigned console_poll_ready(struct file *f)
{
	(void)f;
	return POLL_WRITABLE | (committed || eof_pending ? POLL_READABLE : 0);
}

/* TCGETS sees the mode described above; TCSETS picks one by ICANON alone
 * (the other flags are what they are: echo and erase go with ICANON). */
static long console_ioctl(struct file *f, unsigned cmd, unsigned long arg)
{
	struct kernel_termios t = {
		.c_iflag = raw ? 0 : ICRNL,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = CS8 | CREAD,
		.c_lflag = raw ? 0 : ICANON | ECHO | ECHOE,
		.c_cc = { [VERASE] = DELETE, [VEOF] = CTRL_D },
	};

	(void)f;
	switch (cmd) {
	case TCGETS:
		return copy_to_user((void *)arg, &t, sizeof(t));
	case TCSETS:
		if (copy_from_user(&t, (const void *)arg, sizeof(t)))
			return -EFAULT;
		raw = !(t.c_lflag & ICANON);
		return 0;
	default:
		return -ENOTTY;
	}
}

const struct file_ops console_ops = {
	.read = console_read,
	.write = console_write,
	.ioctl = console_ioctl,
	.poll = console_poll_ready,
};
