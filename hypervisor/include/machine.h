/* Leaving the machine: powering QEMU off with a status, or dying loudly. */
#ifndef XENITH_MACHINE_H
#define XENITH_MACHINE_H

#include "lib.h"

/* Written to QEMU's isa-debug-exit port, which exits with 2*code+1: a
 * shutdown reason R (SHUTDOWN_poweroff ...) becomes status 2R+1. */
#define MACHINE_EXIT_PANIC 0x7f

void __noreturn machine_exit(unsigned int code);
void print_backtrace(void *frame);

#endif
