/* The kernel's side of the glue: the one file built against Linux's uapi
 * headers (linux-libc-dev) instead of newlib's, for the values and
 * structures whose names newlib defines differently (see abi.h). */
#include <asm/errno.h>
#include <asm/fcntl.h>
#include <asm/ioctls.h>
#include <asm/param.h>
#include <asm/siginfo.h>
#include <asm/signal.h>
#include <asm/stat.h>
#include <asm/termbits.h>
#include <linux/time.h>
#include <linux/wait.h>
#include <stddef.h>

#include "abi.h"
#include "syscall.h"

const int linux_errno[N_ERRNOS] = { ERRNO_NAMES(ABI_VALUE) };
const int linux_signal[N_SIGNALS] = { SIGNAL_NAMES(ABI_VALUE) };
const int linux_open_flag[N_OPEN_FLAGS] = { OPEN_FLAG_NAMES(ABI_VALUE) };
const int linux_wait_option[N_WAIT_OPTIONS] = { WAIT_OPTION_NAMES(ABI_VALUE) };
const int linux_clock[N_CLOCKS] = { CLOCK_NAMES(ABI_VALUE) };
const long linux_user_hz = HZ;
const int linux_sigmask_how[N_SIGMASK_HOWS] = { SIGMASK_HOW_NAMES(ABI_VALUE) };
const int linux_si_code[N_SI_CODES] = { SI_CODE_NAMES(ABI_VALUE) };
const unsigned long linux_sa_restorer = SA_RESTORER;

_Static_assert(sizeof(struct abi_sigaction) == sizeof(struct sigaction) &&
		       offsetof(struct abi_sigaction, restorer) == offsetof(struct sigaction, sa_restorer) &&
		       offsetof(struct abi_sigaction, mask) == offsetof(struct sigaction, sa_mask),
	       "struct abi_sigaction is not the kernel's");
_Static_assert(offsetof(struct abi_siginfo, code) == offsetof(siginfo_t, si_code) &&
		       offsetof(struct abi_siginfo, pid) == offsetof(siginfo_t, si_pid) &&
		       offsetof(struct abi_siginfo, uid) == offsetof(siginfo_t, si_uid),
	       "struct abi_siginfo is not the kernel's");

static void to_abi_stat(const struct stat *k, struct abi_stat *st)
{
	*st = (struct abi_stat){
		.dev = k->st_dev, .ino = k->st_ino, .nlink = k->st_nlink,
		.rdev = k->st_rdev, .mode = k->st_mode, .uid = k->st_uid,
		.gid = k->st_gid, .size = k->st_size, .blksize = k->st_blksize,
		.blocks = k->st_blocks,
		.atime = k->st_atime, .atime_nsec = k->st_atime_nsec,
		.mtime = k->st_mtime, .mtime_nsec = k->st_mtime_nsec,
		.ctime = k->st_ctime, .ctime_nsec = k->st_ctime_nsec,
	};
}

long linux_stat(const char *path, struct abi_stat *st)
{
	struct stat k;
	long ret = syscall2(__NR_stat, path, &k);

	if (ret == 0)
		to_abi_stat(&k, st);
	return ret;
}

long linux_fstat(int fd, struct abi_stat *st)
{
	struct stat k;
	long ret = syscall2(__NR_fstat, fd, &k);

	if (ret == 0)
		to_abi_stat(&k, st);
	return ret;
}

/* Linux has no isatty call: a terminal is what answers TCGETS. */
long linux_isatty(int fd)
{
	struct termios t;

	return syscall3(__NR_ioctl, fd, TCGETS, &t);
}
