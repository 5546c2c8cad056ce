/*
 * The signal system calls in Linux's x86-64 forms: rt_sigaction,
 * rt_sigprocmask, rt_sigpending and rt_sigreturn. A mask argument is the
 * kernel's 8 bytes (sigsetsize says so). A call that fails changes
 * nothing: the old action or mask is copied out before the new one is
 * taken (Linux takes it first).
 */
#include "arch.h"
#include "errno.h"
#include "proc.h"
#include "signal.h"
#include "syscall.h"

#define SIGSET_SIZE sizeof(uint64_t)

/* rt_sigaction(sig, act, oldact, sigsetsize) */
long sys_rt_sigaction(const unsigned long *arg)
{
	int sig = (int)arg[0];
	const struct kernel_sigaction *user_act = (const void *)arg[1];
	struct kernel_sigaction *user_old = (void *)arg[2];
	struct kernel_sigaction act;

	if (arg[3] != SIGSET_SIZE || !signal_valid(sig))
		return -EINVAL;
	if (user_act && copy_from_user(&act, user_act, sizeof(act)))
		return -EFAULT;
	if (user_act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (user_old && copy_to_user(user_old, &current->sig.action[sig - 1], sizeof(act)))
		return -EFAULT;
	if (user_act)
		signal_set_action(sig, &act);
	return 0;
}

static int new_mask(int how, uint64_t set, uint64_t *mask)
{
	switch (how) {
	case SIG_BLOCK:
		*mask = current->sig.blocked | set;
		return 0;
	case SIG_UNBLOCK:
		*mask = current->sig.blocked & ~set;
		return 0;
	case SIG_SETMASK:
		*mask = set;
		return 0;
	}
	return -EINVAL;
}

/* rt_sigprocmask(how, set, oldset, sigsetsize): how counts only with a set. */
long sys_rt_sigprocmask(const unsigned long *arg)
{
	const uint64_t *user_set = (const void *)arg[1];
	uint64_t *user_old = (void *)arg[2];
	uint64_t set, mask;

	if (arg[3] != SIGSET_SIZE)
		return -EINVAL;
	if (user_set && copy_from_user(&set, user_set, sizeof(set)))
		return -EFAULT;
	if (user_set && new_mask((int)arg[0], set, &mask))
		return -EINVAL;
	if (user_old && copy_to_user(user_old, &current->sig.blocked, sizeof(*user_old)))
		return -EFAULT;
	if (user_set)
		signal_set_blocked(mask);
	return 0;
}

/* rt_sigpending(set, sigsetsize): the blocked signals waiting. Linux
 * takes any size up to its own and copies that much. */
long sys_rt_sigpending(const unsigned long *arg)
{
	uint64_t waiting = current->sig.pending & current->sig.blocked;

	if (arg[1] > SIGSET_SIZE)
		return -EINVAL;
	return copy_to_user((void *)arg[0], &waiting, arg[1]) ? -EFAULT : 0;
}

/*
 * A handler returned, through its restorer, with the stack at its frame:
 * the registers, FPU state and mask come back from it. The frame was the
 * user's to change; one the port refuses ends the process, as on Linux.
 * The call "returns" the interrupted code's own return register.
 */
long sys_rt_sigreturn(const unsigned long *arg)
{
	struct uregs *r = proc_uregs(current);
	uint64_t mask;

	(void)arg;
	if (arch_signal_return(r, &mask))
		proc_fatal_signal(SIGSEGV, "bad signal frame", uregs_ip(r), uregs_sp(r));
	signal_set_blocked(mask);
	return uregs_return_value(r);
}
