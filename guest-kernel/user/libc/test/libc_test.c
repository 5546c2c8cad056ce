/* The glue checked against a real Linux kernel: run on the host, every
 * call goes through crt0, the glue's translations and newlib exactly as it
 * will on the guest kernel. Errno values, open flags and signals are picked
 * where Linux's numbers differ from newlib's, so that a missing translation
 * fails. Works in a fresh directory under argv[1] (default /tmp); prints
 * its summary in Check's format for tests/unit/run.sh. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int checks, failures;

#define CHECK(cond)                                                          \
	do {                                                                 \
		checks++;                                                    \
		if (!(cond)) {                                               \
			failures++;                                          \
			printf("%s:%d: FAIL: %s (errno %d)\n", __FILE__,     \
			       __LINE__, #cond, errno);                      \
		}                                                            \
	} while (0)

static int constructed;

static void __attribute__((constructor)) construct(void)
{
	constructed = 1;
}

/* crt0 and start.c: the stack as Linux lays it out, constructors run. */
static void test_start(int argc, char **argv)
{
	CHECK(constructed);
	CHECK(argv[argc] == NULL && environ == argv + argc + 1);
	CHECK(argv[0] && strstr(argv[0], "libc_test"));
}

static void test_files(void)
{
	char buf[16] = { 0 };
	struct stat st;
	int fd = open("f", O_WRONLY | O_CREAT | O_TRUNC, 0640);

	CHECK(fd >= 0);
	CHECK(write(fd, "hello", 5) == 5);
	CHECK(close(fd) == 0);
	/* O_APPEND and O_EXCL are where newlib's bits differ from Linux's. */
	fd = open("f", O_WRONLY | O_APPEND);
	CHECK(write(fd, "!", 1) == 1);
	close(fd);
	CHECK(open("f", O_WRONLY | O_CREAT | O_EXCL, 0640) == -1 && errno == EEXIST);

	fd = open("f", O_RDONLY);
	CHECK(lseek(fd, 1, SEEK_SET) == 1);
	CHECK(read(fd, buf, sizeof(buf)) == 5 && memcmp(buf, "ello!", 5) == 0);
	CHECK(fstat(fd, &st) == 0 && st.st_size == 6 && S_ISREG(st.st_mode) &&
	      (st.st_mode & 0777) == 0640 && st.st_nlink == 1);
	close(fd);

	CHECK(link("f", "g") == 0);
	CHECK(stat("g", &st) == 0 && st.st_nlink == 2 && st.st_size == 6);
	CHECK(unlink("g") == 0);
	CHECK(stat("g", &st) == -1 && errno == ENOENT);
	CHECK(close(fd) == -1 && errno == EBADF);
}

static void test_dirs(void)
{
	char cwd[PATH_MAX], sub[PATH_MAX + 8];
	int found = 0;
	struct dirent *d;
	struct stat st;
	DIR *dir;

	CHECK(mkdir("d", 0755) == 0);
	CHECK(stat("d", &st) == 0 && S_ISDIR(st.st_mode));
	CHECK(mkdir("d", 0755) == -1 && errno == EEXIST);
	CHECK(close(open("d/x", O_WRONLY | O_CREAT, 0600)) == 0);
	/* Linux's ENOTEMPTY is 39, newlib's 90. */
	CHECK(rmdir("d") == -1 && errno == ENOTEMPTY);

	dir = opendir("d");
	CHECK(dir != NULL);
	while (dir && (d = readdir(dir)))
		found += strcmp(d->d_name, "x") == 0 && d->d_type == DT_REG;
	CHECK(found == 1);
	CHECK(dir && closedir(dir) == 0);
	CHECK(opendir("f") == NULL && errno == ENOTDIR);

	CHECK(getcwd(cwd, sizeof(cwd)) == cwd);
	CHECK(chdir("d") == 0);
	snprintf(sub, sizeof(sub), "%s/d", cwd);
	CHECK(getcwd(cwd, sizeof(cwd)) && strcmp(cwd, sub) == 0);
	CHECK(getcwd(cwd, 1) == NULL && errno == ERANGE);
	CHECK(chdir("..") == 0);
	CHECK(unlink("d/x") == 0 && rmdir("d") == 0);

	/* Linux's ENAMETOOLONG is 36, newlib's 91. */
	memset(sub, 'a', sizeof(sub) - 1);
	sub[sizeof(sub) - 1] = '\0';
	CHECK(open(sub, O_RDONLY) == -1 && errno == ENAMETOOLONG);
}

static void test_processes(void)
{
	int fds[2], status;
	pid_t pid;
	char c;

	CHECK(getpid() > 0);
	CHECK(pipe(fds) == 0);
	CHECK(isatty(fds[0]) == 0 && errno == ENOTTY);

	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		write(1, "c", 1);
		_exit(3);
	}
	CHECK(pid > 0);
	CHECK(read(fds[0], &c, 1) == 1 && c == 'c');
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 3);
	CHECK(wait(&status) == -1 && errno == ECHILD);

	/* SIGUSR1 is 10 on Linux, 30 in newlib: both directions must map. The
	 * child waits for end of file, so that it ends even if kill() fails. */
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, WNOHANG) == 0);
	CHECK(kill(pid, SIGUSR1) == 0);
	close(fds[1]);
	CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGUSR1);

	CHECK(execve("/nonexistent", (char *[]){ "x", NULL }, environ) == -1 &&
	      errno == ENOENT);
	close(fds[0]);
}

static volatile int last_signal, last_code, last_pid;

static void note(int sig)
{
	last_signal = sig;
}

static void note_info(int sig, siginfo_t *info, void *context)
{
	(void)context;
	last_signal = sig;
	last_code = info->si_code;
	last_pid = info->si_pid;
}

/* Handlers see newlib's numbers (SIGUSR1 30, SIGUSR2 31; Linux's 10, 12),
 * masks map bit by bit, SIG_BLOCK is 1 in newlib and 0 on Linux, and the
 * kernel's frame returns through the glue's restorer. */
static void test_signals(void)
{
	struct sigaction act = { .sa_handler = note }, old;
	sigset_t set, pending;

	CHECK(sigaction(SIGUSR1, &act, &old) == 0 && old.sa_handler == SIG_DFL);
	CHECK(raise(SIGUSR1) == 0 && last_signal == SIGUSR1);
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == note);
	act = (struct sigaction){ .sa_sigaction = note_info, .sa_flags = SA_SIGINFO };
	CHECK(sigaction(SIGUSR2, &act, NULL) == 0 && kill(getpid(), SIGUSR2) == 0);
	CHECK(last_signal == SIGUSR2 && last_code == SI_USER && last_pid == getpid());

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	last_signal = 0;
	CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0 && raise(SIGUSR1) == 0);
	CHECK(last_signal == 0 && sigpending(&pending) == 0 && pending == set);
	CHECK(sigprocmask(SIG_UNBLOCK, &set, &pending) == 0 && pending == set);
	CHECK(last_signal == SIGUSR1);

	CHECK(signal(SIGUSR1, SIG_IGN) == note && raise(SIGUSR1) == 0);
	CHECK(signal(SIGUSR1, SIG_DFL) == SIG_IGN);
	CHECK(sigaction(SIGKILL, &act, NULL) == -1 && errno == EINVAL);
}

static void test_memory(void)
{
	char *p = sbrk(0), *big = malloc(1 << 20), *m;

	CHECK(p != (char *)-1);
	CHECK(big != NULL);
	if (big)
		memset(big, 1, 1 << 20);
	free(big);

	m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED && m[4096] == 0);
	if (m != MAP_FAILED)
		m[4096] = 1;
	CHECK(munmap(m, 8192) == 0);
	CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED &&
	      errno == EBADF);
}

static void test_time(void)
{
	struct timeval before, after;
	struct timespec nap = { 0, 20 * 1000 * 1000 }, now, up;
	struct tms t;
	char num[32];

	CHECK(gettimeofday(&before, NULL) == 0 && before.tv_sec > 0);
	CHECK(nanosleep(&nap, NULL) == 0);
	CHECK(gettimeofday(&after, NULL) == 0);
	CHECK((after.tv_sec - before.tv_sec) * 1000000 + after.tv_usec -
	      before.tv_usec >= 20000);
	CHECK(times(&t) != (clock_t)-1);
	/* CLOCK_REALTIME is 1 in newlib, 0 on Linux (where 1 is monotonic). */
	CHECK(clock_gettime(CLOCK_REALTIME, &now) == 0 && now.tv_sec >= after.tv_sec);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &up) == 0 && up.tv_sec < now.tv_sec);
	CHECK(clock_gettime(99, &up) == -1 && errno == EINVAL);
	CHECK(time(NULL) >= before.tv_sec);
	/* Floating point formatting runs on SSE registers. */
	snprintf(num, sizeof(num), "%.3f %lld", 2.5, 1LL << 40);
	CHECK(strcmp(num, "2.500 1099511627776") == 0);
}

/* poll()'s structure and bits reach Linux as they are; a closed
 * descriptor's EBADF shows as POLLNVAL, EFAULT through errno. */
static void test_poll(void)
{
	struct pollfd p[2];
	int fds[2];

	CHECK(pipe(fds) == 0);
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	CHECK(poll(p, 2, 0) == 1 && p[0].revents == 0 && p[1].revents == POLLOUT);
	CHECK(write(fds[1], "x", 1) == 1);
	CHECK(poll(p, 1, -1) == 1 && p[0].revents == POLLIN);
	close(fds[1]);
	CHECK(poll(p, 1, 0) == 1 && p[0].revents == (POLLIN | POLLHUP));
	close(fds[0]);
	CHECK(poll(p, 1, 0) == 1 && p[0].revents == POLLNVAL);
	CHECK(poll((struct pollfd *)16, 1, 0) == -1 && errno == EFAULT);
}

/* The kernel log may be closed to this user (kernel.dmesg_restrict): EPERM,
 * which has one number on both sides, still shows the glue's result. */
static void test_klog(void)
{
	char buf[64];
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);

	CHECK(size > 0 || errno == EPERM);
	CHECK(klogctl(SYSLOG_ACTION_READ_ALL, buf, sizeof(buf)) >= 0 || errno == EPERM);
}

int main(int argc, char **argv)
{
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s/libc_test.%d", argc > 1 ? argv[1] : "/tmp",
		 (int)getpid());
	if (mkdir(dir, 0700) != 0 || chdir(dir) != 0) {
		printf("libc_test: cannot work in %s (errno %d)\n", dir, errno);
		return 1;
	}
	printf("Running suite(s): libc glue on the host\n");
	test_start(argc, argv);
	test_files();
	test_dirs();
	test_processes();
	test_signals();
	test_memory();
	test_time();
	test_poll();
	test_klog();

	unlink("f");
	chdir("..");
	rmdir(dir);
	printf("%d%%: Checks: %d, Failures: %d, Errors: 0\n",
	       (checks - failures) * 100 / checks, checks, failures);
	return failures != 0;
}
