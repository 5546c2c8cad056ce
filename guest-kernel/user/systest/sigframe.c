/*
 * Signal frames: the registers and FPU state of the code a handler
 * interrupts come back, whatever the handler does to its own; and the
 * calls and the frame as a hostile program uses them. Bad numbers, sizes
 * and pointers get Linux's errors; a frame that cannot be written or read,
 * a handler that cannot be entered, and a frame changed to return to the
 * kernel end only their process, with SIGSEGV; a frame changed to ask for
 * kernel privilege returns without it. The frame is Linux's, read through
 * Linux's own headers.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
/* After <signal.h>: Linux's ucontext takes newlib's stack_t and sigset_t,
 * which have its layout. */
#include <asm/sigcontext.h>
#include <asm/ucontext.h>

#include "../libc/syscall.h"
#include "check.h"

/* The raw calls use Linux's numbers: SIGKILL and SIGALRM are the same in
 * newlib, and so are the errno values compared (EINVAL, EFAULT). */
#define LINUX_SIGSTOP 19
#define LINUX_SIG_BLOCK 0
#define LINUX_SA_RESTORER 0x04000000UL
#define KERNEL_SIGSET 8
#define SPINS 1000000
#define FP_LOOPS 10000

#define FLAGS_TF 0x100UL
#define FLAGS_IF 0x200UL
#define FLAGS_IOPL 0x3000UL
#define FLAGS_NT 0x4000UL
#define FLAGS_VM 0x20000UL
#define FLAGS_AC 0x40000UL
/* MXCSR: every exception masked, rounding toward zero. */
#define MXCSR_TRUNCATE 0x7f80

#define NONCANONICAL 0xdead000000000000UL
#define KERNEL_ADDRESS 0xffffffff80000000UL

struct kernel_sigaction {
	unsigned long handler, flags, restorer, mask;
};

static int segv(int status)
{
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

static long sigaction_raw(long sig, const void *act, void *old, long size)
{
	return syscall4(__NR_rt_sigaction, sig, act, old, size);
}

static long sigprocmask_raw(long how, const void *set, void *old, long size)
{
	return syscall4(__NR_rt_sigprocmask, how, set, old, size);
}

static void test_bad_calls(void)
{
	struct kernel_sigaction act = { .handler = (unsigned long)SIG_IGN }, old;
	unsigned long set = 0;

	CHECK(sigaction_raw(0, &act, NULL, KERNEL_SIGSET) == -EINVAL);
	CHECK(sigaction_raw(65, &act, NULL, KERNEL_SIGSET) == -EINVAL);
	CHECK(sigaction_raw(-1, &act, NULL, KERNEL_SIGSET) == -EINVAL);
	CHECK(sigaction_raw(SIGKILL, &act, NULL, KERNEL_SIGSET) == -EINVAL);
	CHECK(sigaction_raw(LINUX_SIGSTOP, &act, NULL, KERNEL_SIGSET) == -EINVAL);
	CHECK(sigaction_raw(SIGKILL, NULL, &old, KERNEL_SIGSET) == 0 && old.handler == 0);
	CHECK(sigaction_raw(SIGALRM, &act, NULL, 4) == -EINVAL);
	CHECK(sigaction_raw(SIGALRM, bad_address, NULL, KERNEL_SIGSET) == -EFAULT);
	CHECK(sigaction_raw(SIGALRM, &act, bad_address, KERNEL_SIGSET) == -EFAULT);
	/* That failure took nothing. */
	CHECK(sigaction_raw(SIGALRM, NULL, &old, KERNEL_SIGSET) == 0 && old.handler == 0);
	CHECK(sigprocmask_raw(99, &set, NULL, KERNEL_SIGSET) == -EINVAL);
	CHECK(sigprocmask_raw(99, NULL, NULL, KERNEL_SIGSET) == 0);
	CHECK(sigprocmask_raw(LINUX_SIG_BLOCK, bad_address, NULL, KERNEL_SIGSET) == -EFAULT);
	CHECK(sigprocmask_raw(LINUX_SIG_BLOCK, &set, bad_address, KERNEL_SIGSET) == -EFAULT);
	CHECK(sigprocmask_raw(LINUX_SIG_BLOCK, &set, NULL, 16) == -EINVAL);
	CHECK(syscall2(__NR_rt_sigpending, &set, 16) == -EINVAL);
	CHECK(syscall2(__NR_rt_sigpending, bad_address, KERNEL_SIGSET) == -EFAULT);
}

static void test_uncatchable(void)
{
	struct sigaction act = { .sa_handler = SIG_IGN };
	sigset_t all, old, now;

	CHECK(sigaction(SIGKILL, &act, NULL) == -1 && errno == EINVAL);
	CHECK(sigaction(SIGSTOP, &act, NULL) == -1 && errno == EINVAL);
	CHECK(sigaction(0, &act, NULL) == -1 && errno == EINVAL);
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, &old);
	sigprocmask(SIG_SETMASK, &old, &now);
	CHECK(sigismember(&now, SIGUSR1) && !sigismember(&now, SIGKILL) &&
	      !sigismember(&now, SIGSTOP));
}

static volatile int clobbers;

/* Leaves every register a handler may change changed, and rounding
 * toward zero. */
static void clobber(int sig)
{
	unsigned int mxcsr = MXCSR_TRUNCATE;

	(void)sig;
	__asm__ volatile("ldmxcsr %0\n\t"
			 "pcmpeqd %%xmm0, %%xmm0\n\tpcmpeqd %%xmm1, %%xmm1\n\t"
			 "pcmpeqd %%xmm2, %%xmm2\n\tpcmpeqd %%xmm3, %%xmm3\n\t"
			 "pcmpeqd %%xmm4, %%xmm4\n\tpcmpeqd %%xmm5, %%xmm5\n\t"
			 "pcmpeqd %%xmm6, %%xmm6\n\tpcmpeqd %%xmm7, %%xmm7\n\t"
			 "pcmpeqd %%xmm8, %%xmm8\n\tpcmpeqd %%xmm9, %%xmm9\n\t"
			 "pcmpeqd %%xmm10, %%xmm10\n\tpcmpeqd %%xmm11, %%xmm11\n\t"
			 "pcmpeqd %%xmm12, %%xmm12\n\tpcmpeqd %%xmm13, %%xmm13\n\t"
			 "pcmpeqd %%xmm14, %%xmm14\n\tpcmpeqd %%xmm15, %%xmm15\n\t"
			 "mov $-1, %%rax\n\tmov $-1, %%rcx\n\tmov $-1, %%rdx\n\t"
			 "mov $-1, %%rsi\n\tmov $-1, %%rdi\n\tmov $-1, %%r8\n\t"
			 "mov $-1, %%r9\n\tmov $-1, %%r10\n\tmov $-1, %%r11\n\t"
			 :
			 : "m"(mxcsr)
			 : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "xmm0",
			   "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9",
			   "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
	clobbers++;
}

/* What context_kept() loads into the SSE registers. */
static const double sse_in[32] = { 1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11,
				   12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
				   23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };

/* Spins with a known value in every general register but rsp and rbp and
 * in every SSE register, then says whether all are still there, and
 * MXCSR as it was. */
static int context_kept(long spins)
{
	double sse_out[32];
	unsigned int mxcsr_before, mxcsr_after;
	long changed;

	__asm__ volatile("stmxcsr %[before]\n\t"
			 "movdqu %[in], %%xmm0\n\tmovdqu 16+%[in], %%xmm1\n\t"
			 "movdqu 32+%[in], %%xmm2\n\tmovdqu 48+%[in], %%xmm3\n\t"
			 "movdqu 64+%[in], %%xmm4\n\tmovdqu 80+%[in], %%xmm5\n\t"
			 "movdqu 96+%[in], %%xmm6\n\tmovdqu 112+%[in], %%xmm7\n\t"
			 "movdqu 128+%[in], %%xmm8\n\tmovdqu 144+%[in], %%xmm9\n\t"
			 "movdqu 160+%[in], %%xmm10\n\tmovdqu 176+%[in], %%xmm11\n\t"
			 "movdqu 192+%[in], %%xmm12\n\tmovdqu 208+%[in], %%xmm13\n\t"
			 "movdqu 224+%[in], %%xmm14\n\tmovdqu 240+%[in], %%xmm15\n\t"
			 "mov $0x1111, %%rbx\n\tmov $0x2222, %%rcx\n\t"
			 "mov $0x3333, %%rdx\n\tmov $0x4444, %%rsi\n\t"
			 "mov $0x5555, %%rdi\n\tmov $0x6666, %%r8\n\t"
			 "mov $0x7777, %%r9\n\tmov $0x8888, %%r10\n\t"
			 "mov $0x9999, %%r11\n\tmov $0xaaaa, %%r12\n\t"
			 "mov $0xbbbb, %%r13\n\tmov $0xcccc, %%r14\n\t"
			 "mov $0xdddd, %%r15\n\tmov $0xeeee, %%rax\n"
			 "1:\n\tdecq %[spins]\n\tjnz 1b\n\t"
			 "xor $0xeeee, %%rax\n\t"
			 "xor $0x1111, %%rbx\n\tor %%rbx, %%rax\n\t"
			 "xor $0x2222, %%rcx\n\tor %%rcx, %%rax\n\t"
			 "xor $0x3333, %%rdx\n\tor %%rdx, %%rax\n\t"
			 "xor $0x4444, %%rsi\n\tor %%rsi, %%rax\n\t"
			 "xor $0x5555, %%rdi\n\tor %%rdi, %%rax\n\t"
			 "xor $0x6666, %%r8\n\tor %%r8, %%rax\n\t"
			 "xor $0x7777, %%r9\n\tor %%r9, %%rax\n\t"
			 "xor $0x8888, %%r10\n\tor %%r10, %%rax\n\t"
			 "xor $0x9999, %%r11\n\tor %%r11, %%rax\n\t"
			 "xor $0xaaaa, %%r12\n\tor %%r12, %%rax\n\t"
			 "xor $0xbbbb, %%r13\n\tor %%r13, %%rax\n\t"
			 "xor $0xcccc, %%r14\n\tor %%r14, %%rax\n\t"
			 "xor $0xdddd, %%r15\n\tor %%r15, %%rax\n\t"
			 "movdqu %%xmm0, %[out]\n\tmovdqu %%xmm1, 16+%[out]\n\t"
			 "movdqu %%xmm2, 32+%[out]\n\tmovdqu %%xmm3, 48+%[out]\n\t"
			 "movdqu %%xmm4, 64+%[out]\n\tmovdqu %%xmm5, 80+%[out]\n\t"
			 "movdqu %%xmm6, 96+%[out]\n\tmovdqu %%xmm7, 112+%[out]\n\t"
			 "movdqu %%xmm8, 128+%[out]\n\tmovdqu %%xmm9, 144+%[out]\n\t"
			 "movdqu %%xmm10, 160+%[out]\n\tmovdqu %%xmm11, 176+%[out]\n\t"
			 "movdqu %%xmm12, 192+%[out]\n\tmovdqu %%xmm13, 208+%[out]\n\t"
			 "movdqu %%xmm14, 224+%[out]\n\tmovdqu %%xmm15, 240+%[out]\n\t"
			 "stmxcsr %[after]"
			 : "=a"(changed), [spins] "+m"(spins), [out] "=m"(sse_out),
			   [before] "=m"(mxcsr_before), [after] "=m"(mxcsr_after)
			 : [in] "m"(sse_in)
			 : "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12",
			   "r13", "r14", "r15", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
			   "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13",
			   "xmm14", "xmm15", "cc");
	return !changed && mxcsr_after == mxcsr_before && !memcmp(sse_out, sse_in, sizeof(sse_in));
}

/* A double kept in an SSE register through a long loop. */
static double __attribute__((noinline)) fp_work(double x, long n)
{
	for (long i = 0; i < n; i++)
		x = x * 1.0000001 + 0.25;
	return x;
}

/* The child runs in user mode, where only a timer interrupt lets its
 * signals in, mostly in context_kept(), until several handlers have run. */
static void test_context_kept(void)
{
	volatile long spins = SPINS, fp_loops = FP_LOOPS;
	double want = fp_work(1.0, fp_loops);
	pid_t pid;
	int status;

	signal(SIGUSR1, clobber);
	pid = fork();
	if (pid == 0) {
		int kept = 1;

		while (clobbers < 3 && kept)
			kept = context_kept(spins) && fp_work(1.0, fp_loops) == want;
		_exit(!kept);
	}
	status = signal_until_exit(pid, SIGUSR1);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	signal(SIGUSR1, SIG_DFL);
}

static unsigned int mxcsr(void)
{
	unsigned int v;

	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

/* Where the privileged forgery returns: to user mode still (cs's RPL 3),
 * with interrupts on and without IOPL, NT or VM. */
static void __attribute__((noreturn)) resumed(void)
{
	unsigned long flags, cs;
	int user;

	__asm__ volatile("pushfq\n\tpop %0\n\tcld\n\tmov %%cs, %1" : "=r"(flags), "=r"(cs));
	user = (cs & 3) == 3 && (flags & FLAGS_IF) && !(flags & (FLAGS_IOPL | FLAGS_NT | FLAGS_VM));
	_exit(!user);
}

static void (*forge)(struct sigcontext *sc);

static void forging_handler(int sig, siginfo_t *info, void *context)
{
	(void)sig;
	(void)info;
	forge(&((struct ucontext *)context)->uc_mcontext);
}

/* The wait status of a child whose handler changed its frame with f and
 * returned; if it goes on, it exits 1 if MXCSR has bits no CPU has. */
static int forged(void (*f)(struct sigcontext *sc))
{
	pid_t pid;

	forge = f;
	pid = fork();
	if (pid == 0) {
		struct sigaction act = { .sa_sigaction = forging_handler, .sa_flags = SA_SIGINFO };

		sigaction(SIGUSR1, &act, NULL);
		raise(SIGUSR1);
		_exit(mxcsr() >> 16 != 0);
	}
	return wait_status(pid);
}

static void garbage(struct sigcontext *sc)
{
	sc->rip = NONCANONICAL;
	sc->cs &= ~3;
	sc->eflags = ~0UL;
}

static void kernel_rip(struct sigcontext *sc)
{
	sc->rip = KERNEL_ADDRESS;
}

static void garbage_rsp(struct sigcontext *sc)
{
	sc->rsp = NONCANONICAL;
}

static void unmapped_fpstate(struct sigcontext *sc)
{
	sc->fpstate = bad_address;
}

/* Entered as if called, with the kernel's selectors (RPL 0) and every
 * flag but the two that would trap (TF, AC). */
static void privileged(struct sigcontext *sc)
{
	sc->rip = (unsigned long)resumed;
	sc->rsp = (sc->rsp & ~15UL) - 8;
	sc->cs &= ~3;
	sc->ss &= ~3;
	sc->eflags = ~(FLAGS_TF | FLAGS_AC);
}

static void reserved_mxcsr(struct sigcontext *sc)
{
	sc->fpstate->mxcsr = ~0U;
}

static void test_forged(void)
{
	CHECK(segv(forged(garbage)));
	CHECK(segv(forged(kernel_rip)));
	CHECK(segv(forged(garbage_rsp)));
	CHECK(segv(forged(unmapped_fpstate)));
	CHECK(forged(privileged) == 0);
	CHECK(forged(reserved_mxcsr) == 0);
}

/* rt_sigreturn with the stack at an unmapped page: no frame to read. */
static void __attribute__((noreturn)) return_from_nothing(void)
{
	__asm__ volatile("mov %0, %%rsp\n\tsyscall" : : "r"(bad_address), "a"(__NR_rt_sigreturn));
	__builtin_unreachable();
}

/* Spins with the stack at an unmapped page: no room for a frame. */
static void __attribute__((noreturn)) spin_without_stack(void)
{
	__asm__ volatile("mov %0, %%rsp\n1:\n\tjmp 1b" : : "r"(bad_address));
	__builtin_unreachable();
}

/* Raises SIGALRM with a handler the kernel cannot enter. */
static void __attribute__((noreturn)) raise_to(unsigned long handler, unsigned long flags)
{
	struct kernel_sigaction act = { .handler = handler, .flags = flags };

	sigaction_raw(SIGALRM, &act, NULL, KERNEL_SIGSET);
	raise(SIGALRM);
	_exit(0);
}

static void test_bad_frames(void)
{
	pid_t pid = fork();

	if (pid == 0)
		return_from_nothing();
	CHECK(killed_by(pid, SIGSEGV));
	signal(SIGUSR1, clobber);
	pid = fork();
	if (pid == 0)
		spin_without_stack();
	CHECK(segv(signal_until_exit(pid, SIGUSR1)));
	signal(SIGUSR1, SIG_DFL);
	pid = fork();
	if (pid == 0)
		raise_to((unsigned long)clobber, 0);
	CHECK(killed_by(pid, SIGSEGV));
	pid = fork();
	if (pid == 0)
		raise_to(NONCANONICAL, LINUX_SA_RESTORER);
	CHECK(killed_by(pid, SIGSEGV));
}

void test_sigframe(void)
{
	test_bad_calls();
	test_uncatchable();
	test_context_kept();
	test_forged();
	test_bad_frames();
}
