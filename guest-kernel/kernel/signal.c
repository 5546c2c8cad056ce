/* Sending signals, and taking their actions on the way back to user mode. */
#include "arch.h"
#include "errno.h"
#include "proc.h"
#include "sched.h"
#include "signal.h"
#include "syscall.h"

#define BIT(sig) (1ULL << ((sig) - 1))
/* Linux ignores these by default; the stop signals are ignored for now. */
#define IGNORED (BIT(SIGCHLD) | BIT(SIGCONT) | BIT(SIGURG) | BIT(SIGWINCH) | \
		 BIT(SIGSTOP) | BIT(SIGTSTP) | BIT(SIGTTIN) | BIT(SIGTTOU))
#define UNCATCHABLE (BIT(SIGKILL) | BIT(SIGSTOP))
/* Linux's flags for x86-64; it drops unknown ones as well. */
#define KNOWN_FLAGS (SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_RESTORER | \
		     SA_ONSTACK | SA_RESTART | SA_NODEFER | SA_RESETHAND)

bool signal_valid(int sig)
{
	return sig >= 1 && sig <= NSIG;
}

static bool caught(const struct kernel_sigaction *a)
{
	return a->handler != SIG_DFL && a->handler != SIG_IGN;
}

/* Whether sig, taken now, would do nothing. */
static bool ignored(const struct proc *p, int sig)
{
	uintptr_t handler = p->sig.action[sig - 1].handler;

	if (handler == SIG_DFL)
		return p == init_proc || (BIT(sig) & IGNORED);
	return handler == SIG_IGN;
}

/* A blocked signal stays, as on Linux: its action may change before it
 * is unblocked. */
void signal_send(struct proc *p, int sig)
{
	bool blocked = p->sig.blocked & BIT(sig);

	if (p->state == PROC_ZOMBIE || (ignored(p, sig) && !blocked))
		return;
	p->sig.pending |= BIT(sig);
	p->sig.sender[sig - 1] = current->pid;
	if (p->state == PROC_SLEEPING && !blocked)
		p->state = PROC_RUNNABLE;
}

bool signal_pending(const struct proc *p)
{
	return p->sig.pending & ~p->sig.blocked;
}

void signal_set_blocked(uint64_t mask)
{
	current->sig.blocked = mask & ~UNCATCHABLE;
}

/* An action that ignores sig drops it if pending, blocked or not (POSIX). */
void signal_set_action(int sig, const struct kernel_sigaction *act)
{
	struct kernel_sigaction *a = &current->sig.action[sig - 1];

	*a = *act;
	a->flags &= KNOWN_FLAGS;
	a->mask &= ~UNCATCHABLE;
	if (ignored(current, sig))
		current->sig.pending &= ~BIT(sig);
}

/* The handler runs with sig blocked too, unless SA_NODEFER; the frame
 * keeps the mask rt_sigreturn restores. No room for the frame ends the
 * process, as on Linux. */
static void handle(int sig)
{
	struct kernel_sigaction *a = &current->sig.action[sig - 1];
	struct kernel_siginfo info = { .si_signo = sig, .si_code = SI_USER,
				       .si_pid = current->sig.sender[sig - 1] };
	struct uregs *r = proc_uregs(current);
	uint64_t old = current->sig.blocked;

	if (arch_signal_frame(r, a, &info, old))
		proc_fatal_signal(SIGSEGV, "cannot set up a signal frame", uregs_ip(r), uregs_sp(r));
	signal_set_blocked(old | a->mask | (a->flags & SA_NODEFER ? 0 : BIT(sig)));
	if (a->flags & SA_RESETHAND)
		a->handler = SIG_DFL;
}

/* Lowest number first: wait(2) reports the first fatal one. Each handler's
 * frame goes on top of the last one's, so the last runs first, as on
 * Linux. */
void signal_deliver(void)
{
	uint64_t ready;

	while ((ready = current->sig.pending & ~current->sig.blocked)) {
		int sig = __builtin_ctzll(ready) + 1;

		current->sig.pending &= ~BIT(sig);
		if (caught(&current->sig.action[sig - 1]))
			handle(sig);
		else if (!ignored(current, sig))
			proc_exit(sig);
	}
}

void signal_fork(struct proc *child)
{
	child->sig = current->sig;
	child->sig.pending = 0;
}

/* The handlers went with the old program: as Linux does, every action
 * but SIG_IGN becomes SIG_DFL, with no flags or mask. */
void signal_exec(void)
{
	for (int i = 0; i < NSIG; i++) {
		struct kernel_sigaction *a = &current->sig.action[i];

		*a = (struct kernel_sigaction){ .handler = a->handler == SIG_IGN ? SIG_IGN : SIG_DFL };
	}
}

/* pid -1: every process but init and the caller, as on Linux. */
static long send_all(int sig)
{
	bool found = false;

	for (unsigned i = 0; i < NPROC; i++) {
		struct proc *p = proc_table_slot(i);

		if (p->state == PROC_UNUSED || p == init_proc || p == current)
			continue;
		found = true;
		if (sig)
			signal_send(p, sig);
	}
	return found ? 0 : -ESRCH;
}

/* Signal 0 sends nothing: it asks whether the target exists. There are no
 * process groups yet, so pid 0 and those below -1 name none. */
long sys_kill(const unsigned long *arg)
{
	pid_t pid = (pid_t)arg[0];
	int sig = (int)arg[1];
	struct proc *p;

	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (pid == -1)
		return send_all(sig);
	p = pid > 0 ? proc_find(pid) : NULL;
	if (!p)
		return -ESRCH;
	if (sig)
		signal_send(p, sig);
	return 0;
}
