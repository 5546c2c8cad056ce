/* The system-call table, indexed by Linux's x86-64 numbers. */
#include "errno.h"
#include "lib.h"
#include "syscall.h"
#include "uapi/syscall_nr.h"

static const syscall_fn table[] = {
	[SYS_read] = sys_read,
	[SYS_write] = sys_write,
	[SYS_open] = sys_open,
	[SYS_close] = sys_close,
	[SYS_stat] = sys_stat,
	[SYS_fstat] = sys_fstat,
	[SYS_poll] = sys_poll,
	[SYS_lseek] = sys_lseek,
	[SYS_mmap] = sys_mmap,
	[SYS_munmap] = sys_munmap,
	[SYS_brk] = sys_brk,
	[SYS_rt_sigaction] = sys_rt_sigaction,
	[SYS_rt_sigprocmask] = sys_rt_sigprocmask,
	[SYS_rt_sigreturn] = sys_rt_sigreturn,
	[SYS_ioctl] = sys_ioctl,
	[SYS_pipe] = sys_pipe,
	[SYS_dup] = sys_dup,
	[SYS_dup2] = sys_dup2,
	[SYS_nanosleep] = sys_nanosleep,
	[SYS_getpid] = sys_getpid,
	[SYS_fork] = sys_fork,
	[SYS_execve] = sys_execve,
	[SYS_exit] = sys_exit,
	[SYS_wait4] = sys_wait4,
	[SYS_kill] = sys_kill,
	[SYS_getcwd] = sys_getcwd,
	[SYS_chdir] = sys_chdir,
	[SYS_mkdir] = sys_mkdir,
	[SYS_rmdir] = sys_rmdir,
	[SYS_unlink] = sys_unlink,
	[SYS_gettimeofday] = sys_gettimeofday,
	[SYS_syslog] = sys_syslog,
	[SYS_rt_sigpending] = sys_rt_sigpending,
	[SYS_reboot] = sys_reboot,
	[SYS_getdents64] = sys_getdents64,
	[SYS_clock_gettime] = sys_clock_gettime,
	/* One thread per process: exiting the thread ends the process. */
	[SYS_exit_group] = sys_exit,
	[SYS_pipe2] = sys_pipe2,
};

void syscall_dispatch(struct uregs *r)
{
	unsigned long nr = uregs_syscall_nr(r);
	unsigned long arg[6];

	for (unsigned i = 0; i < ARRAY_SIZE(arg); i++)
		arg[i] = uregs_syscall_arg(r, i);
	if (nr < ARRAY_SIZE(table) && table[nr])
		uregs_set_return(r, table[nr](arg));
	else
		uregs_set_return(r, -ENOSYS);
}
