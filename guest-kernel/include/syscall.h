/*
 * System calls. Each handler decodes its own arguments from the six raw
 * register values (checking every one) and returns a value or -errno.
 */
#ifndef SYSCALL_H
#define SYSCALL_H

#include "arch.h"

typedef long (*syscall_fn)(const unsigned long *arg);

void syscall_dispatch(struct uregs *r);

long sys_read(const unsigned long *arg);
long sys_write(const unsigned long *arg);
long sys_open(const unsigned long *arg);
long sys_close(const unsigned long *arg);
long sys_stat(const unsigned long *arg);
long sys_fstat(const unsigned long *arg);
long sys_lseek(const unsigned long *arg);
long sys_ioctl(const unsigned long *arg);
long sys_poll(const unsigned long *arg);
long sys_dup(const unsigned long *arg);
long sys_dup2(const unsigned long *arg);
long sys_pipe(const unsigned long *arg);
long sys_pipe2(const unsigned long *arg);
long sys_kill(const unsigned long *arg);
long sys_rt_sigaction(const unsigned long *arg);
long sys_rt_sigprocmask(const unsigned long *arg);
long sys_rt_sigpending(const unsigned long *arg);
long sys_rt_sigreturn(const unsigned long *arg);
long sys_getcwd(const unsigned long *arg);
long sys_chdir(const unsigned long *arg);
long sys_mkdir(const unsigned long *arg);
long sys_rmdir(const unsigned long *arg);
long sys_unlink(const unsigned long *arg);
long sys_getdents64(const unsigned long *arg);
long sys_brk(const unsigned long *arg);
long sys_mmap(const unsigned long *arg);
long sys_munmap(const unsigned long *arg);
long sys_nanosleep(const unsigned long *arg);
long sys_clock_gettime(const unsigned long *arg);
long sys_gettimeofday(const unsigned long *arg);
long sys_syslog(const unsigned long *arg);
long sys_getpid(const unsigned long *arg);
long sys_fork(const unsigned long *arg);
long sys_execve(const unsigned long *arg);
long sys_exit(const unsigned long *arg);
long sys_wait4(const unsigned long *arg);
long sys_reboot(const unsigned long *arg);

#endif
