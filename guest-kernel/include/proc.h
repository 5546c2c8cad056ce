/* Processes: one kernel stack and one address space each. */
#ifndef PROC_H
#define PROC_H

#include "arch.h"
#include "signal.h"

#define NPROC 64
/* Descriptors per process: one bit each in cloexec. */
#define NOFILE 32

enum proc_state { PROC_UNUSED, PROC_RUNNABLE, PROC_RUNNING, PROC_SLEEPING, PROC_ZOMBIE };

struct file;
struct mm;
struct rnode;

struct proc {
	pid_t pid;
	enum proc_state state;
	char name[16];
	void *kstack;                  /* KSTACK_SIZE bytes */
	struct arch_context ctx;
	struct mm *mm;                 /* NULL for the idle thread */
	struct file *files[NOFILE];
	uint32_t cloexec;              /* descriptors exec will close */
	struct rnode *cwd;             /* a reference of its own */
	struct proc *parent;           /* NULL for init */
	const void *wait_chan;         /* what a sleeping process waits for */
	uint64_t wake_at;              /* clock_ns() deadline of a timed sleep, or 0 */
	int exit_status;               /* as wait(2) reports it */
	struct proc_signals sig;
};

extern struct proc *current;
extern struct proc *init_proc;

struct proc *proc_table_slot(unsigned i);
/* The process with that pid, a zombie too (until it is reaped), or NULL. */
struct proc *proc_find(pid_t pid);
int proc_alloc(const char *name, struct proc **out);
void proc_release(struct proc *p);
struct uregs *proc_uregs(struct proc *p);
uintptr_t proc_kstack_top(const struct proc *p);

struct proc *proc_create_init(const char *path);
void __attribute__((noreturn)) proc_exit(int status);
void __attribute__((noreturn)) proc_fatal_signal(int sig, const char *what,
						 uintptr_t ip, uintptr_t addr);

#endif
