/*
 * Signals: kill, sigaction, sigprocmask, sigpending and signal over the
 * kernel's calls. newlib numbers signals differently from the kernel
 * (Linux) above the first few, so numbers and masks are translated both
 * ways, and a handler must be called with newlib's number: the kernel
 * calls dispatch() for every caught signal, which calls the program's
 * handler, then returns to __restore_rt, the restorer x86-64 Linux wants,
 * which calls rt_sigreturn. raise() is newlib's, a kill() of getpid().
 */
#include <errno.h>
#include <signal.h>

#include "abi.h"
#include "syscall.h"

#define STRINGIFY(x) #x
#define STR(x) STRINGIFY(x)
/* The kernel's sigset_t, whose size the rt_sig* calls check. */
#define LINUX_SIGSET_SIZE sizeof(unsigned long)

static const int newlib_signal[N_SIGNALS] = { SIGNAL_NAMES(ABI_VALUE) };
static const int newlib_sigmask_how[N_SIGMASK_HOWS] = { SIGMASK_HOW_NAMES(ABI_VALUE) };
static const int newlib_si_code[N_SI_CODES] = { SI_CODE_NAMES(ABI_VALUE) };

/* The program's actions, by newlib's number, for the signals it catches. */
static struct sigaction caught[NSIG];

void __restore_rt(void);
__asm__(".text\n"
	".type __restore_rt, @function\n"
	"__restore_rt:\n\t"
	"mov $" STR(__NR_rt_sigreturn) ", %eax\n\t"
	"syscall\n"
	".size __restore_rt, . - __restore_rt\n");

int signal_to_linux(int sig)
{
	return sig ? abi_map(sig, newlib_signal, linux_signal, N_SIGNALS) : 0;
}

/* A signal newlib has no number for reads as 0 ("none"), never as some
 * other signal. */
int signal_from_linux(int sig)
{
	int ours = abi_map(sig, linux_signal, newlib_signal, N_SIGNALS);

	return ours < 0 ? 0 : ours;
}

/* newlib's sigset_t has bit n for its signal n. */
static unsigned long mask_to_linux(sigset_t set)
{
	unsigned long mask = 0;

	for (int i = 0; i < N_SIGNALS; i++)
		if (set & (1UL << newlib_signal[i]))
			mask |= 1UL << (linux_signal[i] - 1);
	return mask;
}

static sigset_t mask_from_linux(unsigned long mask)
{
	sigset_t set = 0;

	for (int i = 0; i < N_SIGNALS; i++)
		if (mask & (1UL << (linux_signal[i] - 1)))
			set |= 1UL << newlib_signal[i];
	return set;
}

/* The kernel's siginfo says what kill(2) says; the rest stays 0. */
static void dispatch(int linux_sig, const struct abi_siginfo *k, void *context)
{
	int sig = signal_from_linux(linux_sig);
	int code = abi_map(k->code, linux_si_code, newlib_si_code, N_SI_CODES);
	siginfo_t info = { .si_signo = sig, .si_code = code < 0 ? 0 : code,
			   .si_pid = k->pid, .si_uid = k->uid };

	if (caught[sig].sa_flags & SA_SIGINFO)
		caught[sig].sa_sigaction(sig, &info, context);
	else
		caught[sig].sa_handler(sig);
}

static struct abi_sigaction to_linux(const struct sigaction *act)
{
	_sig_func_ptr h = act->sa_handler;

	return (struct abi_sigaction){
		.handler = h == SIG_DFL || h == SIG_IGN ? (unsigned long)h : (unsigned long)dispatch,
		.flags = (unsigned int)act->sa_flags | linux_sa_restorer,
		.restorer = (unsigned long)__restore_rt,
		.mask = mask_to_linux(act->sa_mask),
	};
}

/* The old action is the program's own if the kernel's was dispatch(). */
static struct sigaction from_linux(const struct abi_sigaction *k, const struct sigaction *was)
{
	struct sigaction old = { .sa_handler = (_sig_func_ptr)k->handler };

	if (k->handler == (unsigned long)dispatch)
		old = *was;
	old.sa_mask = mask_from_linux(k->mask);
	old.sa_flags = (int)(k->flags & ~linux_sa_restorer);
	return old;
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	int linux_sig = signal_to_linux(sig);
	struct abi_sigaction k_act, k_old;
	struct sigaction was;

	if (linux_sig <= 0) {
		errno = EINVAL;
		return -1;
	}
	was = caught[sig];
	if (act) {
		k_act = to_linux(act);
		caught[sig] = *act;
	}
	if (sys_result(syscall4(__NR_rt_sigaction, linux_sig, act ? &k_act : NULL,
				old ? &k_old : NULL, LINUX_SIGSET_SIZE)) < 0) {
		caught[sig] = was;
		return -1;
	}
	if (old)
		*old = from_linux(&k_old, &was);
	return 0;
}

/* BSD's semantics, as glibc's signal() has them: the handler stays, and
 * its signal is blocked while it runs. */
_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
	struct sigaction act = { .sa_handler = handler, .sa_flags = SA_RESTART }, old;

	return sigaction(sig, &act, &old) ? SIG_ERR : old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	int linux_how = abi_map(how, newlib_sigmask_how, linux_sigmask_how, N_SIGMASK_HOWS);
	unsigned long k_set = set ? mask_to_linux(*set) : 0, k_old;

	if (set && linux_how < 0) {
		errno = EINVAL;
		return -1;
	}
	if (sys_result(syscall4(__NR_rt_sigprocmask, linux_how, set ? &k_set : NULL,
				old ? &k_old : NULL, LINUX_SIGSET_SIZE)) < 0)
		return -1;
	if (old)
		*old = mask_from_linux(k_old);
	return 0;
}

int sigpending(sigset_t *set)
{
	unsigned long k;

	if (sys_result(syscall2(__NR_rt_sigpending, &k, LINUX_SIGSET_SIZE)) < 0)
		return -1;
	*set = mask_from_linux(k);
	return 0;
}

int kill(pid_t pid, int sig)
{
	int linux_sig = signal_to_linux(sig);

	if (linux_sig < 0) {
		errno = EINVAL;
		return -1;
	}
	return sys_result(syscall2(__NR_kill, pid, linux_sig));
}
