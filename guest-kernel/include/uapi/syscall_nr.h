/*
 * System-call numbers: Linux's x86-64 ones, so that user code built for
 * Linux conventions (and this kernel's C library glue) agree on them. Only
 * the calls the kernel implements are listed; others return -ENOSYS.
 */
#ifndef UAPI_SYSCALL_NR_H
#define UAPI_SYSCALL_NR_H

#define SYS_read 0
#define SYS_write 1
#define SYS_brk 12
#define SYS_nanosleep 35
#define SYS_getpid 39
#define SYS_fork 57
#define SYS_exit 60
#define SYS_wait4 61
#define SYS_reboot 169
#define SYS_clock_gettime 228
#define SYS_exit_group 231

/* wait4(2)'s option; clock_gettime(2)'s clocks. */
#define WNOHANG 1
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1

/* reboot(2)'s magic numbers and commands, as Linux checks them. */
#define LINUX_REBOOT_MAGIC1 0xfee1deadU
#define LINUX_REBOOT_MAGIC2 672274793U
#define LINUX_REBOOT_CMD_RESTART 0x01234567U
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedcU

#endif
