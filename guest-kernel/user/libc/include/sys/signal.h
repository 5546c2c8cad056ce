/*
 * newlib's <sys/signal.h> with POSIX's struct sigaction and siginfo_t in
 * place of its own: for a bare target newlib declares a sigaction with
 * no sa_sigaction and no flag but SA_NOCLDSTOP, and a siginfo_t without
 * si_pid. Its two are renamed out of the way while it is read. Signal
 * numbers stay newlib's, which the glue translates (signal.c); the flags
 * newlib lacks take the kernel's (Linux's) values and pass unchanged.
 */
#ifndef _XENITH_SYS_SIGNAL_H
#define _XENITH_SYS_SIGNAL_H

#define sigaction __newlib_sigaction
#define siginfo_t __newlib_siginfo_t
#include_next <sys/signal.h>
#undef sigaction
#undef siginfo_t

#define SA_SIGINFO 0x00000004
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

/* The kernel sends signals only by kill(2) and for a broken pipe, so
 * si_addr and si_status are 0, and si_value too. */
typedef struct {
	int si_signo;
	int si_code;
	int si_errno;
	pid_t si_pid;
	uid_t si_uid;
	void *si_addr;
	int si_status;
	union sigval si_value;
} siginfo_t;

/* A SA_SIGINFO handler's third argument is Linux's struct ucontext
 * (<asm/ucontext.h>, <asm/sigcontext.h>); its uc_sigmask has the kernel's
 * numbers (bit n-1 for Linux's signal n). */
struct sigaction {
	union {
		_sig_func_ptr sa_handler;
		void (*sa_sigaction)(int sig, siginfo_t *info, void *context);
	};
	sigset_t sa_mask;
	int sa_flags;
};

int sigaction(int sig, const struct sigaction *act, struct sigaction *old);

#endif
