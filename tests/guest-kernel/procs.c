/*
 * Processes on the guest kernel, run as /init: fork copies the address
 * space, CPU-bound processes are preempted by the tick, a faulting process
 * dies of SIGSEGV, FPU state is per process and inherited, exit statuses
 * reach wait4, and fork/exit/wait rounds
 * recycle process slots, page tables and memory.
 */
#include "raw_syscall.h"

#define ECHILD 10
#define EINVAL 22
#define EFAULT 14
#define SIGSEGV 11
#define NSEC 1000000000L
/* More heap in all than the domain has memory: a leak would run out. */
#define ROUNDS 120
#define HEAP (4L << 20)

static int failures;
static volatile int shared_value = 42;

static unsigned long length(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

static void say(const char *s)
{
	sys_write(1, s, length(s));
}

static void check(int ok, const char *what)
{
	if (ok)
		return;
	failures++;
	say("procs: fail: ");
	say(what);
	say("\n");
}

static long now_ns(void)
{
	struct kernel_timespec ts;

	sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * NSEC + ts.tv_nsec;
}

static void check_clock(void)
{
	struct kernel_timespec ts, nap = { 0, 20 * 1000 * 1000 };
	long before = now_ns();

	sys_nanosleep(&nap);
	check(now_ns() - before >= 20 * 1000 * 1000, "CLOCK_MONOTONIC advances across a 20 ms sleep");
	check(sys_clock_gettime(CLOCK_REALTIME, &ts) == 0, "CLOCK_REALTIME reads");
	check(sys_clock_gettime(7, &ts) == -EINVAL, "an unknown clock is EINVAL");
	check(sys_clock_gettime(CLOCK_MONOTONIC, (void *)0x10) == -EFAULT,
	      "clock_gettime into a bad pointer is EFAULT");
}

static void check_fork_copies(void)
{
	int status = 0;
	long child = sys_fork();

	if (child == 0) {
		shared_value = 7;
		sys_exit(shared_value);
	}
	check(child > 1, "fork returns the child's pid");
	check(sys_wait4(child, &status, 0) == child, "wait4 returns the child");
	check(status == 7 << 8, "the exit status is the code shifted by 8");
	check(shared_value == 42, "the child's store is not seen by the parent");
	check(sys_wait4(-1, &status, 0) == -ECHILD, "wait4 without children is ECHILD");
	check(sys_wait4(-1, &status, 2) == -EINVAL, "wait4 with an unknown option is EINVAL");
}

/* Spins without system calls between clock reads: only the tick can preempt it. */
static void __attribute__((noreturn)) spin_for(long ns, int code)
{
	long end = now_ns() + ns;

	while (now_ns() < end)
		for (volatile int i = 0; i < 100000; i++)
			;
	sys_exit(code);
}

static void check_preemption(void)
{
	struct kernel_timespec nap = { 0, 30 * 1000 * 1000 };
	long a = sys_fork(), b;
	int status = 0, sum = 0;

	if (a == 0)
		spin_for(400 * 1000 * 1000, 1);
	b = sys_fork();
	if (b == 0)
		spin_for(400 * 1000 * 1000, 2);
	sys_nanosleep(&nap);
	check(sys_wait4(-1, &status, WNOHANG) == 0,
	      "the parent runs again while two children spin (the tick preempts them)");
	for (int i = 0; i < 2; i++) {
		long pid = sys_wait4(-1, &status, 0);

		check(pid == a || pid == b, "wait4 returns one of the spinners");
		sum += status >> 8;
	}
	check(sum == 3, "the spinners exit with 1 and 2");
}

static void check_fault(void)
{
	int status = 0;
	long child = sys_fork();

	if (child == 0) {
		*(volatile int *)0 = 1;
		sys_exit(0);
	}
	check(sys_wait4(child, &status, 0) == child && status == SIGSEGV,
	      "a store to address 0 kills the child with SIGSEGV");
}

static unsigned mxcsr(void)
{
	unsigned v;

	asm volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static void set_mxcsr(unsigned v)
{
	asm volatile("ldmxcsr %0" : : "m"(v));
}

/* MXCSR's rounding control (bits 13-14) is per process and survives fork. */
static void check_fpu_state(void)
{
	struct kernel_timespec nap = { 0, 30 * 1000 * 1000 };
	unsigned round_up = (mxcsr() & ~0x6000u) | 0x4000, round_down = (round_up & ~0x6000u) | 0x2000;
	int status = 0;
	long child;

	check((mxcsr() & 0xffc0) == 0x1f80, "a new process starts with the ABI's MXCSR");
	set_mxcsr(round_up);
	child = sys_fork();
	if (child == 0) {
		int inherited = mxcsr() == round_up;

		set_mxcsr(round_down);
		sys_nanosleep(&nap);
		sys_exit(inherited && mxcsr() == round_down ? 0 : 1);
	}
	sys_nanosleep(&nap);
	check(mxcsr() == round_up, "the parent's MXCSR survives the child's change");
	check(sys_wait4(child, &status, 0) == child && status == 0,
	      "the child inherits MXCSR and keeps its own across switches");
	set_mxcsr(0x1f80);
}

/* Each child grows its heap by 4 MiB, so every round builds and frees page tables. */
static void check_rounds(void)
{
	int status, good = 0;

	for (int i = 0; i < ROUNDS; i++) {
		long child = sys_fork();

		if (child == 0) {
			char *heap = (char *)sys_brk(0);

			if (sys_brk((unsigned long)heap + HEAP) != (long)heap + HEAP)
				sys_exit(0xff);
			heap[HEAP - 1] = 1;
			sys_exit(i & 0x7f);
		}
		if (child > 0 && sys_wait4(child, &status, 0) == child && status == (i & 0x7f) << 8)
			good++;
	}
	check(good == ROUNDS, "120 rounds of fork, a 4 MiB heap, exit and wait");
}

void __attribute__((noreturn)) start_main(const long *sp);
void start_main(const long *sp)
{
	(void)sp;
	check_clock();
	check_fork_copies();
	check_preemption();
	check_fault();
	check_fpu_state();
	check_rounds();
	say(failures ? "RESULT: procs: FAIL\n" : "RESULT: procs: PASS\n");
	sys_reboot(LINUX_REBOOT_CMD_POWER_OFF);
	for (;;)
		;
}
