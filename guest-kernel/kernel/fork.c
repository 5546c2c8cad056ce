/*
 * fork(2): the child shares every page until either side writes it, the
 * parent's open files and working directory, its signal actions and mask,
 * its FPU state, and its user registers with 0 in rax.
 */
#include "arch.h"
#include "errno.h"
#include "fd.h"
#include "mm.h"
#include "proc.h"
#include "ramfs.h"
#include "sched.h"
#include "signal.h"
#include "syscall.h"

long sys_fork(const unsigned long *arg)
{
	struct proc *child;
	long rc = proc_alloc(current->name, &child);

	(void)arg;
	if (rc)
		return rc;
	child->mm = mm_clone(current->mm);
	if (!child->mm) {
		proc_release(child);
		return -ENOMEM;
	}
	fd_inherit(child, current);
	child->cwd = ramfs_get(current->cwd);
	signal_fork(child);
	*proc_uregs(child) = *proc_uregs(current);
	uregs_set_return(proc_uregs(child), 0);
	arch_context_fork(child, proc_first_run);
	child->parent = current;
	child->state = PROC_RUNNABLE;
	return child->pid;
}
