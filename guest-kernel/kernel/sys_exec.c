/*
 * execve(2). The new program is loaded whole, its arguments copied in
 * first, before the old one goes: any failure leaves the caller running
 * as it was. Only then does the process become the new program.
 */
#include "arch.h"
#include "exec.h"
#include "fd.h"
#include "lib.h"
#include "mm.h"
#include "path.h"
#include "proc.h"
#include "signal.h"
#include "syscall.h"

static long load(const char *path, const unsigned long *arg, struct exec_image *image)
{
	struct exec_args args;
	struct rnode *f;
	long rc = path_lookup(path, &f);

	if (rc)
		return rc;
	rc = exec_args_from_user(&args, (char *const *)arg[1], (char *const *)arg[2]);
	if (rc)
		return rc;
	rc = exec_script(&f, path, &args);
	if (!rc)
		rc = exec_load(f, &args, image);
	exec_args_free(&args);
	return rc;
}

/* The process is named after the program's file, as Linux's comm is. */
static void set_name(struct proc *p, const char *path)
{
	const char *base = path;

	for (const char *s = path; *s; s++)
		if (*s == '/' && s[1])
			base = s + 1;
	snprintf(p->name, sizeof(p->name), "%s", base);
}

/* The old address space may go once the new one is in force. */
static void become(const char *path, const struct exec_image *image)
{
	struct mm *old = current->mm;

	current->mm = image->mm;
	arch_aspace_load(&image->mm->as);
	mm_destroy(old);
	arch_context_exec(current);
	fd_close_on_exec();
	signal_exec();
	set_name(current, path);
	arch_uregs_init(proc_uregs(current), image->entry, image->sp);
}

long sys_execve(const unsigned long *arg)
{
	struct exec_image image;
	char *path;
	long rc = path_from_user((const char *)arg[0], &path);

	if (rc)
		return rc;
	rc = load(path, arg, &image);
	if (!rc)
		become(path, &image);
	path_free(path);
	return rc;
}
