/* Sending signals and taking their default actions. */
#include "errno.h"
#include "proc.h"
#include "sched.h"
#include "signal.h"
#include "syscall.h"

#define BIT(sig) (1ULL << ((sig) - 1))
/* Linux ignores these by default; the stop signals are ignored for now. */
#define IGNORED (BIT(SIGCHLD) | BIT(SIGCONT) | BIT(SIGURG) | BIT(SIGWINCH) | \
		 BIT(SIGSTOP) | BIT(SIGTSTP) | BIT(SIGTTIN) | BIT(SIGTTOU))

void signal_send(struct proc *p, int sig)
{
	if (p == init_proc || (BIT(sig) & IGNORED) || p->state == PROC_ZOMBIE)
		return;
	p->pending |= BIT(sig);
	if (p->state == PROC_SLEEPING)
		p->state = PROC_RUNNABLE;
}

bool signal_pending(const struct proc *p)
{
	return p->pending != 0;
}

/* The lowest-numbered pending signal is the one wait(2) reports. */
void signal_deliver(void)
{
	if (current->pending)
		proc_exit(__builtin_ctzll(current->pending) + 1);
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
