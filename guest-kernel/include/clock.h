/* The periodic tick and time since boot. */
#ifndef CLOCK_H
#define CLOCK_H

#include "types.h"

#define HZ 100
#define NSEC_PER_SEC 1000000000ULL

void clock_start(void);
uint64_t clock_ns(void);

#endif
