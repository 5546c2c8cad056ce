/* newlib's <time.h>, plus what it declares only where <sys/features.h>
 * sets _POSIX_TIMERS and _POSIX_MONOTONIC_CLOCK (RTEMS and Cygwin): the
 * guest kernel has nanosleep() and clock_gettime() on both clocks. */
#include_next <time.h>

#ifndef _XENITH_TIME_H
#define _XENITH_TIME_H

#ifndef CLOCK_MONOTONIC
/* newlib's number for it, which the glue maps to the kernel's. */
#define CLOCK_MONOTONIC ((clockid_t)4)
#endif

int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clock, struct timespec *ts);

#endif
