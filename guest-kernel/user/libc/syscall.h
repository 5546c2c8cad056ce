/* System calls as the guest kernel takes them, which is Linux's x86-64
 * convention: the number (from linux-libc-dev's <asm/unistd.h>) in rax,
 * arguments in rdi rsi rdx r10 r8 r9, the result in rax, a failure as a
 * negative errno. The instruction itself clobbers rcx (return rip) and r11
 * (rflags). */
#ifndef GLUE_SYSCALL_H
#define GLUE_SYSCALL_H

#include <asm/unistd.h>

static inline long syscall6(long nr, long a1, long a2, long a3, long a4,
			    long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

#define syscall0(nr) syscall6(nr, 0, 0, 0, 0, 0, 0)
#define syscall1(nr, a) syscall6(nr, (long)(a), 0, 0, 0, 0, 0)
#define syscall2(nr, a, b) syscall6(nr, (long)(a), (long)(b), 0, 0, 0, 0)
#define syscall3(nr, a, b, c) syscall6(nr, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define syscall4(nr, a, b, c, d) \
	syscall6(nr, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

/* A raw result as POSIX returns it: -1 with errno set (in newlib's
 * numbering) for Linux's failure range -4095..-1, else unchanged. */
long sys_result(long ret);

#endif
