/* The process table, and a process's birth and death. */
#include "arch.h"
#include "console.h"
#include "exec.h"
#include "file.h"
#include "lib.h"
#include "mm.h"
#include "page_alloc.h"
#include "printk.h"
#include "proc.h"
#include "sched.h"

static struct proc table[NPROC];
static pid_t next_pid = 1;
struct proc *init_proc;

struct proc *proc_table_slot(unsigned i)
{
	return &table[i];
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

struct proc *proc_alloc(const char *name)
{
	struct proc *p = NULL;

	for (unsigned i = 0; i < NPROC && !p; i++)
		if (table[i].state == PROC_UNUSED)
			p = &table[i];
	if (!p)
		return NULL;
	*p = (struct proc){ .pid = next_pid++ };
	p->kstack = pages_alloc(KSTACK_SIZE / PAGE_SIZE);
	if (!p->kstack)
		return NULL;
	snprintf(p->name, sizeof(p->name), "%s", name);
	return p;
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

struct proc *proc_create_init(const char *path)
{
	char *const argv[] = { (char *)path, NULL };
	struct proc *p = proc_alloc("init");
	struct exec_image image;
	int rc;

	if (!p)
		panic("no memory for init");
	rc = exec_load(path, argv, &image);
	if (rc)
		panic("cannot run %s: error %d", path, -rc);
	p->mm = image.mm;
	for (int fd = 0; fd < 3; fd++)
		p->files[fd] = file_get(console_file());
	arch_uregs_init(proc_uregs(p), image.entry, image.sp);
	arch_context_init(p, proc_first_run);
	p->state = PROC_RUNNABLE;
	init_proc = p;
	return p;
}
