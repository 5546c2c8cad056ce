/*
 * The guest kernel's first user program, run as /init: it checks each
 * system call of the first milestone, prints one result line for
 * tests/guest-kernel/run.sh, and powers the machine off.
 */
#include "raw_syscall.h"

#define EFAULT 14
#define EBADF 9
#define EINVAL 22
#define ENOSYS 38
#define STACK_END 0x800000000000UL

static int failures;

static unsigned long length(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

static void say(const char *s)
{
	sys_write(1, s, length(s));
}

static void check(int ok, const char *what)
{
	if (ok)
		return;
	failures++;
	say("smoke: fail: ");
	say(what);
	say("\n");
}

static void check_args(const long *sp)
{
	const char *const *argv = (const char *const *)(sp + 1);

	check(sp[0] == 1, "argc is 1");
	check(argv[0] && argv[0][0] == '/' && argv[0][1] == 'i', "argv[0] is /init");
	check(!argv[1], "argv ends");
	check(argv[2] && argv[2][0] == 'H' && argv[2][4] == '=', "the environment begins with HOME=");
	check(((unsigned long)sp & 15) == 0, "the stack is 16-byte aligned at entry");
}

static void check_write(void)
{
	static const char msg[] = "smoke: hello from user mode\n";

	check(sys_write(1, msg, sizeof(msg) - 1) == sizeof(msg) - 1, "write to stdout");
	check(sys_write(2, "smoke: stderr\n", 14) == 14, "write to stderr");
	check(sys_write(1, (const void *)0x10, 4) == -EFAULT, "write from page 1 is EFAULT");
	check(sys_write(1, (const void *)(STACK_END - 2), 4) == -EFAULT,
	      "write across the end of user space is EFAULT");
	check(sys_write(1, (const void *)0xffff888000000000UL, 4) == -EFAULT,
	      "write from kernel memory is EFAULT");
	check(sys_write(7, msg, 1) == -EBADF, "write to an unopened fd is EBADF");
	check(sys_write(-1, msg, 1) == -EBADF, "write to fd -1 is EBADF");
}

static void check_brk(void)
{
	long start = sys_brk(0);
	char *p = (char *)start;
	long top;

	check(start > 0x400000 && (start & 0xfff) == 0, "brk(0) is the page after the image");
	top = sys_brk(start + 3 * 4096 + 100);
	check(top == start + 3 * 4096 + 100, "brk grows by 3 pages and a bit");
	for (int i = 0; i < 3 * 4096 + 100; i++)
		check(p[i] == 0, "new heap memory is zeroed"), p[i] = (char)i;
	check(p[3 * 4096 + 99] == (char)(3 * 4096 + 99), "new heap memory keeps what is written");
	check(sys_brk(start + 4096) == start + 4096, "brk shrinks");
	check(sys_brk(start + 8192) == start + 8192, "brk grows back");
	check(p[4096] == 0, "memory given back and taken again is zeroed");
	check(sys_brk(start - 4096) == start + 8192, "brk below its start fails");
	check(sys_brk(0x7ffffffff000UL) == start + 8192, "brk into the stack fails");
	sys_brk(start);
}

static void check_nanosleep(void)
{
	struct kernel_timespec ts = { 0, 20 * 1000 * 1000 };
	struct kernel_timespec bad = { 0, 1000 * 1000 * 1000 };

	check(sys_nanosleep(&ts) == 0, "nanosleep 20 ms");
	check(sys_nanosleep(&bad) == -EINVAL, "nanosleep of tv_nsec 1e9 is EINVAL");
	check(sys_nanosleep((const void *)0x10) == -EFAULT, "nanosleep of a bad pointer is EFAULT");
}

/* The harness types "ping" and Enter once it sees the prompt. */
static void check_read(void)
{
	char buf[32];
	long n;

	say("smoke: type a line:\n");
	n = sys_read(0, buf, sizeof(buf));
	check(n == 5 && buf[0] == 'p' && buf[3] == 'g' && buf[4] == '\n',
	      "read returns the line typed, ending in a newline");
	if (n > 0) {
		say("smoke: read: ");
		sys_write(1, buf, (unsigned long)n);
	}
}

static void check_misc(void)
{
	check(sys_getpid() == 1, "getpid of init is 1");
	check(syscall3(1000, 0, 0, 0) == -ENOSYS, "an unknown system call is ENOSYS");
	check(sys_reboot(0x1234) == -EINVAL, "reboot with an unknown command is EINVAL");
	check(syscall3(SYS_reboot, 1, 2, LINUX_REBOOT_CMD_POWER_OFF) == -EINVAL,
	      "reboot without the magic numbers is EINVAL");
}

void __attribute__((noreturn)) start_main(const long *sp);
void start_main(const long *sp)
{
	check_args(sp);
	check_write();
	check_misc();
	check_brk();
	check_nanosleep();
	check_read();
	say(failures ? "RESULT: smoke: FAIL\n" : "RESULT: smoke: PASS\n");
	sys_reboot(LINUX_REBOOT_CMD_POWER_OFF);
	say("smoke: reboot returned\n");
	for (;;)
		;
}
