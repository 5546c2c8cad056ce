/*
 * Signals, numbered as Linux's x86-64 ABI has them. Only the default
 * actions exist so far: a signal sent either ends its target, as wait(2)
 * then reports, or is ignored. Stopping (SIGSTOP and the terminal stop
 * signals) waits for job control and is ignored meanwhile.
 */
#ifndef SIGNAL_H
#define SIGNAL_H

#include "types.h"

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

struct proc;

/* Makes sig pending for p, waking it if it sleeps: its sleep ends early
 * (sleep_on() says -EINTR) so that it reaches the way back to user mode,
 * where a pending signal takes effect. init ignores every signal, as
 * Linux's does those it has no handler for. */
void signal_send(struct proc *p, int sig);
bool signal_pending(const struct proc *p);
/* On the way back to user mode: ends the current process if a signal is
 * pending. */
void signal_deliver(void);

#endif
