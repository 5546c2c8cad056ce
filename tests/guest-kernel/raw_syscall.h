/* Raw Linux-style system calls for programs built without a C library. */
#ifndef TEST_RAW_SYSCALL_H
#define TEST_RAW_SYSCALL_H

#include "uapi/syscall_nr.h"
#include "uapi/time.h"

static inline long syscall3(long nr, long a1, long a2, long a3)
{
	long ret;

	asm volatile("syscall"
		     : "=a"(ret)
		     : "a"(nr), "D"(a1), "S"(a2), "d"(a3)
		     : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall4(long nr, long a1, long a2, long a3, long a4)
{
	register long r10 asm("r10") = a4;
	long ret;

	asm volatile("syscall"
		     : "=a"(ret)
		     : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
		     : "rcx", "r11", "memory");
	return ret;
}

static inline long sys_write(int fd, const void *buf, unsigned long n)
{
	return syscall3(SYS_write, fd, (long)buf, (long)n);
}

static inline long sys_read(int fd, void *buf, unsigned long n)
{
	return syscall3(SYS_read, fd, (long)buf, (long)n);
}

static inline long sys_brk(unsigned long addr)
{
	return syscall3(SYS_brk, (long)addr, 0, 0);
}

static inline long sys_nanosleep(const struct kernel_timespec *req)
{
	return syscall3(SYS_nanosleep, (long)req, 0, 0);
}

static inline long sys_getpid(void)
{
	return syscall3(SYS_getpid, 0, 0, 0);
}

static inline long sys_fork(void)
{
	return syscall3(SYS_fork, 0, 0, 0);
}

static inline long sys_wait4(long pid, int *status, int options)
{
	return syscall4(SYS_wait4, pid, (long)status, options, 0);
}

static inline void __attribute__((noreturn)) sys_exit(int code)
{
	syscall3(SYS_exit, code, 0, 0);
	__builtin_unreachable();
}

static inline long sys_clock_gettime(int clock, struct kernel_timespec *ts)
{
	return syscall3(SYS_clock_gettime, clock, (long)ts, 0);
}

static inline long sys_reboot(unsigned cmd)
{
	return syscall3(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, cmd);
}

#endif
