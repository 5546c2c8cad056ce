/*
 * System-call numbers: Linux's x86-64 ones, so that user code built for
 * Linux conventions (and this kernel's C library glue) agree on them. Only
 * the calls the kernel implements are listed; others return -ENOSYS.
 */
#ifndef UAPI_SYSCALL_NR_H
#define UAPI_SYSCALL_NR_H

#define SYS_read 0
#define SYS_write 1
#define SYS_open 2
#define SYS_close 3
#define SYS_stat 4
#define SYS_fstat 5
#define SYS_poll 7
#define SYS_lseek 8
#define SYS_mmap 9
#define SYS_munmap 11
#define SYS_brk 12
#define SYS_rt_sigaction 13
#define SYS_rt_sigprocmask 14
#define SYS_rt_sigreturn 15
#define SYS_ioctl 16
#define SYS_pipe 22
#define SYS_dup 32
#define SYS_dup2 33
#define SYS_nanosleep 35
#define SYS_getpid 39
#define SYS_fork 57
#define SYS_execve 59
#define SYS_exit 60
#define SYS_wait4 61
#define SYS_kill 62
#define SYS_getcwd 79
#define SYS_chdir 80
#define SYS_mkdir 83
#define SYS_rmdir 84
#define SYS_unlink 87
#define SYS_gettimeofday 96
#define SYS_syslog 103
#define SYS_rt_sigpending 127
#define SYS_reboot 169
#define SYS_getdents64 217
#define SYS_clock_gettime 228
#define SYS_exit_group 231
#define SYS_pipe2 293

/* wait4(2)'s option; clock_gettime(2)'s clocks. */
#define WNOHANG 1
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1

/* syslog(2)'s actions: Linux's numbers (include/linux/syslog.h). */
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_SIZE_BUFFER 10

/* reboot(2)'s magic numbers and commands, as Linux checks them. */
#define LINUX_REBOOT_MAGIC1 0xfee1deadU
#define LINUX_REBOOT_MAGIC2 672274793U
#define LINUX_REBOOT_CMD_RESTART 0x01234567U
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedcU

#endif
