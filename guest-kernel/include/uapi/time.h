/* Time structures as the Linux x86-64 ABI lays them out. */
#ifndef UAPI_TIME_H
#define UAPI_TIME_H

struct kernel_timespec {
	long tv_sec;
	long tv_nsec;
};

struct kernel_timeval {
	long tv_sec;
	long tv_usec;
};

/* gettimeofday(2)'s obsolete time zone, which Linux reports as UTC. */
struct kernel_timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

#endif
