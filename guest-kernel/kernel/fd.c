/* The per-process descriptor table. */
#include "errno.h"
#include "fd.h"
#include "file.h"
#include "proc.h"

int fd_install(struct file *f, bool cloexec)
{
	for (int fd = 0; fd < NOFILE; fd++) {
		if (current->files[fd])
			continue;
		current->files[fd] = f;
		if (cloexec)
			current->cloexec |= 1U << fd;
		else
			current->cloexec &= ~(1U << fd);
		return fd;
	}
	return -EMFILE;
}

struct file *fd_file(int fd)
{
	if (fd < 0 || fd >= NOFILE)
		return NULL;
	return current->files[fd];
}

int fd_install_at(struct file *f, int fd)
{
	if (fd < 0 || fd >= NOFILE)
		return -EBADF;
	if (current->files[fd])
		file_put(current->files[fd]);
	current->files[fd] = f;
	current->cloexec &= ~(1U << fd);
	return fd;
}

int fd_close(int fd)
{
	struct file *f = fd_file(fd);

	if (!f)
		return -EBADF;
	current->files[fd] = NULL;
	file_put(f);
	return 0;
}

void fd_inherit(struct proc *child, const struct proc *parent)
{
	for (int fd = 0; fd < NOFILE; fd++)
		if (parent->files[fd])
			child->files[fd] = file_get(parent->files[fd]);
	child->cloexec = parent->cloexec;
}

void fd_close_on_exec(void)
{
	for (int fd = 0; fd < NOFILE; fd++)
		if (current->cloexec & (1U << fd))
			fd_close(fd);
	current->cloexec = 0;
}

void fd_close_all(struct proc *p)
{
	for (int fd = 0; fd < NOFILE; fd++) {
		if (p->files[fd])
			file_put(p->files[fd]);
		p->files[fd] = NULL;
	}
}
