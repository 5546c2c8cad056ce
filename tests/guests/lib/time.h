/* Xen system time (ns since boot) from the vCPU's pvclock in vcpu_info. */
#ifndef GUEST_TIME_H
#define GUEST_TIME_H

#include <stdint.h>

uint64_t now_ns(void);

#endif
