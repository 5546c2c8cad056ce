/*
 * A process's end and its parent's wait. The dead process's memory and
 * kernel stack go as soon as it is switched away from (sched.c); its slot
 * stays, a zombie holding the exit status, until its parent waits.
 * Orphans go to init, which is expected to wait for them.
 */
#include "arch.h"
#include "errno.h"
#include "fd.h"
#include "printk.h"
#include "proc.h"
#include "ramfs.h"
#include "sched.h"
#include "syscall.h"
#include "uapi/syscall_nr.h"

static void reparent_children(struct proc *p)
{
	for (unsigned i = 0; i < NPROC; i++) {
		struct proc *c = proc_table_slot(i);

		if (c->state != PROC_UNUSED && c->parent == p) {
			c->parent = init_proc;
			if (c->state == PROC_ZOMBIE)
				wakeup(init_proc);
		}
	}
}

/* status is what wait(2) will report. A parent waits on its own proc. */
void proc_exit(int status)
{
	struct proc *p = current;

	if (p == init_proc)
		panic("init exited (wait status %x)", status);
	fd_close_all(p);
	ramfs_put(p->cwd);
	p->cwd = NULL;
	reparent_children(p);
	p->exit_status = status;
	p->state = PROC_ZOMBIE;
	wakeup(p->parent);
	schedule();
	panic("a dead process ran again");
}

/* Linux's wait status for death by a signal is the signal number. */
void proc_fatal_signal(int sig, const char *what, uintptr_t ip, uintptr_t addr)
{
	printk("%s[%d]: %s at ip %lx, address %lx: killed by signal %d\n",
	       current->name, current->pid, what, ip, addr, sig);
	proc_exit(sig);
}

/* One process group: pid 0 and pids below -1 mean any child, as -1 does. */
static bool wanted(const struct proc *c, pid_t pid)
{
	return c->state != PROC_UNUSED && c->parent == current && (pid <= 0 || c->pid == pid);
}

static long reap(struct proc *c, int *user_status)
{
	pid_t pid = c->pid;

	if (user_status && copy_to_user(user_status, &c->exit_status, sizeof(int)))
		return -EFAULT;
	c->state = PROC_UNUSED;
	return pid;
}

/* wait4(pid, status, options, rusage): resource usage is not kept. */
long sys_wait4(const unsigned long *arg)
{
	pid_t pid = (pid_t)arg[0];
	int *user_status = (int *)arg[1];
	int options = (int)arg[2];

	if ((options & ~WNOHANG) || arg[3])
		return -EINVAL;
	for (;;) {
		bool have_child = false;

		for (unsigned i = 0; i < NPROC; i++) {
			struct proc *c = proc_table_slot(i);

			if (!wanted(c, pid))
				continue;
			if (c->state == PROC_ZOMBIE)
				return reap(c, user_status);
			have_child = true;
		}
		if (!have_child)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		if (sleep_on(current))
			return -EINTR;
	}
}
