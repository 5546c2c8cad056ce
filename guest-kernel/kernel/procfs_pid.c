/*
 * /proc/<pid>: stat and status, in Linux's formats, for the fields the
 * process table has. A directory is named by its pid, which is never
 * used twice, and made the first time /proc is looked in after the
 * process starts. Once the process is reaped its directory goes at the
 * next look; one still held (a working directory, an open file) lives on
 * out of the tree, empty, as a removed directory does.
 */
#include "errno.h"
#include "lib.h"
#include "proc.h"
#include "procfs.h"
#include "ramfs.h"

/* Synthetic only so that it is read-only: its entries are fixed. */
static const struct synth_ops pid_dir_ops;

/* Linux's letters and names: one about to run is running to it. */
static const struct {
	char letter;
	const char *name;
} states[] = {
	[PROC_RUNNABLE] = { 'R', "running" },
	[PROC_RUNNING] = { 'R', "running" },
	[PROC_SLEEPING] = { 'S', "sleeping" },
	[PROC_ZOMBIE] = { 'Z', "zombie" },
};

static pid_t pid_of(const struct rnode *dir)
{
	pid_t pid = 0;

	for (const char *s = dir->name; *s; s++)
		pid = pid * 10 + (*s - '0');
	return pid;
}

/* n is in the tree when it is opened, so it has a parent. */
static const struct proc *owner(const struct rnode *n)
{
	return proc_find(pid_of(n->parent));
}

/* init's parent is 0, as on Linux. */
static pid_t ppid(const struct proc *p)
{
	return p->parent ? p->parent->pid : 0;
}

/* Linux's first four fields; the rest (groups, times, memory, ...) are
 * not kept, so the line ends there. */
static int stat_show(const struct rnode *n, char *buf, size_t size)
{
	const struct proc *p = owner(n);

	if (!p)
		return -ENOENT;
	return snprintf(buf, size, "%d (%s) %c %d\n", p->pid, p->name, states[p->state].letter,
			ppid(p));
}

/* One thread per process, and everyone is root. */
static int status_show(const struct rnode *n, char *buf, size_t size)
{
	const struct proc *p = owner(n);

	if (!p)
		return -ENOENT;
	return snprintf(buf, size,
			"Name:\t%s\n"
			"State:\t%c (%s)\n"
			"Tgid:\t%d\n"
			"Pid:\t%d\n"
			"PPid:\t%d\n"
			"Uid:\t0\t0\t0\t0\n"
			"Gid:\t0\t0\t0\t0\n"
			"Threads:\t1\n",
			p->name, states[p->state].letter, states[p->state].name, p->pid, p->pid,
			ppid(p));
}

static const struct synth_ops stat_ops = { .show = stat_show };
static const struct synth_ops status_ops = { .show = status_show };

static const struct {
	const char *name;
	const struct synth_ops *ops;
} pid_files[] = {
	{ "stat", &stat_ops },
	{ "status", &status_ops },
};

static void remove_dir(struct rnode *dir)
{
	while (dir->children)
		ramfs_unlink(dir->children);
	ramfs_unlink(dir);
}

/* With memory short the process goes unlisted until a later look. */
static void add_dir(struct rnode *proc_dir, pid_t pid)
{
	struct rnode *dir, *f;
	char name[12];

	snprintf(name, sizeof(name), "%d", pid);
	if (ramfs_add(proc_dir, name, strlen(name), S_IFDIR | 0555, &dir))
		return;
	dir->synth = &pid_dir_ops;
	for (unsigned i = 0; i < ARRAY_SIZE(pid_files); i++) {
		if (ramfs_add(dir, pid_files[i].name, strlen(pid_files[i].name), S_IFREG | 0444,
			      &f)) {
			remove_dir(dir);
			return;
		}
		f->synth = pid_files[i].ops;
	}
}

static bool listed(const struct rnode *proc_dir, pid_t pid)
{
	for (const struct rnode *c = proc_dir->children; c; c = c->next_sibling)
		if (c->synth == &pid_dir_ops && pid_of(c) == pid)
			return true;
	return false;
}

void procfs_refresh_pids(struct rnode *proc_dir)
{
	struct rnode *next;

	for (struct rnode *c = proc_dir->children; c; c = next) {
		next = c->next_sibling;
		if (c->synth == &pid_dir_ops && !proc_find(pid_of(c)))
			remove_dir(c);
	}
	for (unsigned i = 0; i < NPROC; i++) {
		const struct proc *p = proc_table_slot(i);

		if (p->state != PROC_UNUSED && !listed(proc_dir, p->pid))
			add_dir(proc_dir, p->pid);
	}
}
