/* Time system calls: nanosleep(2) (to the resolution of the tick),
 * clock_gettime(2) and gettimeofday(2). */
#include "arch.h"
#include "clock.h"
#include "errno.h"
#include "lib.h"
#include "sched.h"
#include "syscall.h"
#include "uapi/syscall_nr.h"
#include "uapi/time.h"

/* Longer sleeps (136 years) end then, rather than overflow the deadline. */
#define SLEEP_MAX_SEC (1ULL << 32)

long sys_nanosleep(const unsigned long *arg)
{
	struct kernel_timespec req;
	uint64_t deadline;

	if (copy_from_user(&req, (const void *)arg[0], sizeof(req)))
		return -EFAULT;
	if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	deadline = clock_ns() + (uint64_t)req.tv_nsec +
		   MIN((uint64_t)req.tv_sec, SLEEP_MAX_SEC) * NSEC_PER_SEC;
	while (clock_ns() < deadline)
		if (sleep_until(deadline))
			return -EINTR;
	return 0;
}

long sys_clock_gettime(const unsigned long *arg)
{
	struct kernel_timespec ts;
	uint64_t ns;

	switch ((int)arg[0]) {
	case CLOCK_REALTIME:
		ns = arch_realtime_ns();
		break;
	case CLOCK_MONOTONIC:
		ns = clock_ns();
		break;
	default:
		return -EINVAL;
	}
	ts.tv_sec = (long)(ns / NSEC_PER_SEC);
	ts.tv_nsec = (long)(ns % NSEC_PER_SEC);
	return copy_to_user((void *)arg[1], &ts, sizeof(ts));
}

/* newlib's time() comes here. */
long sys_gettimeofday(const unsigned long *arg)
{
	uint64_t ns = arch_realtime_ns();
	struct kernel_timeval tv = { (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC / 1000) };
	struct kernel_timezone tz = { 0, 0 };

	if (arg[0] && copy_to_user((void *)arg[0], &tv, sizeof(tv)))
		return -EFAULT;
	if (arg[1] && copy_to_user((void *)arg[1], &tz, sizeof(tz)))
		return -EFAULT;
	return 0;
}
