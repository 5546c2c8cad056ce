/* The system-call table, indexed by Linux's x86-64 numbers. */
#include "errno.h"
#include "lib.h"
#include "syscall.h"
#include "uapi/syscall_nr.h"

static const syscall_fn table[] = {
	[SYS_read] = sys_read,
	[SYS_write] = sys_write,
	[SYS_brk] = sys_brk,
	[SYS_nanosleep] = sys_nanosleep,
	[SYS_getpid] = sys_getpid,
	[SYS_fork] = sys_fork,
	[SYS_exit] = sys_exit,
	[SYS_wait4] = sys_wait4,
	[SYS_reboot] = sys_reboot,
	[SYS_clock_gettime] = sys_clock_gettime,
	/* One thread per process: exiting the thread ends the process. */
	[SYS_exit_group] = sys_exit,
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
