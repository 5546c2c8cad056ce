/* File references and the per-process descriptor table. */
#include "file.h"
#include "proc.h"

struct file *file_get(struct file *f)
{
	f->refs++;
	return f;
}

/* Only the console exists so far, and it is never freed. */
void file_put(struct file *f)
{
	f->refs--;
}

struct file *fd_file(int fd)
{
	if (fd < 0 || fd >= NOFILE)
		return NULL;
	return current->files[fd];
}
