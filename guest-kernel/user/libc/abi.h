/* What the glue's two halves share. linux_abi.c sees Linux's uapi headers
 * (the kernel's ABI), every other file newlib's (the ABI the programs were
 * compiled against) and from Linux only <asm/unistd.h>, whose __NR_ names
 * newlib does not use. Both define errno values, open flags, signal
 * numbers, clock ids and struct stat under the same names with different
 * values, so no file may include both; this header includes neither. */
#ifndef GLUE_ABI_H
#define GLUE_ABI_H

/* Names both sides define, listed once so that each side builds a table of
 * its own values in the same order. Errno: Linux's other values are named
 * by newlib only under __LINUX_ERRNO_EXTENSIONS__, and the kernel does not
 * return them. Signals: Linux alone has SIGSTKFLT and SIGPWR, newlib alone
 * SIGEMT and SIGLOST. Open flags: O_RDONLY is 0 on both; O_SYNC is two
 * bits on Linux. */
#define ERRNO_NAMES(X) \
	X(EPERM) X(ENOENT) X(ESRCH) X(EINTR) X(EIO) X(ENXIO) X(E2BIG) \
	X(ENOEXEC) X(EBADF) X(ECHILD) X(EAGAIN) X(ENOMEM) X(EACCES) X(EFAULT) \
	X(EBUSY) X(EEXIST) X(EXDEV) X(ENODEV) X(ENOTDIR) X(EISDIR) X(EINVAL) \
	X(ENFILE) X(EMFILE) X(ENOTTY) X(ETXTBSY) X(EFBIG) X(ENOSPC) X(ESPIPE) \
	X(EROFS) X(EMLINK) X(EPIPE) X(EDOM) X(ERANGE) X(EDEADLK) \
	X(ENAMETOOLONG) X(ENOLCK) X(ENOSYS) X(ENOTEMPTY) X(ELOOP) X(ENOMSG) \
	X(EIDRM) X(ENOSTR) X(ENODATA) X(ETIME) X(ENOSR) X(ENOLINK) X(EPROTO) \
	X(EMULTIHOP) X(EBADMSG) X(EOVERFLOW) X(EILSEQ) X(ENOTSOCK) \
	X(EDESTADDRREQ) X(EMSGSIZE) X(EPROTOTYPE) X(ENOPROTOOPT) \
	X(EPROTONOSUPPORT) X(EOPNOTSUPP) X(EPFNOSUPPORT) X(EAFNOSUPPORT) \
	X(EADDRINUSE) X(EADDRNOTAVAIL) X(ENETDOWN) X(ENETUNREACH) X(ENETRESET) \
	X(ECONNABORTED) X(ECONNRESET) X(ENOBUFS) X(EISCONN) X(ENOTCONN) \
	X(ETOOMANYREFS) X(ETIMEDOUT) X(ECONNREFUSED) X(EHOSTDOWN) \
	X(EHOSTUNREACH) X(EALREADY) X(EINPROGRESS) X(ESTALE) X(EDQUOT) \
	X(ECANCELED) X(EOWNERDEAD) X(ENOTRECOVERABLE)
#define SIGNAL_NAMES(X) \
	X(SIGHUP) X(SIGINT) X(SIGQUIT) X(SIGILL) X(SIGTRAP) X(SIGABRT) X(SIGBUS) \
	X(SIGFPE) X(SIGKILL) X(SIGUSR1) X(SIGSEGV) X(SIGUSR2) X(SIGPIPE) \
	X(SIGALRM) X(SIGTERM) X(SIGCHLD) X(SIGCONT) X(SIGSTOP) X(SIGTSTP) \
	X(SIGTTIN) X(SIGTTOU) X(SIGURG) X(SIGXCPU) X(SIGXFSZ) X(SIGVTALRM) \
	X(SIGPROF) X(SIGWINCH) X(SIGIO) X(SIGSYS)
#define OPEN_FLAG_NAMES(X) \
	X(O_WRONLY) X(O_RDWR) X(O_APPEND) X(O_CREAT) X(O_EXCL) X(O_TRUNC) \
	X(O_NONBLOCK) X(O_NOCTTY) X(O_SYNC) X(O_CLOEXEC) X(O_DIRECTORY) \
	X(O_NOFOLLOW)
#define WAIT_OPTION_NAMES(X) X(WNOHANG) X(WUNTRACED)
#define CLOCK_NAMES(X) X(CLOCK_REALTIME) X(CLOCK_MONOTONIC)
#define SIGMASK_HOW_NAMES(X) X(SIG_BLOCK) X(SIG_UNBLOCK) X(SIG_SETMASK)
#define SI_CODE_NAMES(X) X(SI_USER) X(SI_QUEUE) X(SI_TIMER) X(SI_ASYNCIO) X(SI_MESGQ)

#define ABI_VALUE(name) name,
#define ABI_COUNT(name) +1
enum {
	N_ERRNOS = 0 ERRNO_NAMES(ABI_COUNT),
	N_SIGNALS = 0 SIGNAL_NAMES(ABI_COUNT),
	N_OPEN_FLAGS = 0 OPEN_FLAG_NAMES(ABI_COUNT),
	N_WAIT_OPTIONS = 0 WAIT_OPTION_NAMES(ABI_COUNT),
	N_CLOCKS = 0 CLOCK_NAMES(ABI_COUNT),
	N_SIGMASK_HOWS = 0 SIGMASK_HOW_NAMES(ABI_COUNT),
	N_SI_CODES = 0 SI_CODE_NAMES(ABI_COUNT),
};

extern const int linux_errno[N_ERRNOS];
extern const int linux_signal[N_SIGNALS];
extern const int linux_open_flag[N_OPEN_FLAGS];
extern const int linux_wait_option[N_WAIT_OPTIONS];
extern const int linux_clock[N_CLOCKS];
extern const int linux_sigmask_how[N_SIGMASK_HOWS];
extern const int linux_si_code[N_SI_CODES];
/* The flag saying that a sigaction names its restorer, which x86-64
 * Linux requires. */
extern const unsigned long linux_sa_restorer;
/* The unit of Linux's times(): USER_HZ ticks a second. */
extern const long linux_user_hz;

/* struct stat as the kernel fills it, in types both sides can name. */
struct abi_stat {
	unsigned long dev, ino, nlink, rdev;
	unsigned int mode, uid, gid;
	long size, blksize, blocks;
	long atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec;
};

/* rt_sigaction's struct as the kernel takes it (not as either C library
 * declares its sigaction): Linux's flags, and its mask, bit n-1 for its
 * signal n. */
struct abi_sigaction {
	unsigned long handler, flags, restorer, mask;
};

/* The start of the kernel's siginfo (128 bytes), as kill(2) fills it. */
struct abi_siginfo {
	int signo, errno_value, code, pad;
	int pid;
	unsigned int uid;
};

/* Signal numbers from newlib's to the kernel's (-1 for one it has none
 * for; 0, "no signal", stays 0) and back (0 for one newlib has none for):
 * signal.c, for the files of newlib's side. */
int signal_to_linux(int sig);
int signal_from_linux(int sig);

/* These return what the system call did: 0 or a negative Linux errno. */
long linux_stat(const char *path, struct abi_stat *st);
long linux_fstat(int fd, struct abi_stat *st);
/* 0 when fd is a terminal (it answers TCGETS), else a negative errno. */
long linux_isatty(int fd);

/* value's counterpart in `to`, where `from` lists it; -1 if it does not. */
static inline int abi_map(int value, const int *from, const int *to, int n)
{
	for (int i = 0; i < n; i++)
		if (from[i] == value)
			return to[i];
	return -1;
}

/* Each bit set in `bits` replaced by its counterpart; -1 if one has none. */
static inline int abi_map_bits(int bits, const int *from, const int *to, int n)
{
	int out = 0;

	for (int i = 0; i < n; i++) {
		if ((bits & from[i]) == from[i]) {
			bits &= ~from[i];
			out |= to[i];
		}
	}
	return bits ? -1 : out;
}

#endif
