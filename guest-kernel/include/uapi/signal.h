/* Signal actions, masks and information as Linux's x86-64 system calls
 * take them (asm-generic/signal-defs.h, asm-generic/siginfo.h). A mask
 * has bit n-1 for signal n. */
#ifndef UAPI_SIGNAL_H
#define UAPI_SIGNAL_H

#include "types.h"

#define SIG_DFL 0UL
#define SIG_IGN 1UL

#define SA_NOCLDSTOP 0x00000001UL
#define SA_NOCLDWAIT 0x00000002UL
#define SA_SIGINFO 0x00000004UL
#define SA_RESTORER 0x04000000UL
#define SA_ONSTACK 0x08000000UL
#define SA_RESTART 0x10000000UL
#define SA_NODEFER 0x40000000UL
#define SA_RESETHAND 0x80000000UL

/* rt_sigprocmask(2)'s operations. */
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* si_code of a signal kill(2) sent. */
#define SI_USER 0

/* rt_sigaction(2)'s, the kernel's own layout (not the C library's). */
struct kernel_sigaction {
	uintptr_t handler;             /* SIG_DFL, SIG_IGN or a function */
	unsigned long flags;
	uintptr_t restorer;            /* the handler's return address */
	uint64_t mask;                 /* blocked while the handler runs */
};

/* The fields for a signal kill(2) sent; the rest of the 128 bytes is 0. */
struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int pad;
	pid_t si_pid;
	uint32_t si_uid;
	uint8_t rest[104];
};

#endif
