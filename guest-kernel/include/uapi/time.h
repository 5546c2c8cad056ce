/* Time structures as the Linux x86-64 ABI lays them out. */
#ifndef UAPI_TIME_H
#define UAPI_TIME_H

struct kernel_timespec {
	long tv_sec;
	long tv_nsec;
};

#endif
