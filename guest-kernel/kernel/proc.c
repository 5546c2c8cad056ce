/* The process table, and a process's birth and death. */
#include "arch.h"
#include "errno.h"
#include "exec.h"
#include "file.h"
#include "lib.h"
#include "mm.h"
#include "page_alloc.h"
#include "path.h"
#include "printk.h"
#include "proc.h"
#include "ramfs.h"
#include "sched.h"
#include "uapi/fcntl.h"

#define CONSOLE_PATH "/dev/console"

static struct proc table[NPROC];
static pid_t next_pid = 1;
struct proc *init_proc;

struct proc *proc_table_slot(unsigned i)
{
	return &table[i];
}

struct proc *proc_find(pid_t pid)
{
	for (unsigned i = 0; i < NPROC; i++)
		if (table[i].state != PROC_UNUSED && table[i].pid == pid)
			return &table[i];
	return NULL;
}

uintptr_t proc_kstack_top(const struct proc *p)
{
	return (uintptr_t)p->kstack + KSTACK_SIZE;
}

/* Every entry from user mode saves the registers at the top of the stack. */
struct uregs *proc_uregs(struct proc *p)
{
	return (struct uregs *)(proc_kstack_top(p) - sizeof(struct uregs));
}

/* A full table is the process cap: EAGAIN, as Linux's RLIMIT_NPROC gives. */
int proc_alloc(const char *name, struct proc **out)
{
	struct proc *p = NULL;

	for (unsigned i = 0; i < NPROC && !p; i++)
		if (table[i].state == PROC_UNUSED)
			p = &table[i];
	if (!p)
		return -EAGAIN;
	*p = (struct proc){ .pid = next_pid++ };
	p->kstack = pages_alloc(KSTACK_SIZE / PAGE_SIZE);
	if (!p->kstack)
		return -ENOMEM;
	snprintf(p->name, sizeof(p->name), "%s", name);
	*out = p;
	return 0;
}

/* Frees what a dead process no longer needs, from another one's stack. */
void proc_release(struct proc *p)
{
	if (p->mm)
		mm_destroy(p->mm);
	p->mm = NULL;
	pages_free(p->kstack, KSTACK_SIZE / PAGE_SIZE);
	p->kstack = NULL;
}

/* Descriptors 0, 1 and 2 share one open file, as Linux gives init. */
static void open_console(struct proc *p)
{
	struct file *f;
	int rc = file_open(CONSOLE_PATH, O_RDWR, 0, &f);

	if (rc)
		panic("cannot open %s: error %d", CONSOLE_PATH, -rc);
	p->files[0] = f;
	p->files[1] = file_get(f);
	p->files[2] = file_get(f);
}

/* init's arguments and environment are Linux's for it. */
static int load_init(const char *path, struct exec_image *image)
{
	const char *const argv[] = { path, NULL };
	const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	struct exec_args args;
	struct rnode *f;
	int rc = path_lookup(path, &f);

	if (!rc)
		rc = exec_args_from_kernel(&args, argv, envp);
	if (rc)
		return rc;
	rc = exec_load(f, &args, image);
	exec_args_free(&args);
	return rc;
}

struct proc *proc_create_init(const char *path)
{
	struct exec_image image;
	struct proc *p;
	int rc = proc_alloc("init", &p);

	if (rc)
		panic("no memory for init");
	rc = load_init(path, &image);
	if (rc)
		panic("cannot run %s: error %d", path, -rc);
	p->mm = image.mm;
	open_console(p);
	p->cwd = ramfs_get(ramfs_root());
	arch_uregs_init(proc_uregs(p), image.entry, image.sp);
	arch_context_init(p, proc_first_run);
	p->state = PROC_RUNNABLE;
	init_proc = p;
	return p;
}
