/*
 * Signals, numbered as Linux's x86-64 ABI has them. A signal sent is
 * pending until its target returns to user mode with it unblocked; then
 * its action is taken: a handler of the process's (the port builds
 * Linux's signal frame for it, which rt_sigreturn undoes), or the
 * default, which ends the process, as wait(2) then reports, or ignores
 * the signal. Stopping (SIGSTOP and the terminal stop signals) waits for
 * job control and is ignored meanwhile; SIGKILL and SIGSTOP can be neither
 * caught nor blocked. A handled system call that slept returns -EINTR:
 * SA_RESTART is taken but nothing restarts. There is no alternate signal
 * stack (SA_ONSTACK runs the handler on the usual one, as Linux does when
 * none is set), and faults stay fatal: they end the process whatever its
 * handlers.
 */
#ifndef SIGNAL_H
#define SIGNAL_H

#include "types.h"
#include "uapi/signal.h"

#define SIGILL 4
#define SIGTRAP 5
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGSEGV 11
#define SIGPIPE 13
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGWINCH 28
/* The highest signal number: Linux's real-time signals end there. */
#define NSIG 64

/* A process's signals: fork copies all but the pending ones, exec keeps
 * all but the handlers. Masks have bit n-1 for signal n; the arrays are
 * indexed by n-1. */
struct proc_signals {
	uint64_t pending;
	uint64_t blocked;
	pid_t sender[NSIG];            /* of each pending signal, for siginfo */
	struct kernel_sigaction action[NSIG];
};

struct proc;

/* Makes sig pending for p, waking it if it sleeps and does not block sig:
 * its sleep ends early (sleep_on() says -EINTR) so that it reaches the
 * way back to user mode, where the signal takes effect. A signal p
 * ignores, and does not block, is dropped. init ignores every signal it
 * has no handler for, as Linux's does. */
void signal_send(struct proc *p, int sig);
/* Whether p has a pending signal it does not block. */
bool signal_pending(const struct proc *p);
/* On the way back to user mode: takes the action of each pending,
 * unblocked signal of the current process. */
void signal_deliver(void);
void signal_fork(struct proc *child);
void signal_exec(void);

/* For the system calls (sys_signal.c). */
bool signal_valid(int sig);
/* sig's new action, which must not be for SIGKILL or SIGSTOP. */
void signal_set_action(int sig, const struct kernel_sigaction *act);
/* The current process's new mask, SIGKILL and SIGSTOP taken out. */
void signal_set_blocked(uint64_t mask);

#endif
