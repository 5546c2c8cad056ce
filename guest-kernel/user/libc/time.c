/* Time calls. struct timeval and struct timespec have Linux's layout in
 * newlib too (two longs), so they pass unchanged; clock ids are numbered
 * differently; times() counts in Linux's USER_HZ ticks, newlib's clock()
 * and CLK_TCK in CLOCKS_PER_SEC ones. */
#include <errno.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>

#include "abi.h"
#include "syscall.h"

_Static_assert(sizeof(struct timespec) == 2 * sizeof(long), "timespec layout");
_Static_assert(sizeof(struct timeval) == 2 * sizeof(long), "timeval layout");
_Static_assert(sizeof(struct tms) == 4 * sizeof(long), "tms layout");

static const int newlib_clock[N_CLOCKS] = { CLOCK_NAMES(ABI_VALUE) };

static clock_t ticks(clock_t linux_ticks)
{
	return linux_ticks * CLOCKS_PER_SEC / linux_user_hz;
}

clock_t times(struct tms *t)
{
	long ret = sys_result(syscall1(__NR_times, t));

	if (ret == -1)
		return (clock_t)-1;
	if (t)
		*t = (struct tms){ ticks(t->tms_utime), ticks(t->tms_stime),
				   ticks(t->tms_cutime), ticks(t->tms_cstime) };
	return ticks(ret);
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	return sys_result(syscall2(__NR_gettimeofday, tv, tz));
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return sys_result(syscall2(__NR_nanosleep, req, rem));
}

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	int linux_clock_id = abi_map(clock, newlib_clock, linux_clock, N_CLOCKS);

	if (linux_clock_id < 0) {
		errno = EINVAL;
		return -1;
	}
	return sys_result(syscall2(__NR_clock_gettime, linux_clock_id, ts));
}
