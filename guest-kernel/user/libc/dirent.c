/* opendir(), readdir(), closedir() over getdents64(), which reads a batch
 * of variable-length records into a buffer that readdir() walks. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "syscall.h"

/* getdents64(2)'s record. The uapi headers do not declare it: the manual
 * page asks callers to, so this is its one declaration. */
struct linux_dirent64 {
	unsigned long d_ino;
	long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct dir_stream {
	int fd;
	size_t pos, len;
	struct dirent entry;
	/* Records are 8-byte aligned within the batch. */
	_Alignas(8) char buf[4096];
};

ssize_t getdents64(int fd, void *buf, size_t len)
{
	return sys_result(syscall3(__NR_getdents64, fd, buf, len));
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir;

	if (fd < 0)
		return NULL;
	/* Zeroed: the entry's last name byte stays the terminator. */
	dir = calloc(1, sizeof(*dir));
	if (!dir) {
		close(fd);
		return NULL;
	}
	dir->fd = fd;
	return dir;
}

/* NULL with errno untouched at the end, NULL with errno set on an error. */
struct dirent *readdir(DIR *dir)
{
	const struct linux_dirent64 *rec;

	if (dir->pos >= dir->len) {
		ssize_t got = getdents64(dir->fd, dir->buf, sizeof(dir->buf));

		if (got <= 0)
			return NULL;
		dir->pos = 0;
		dir->len = got;
	}
	rec = (const struct linux_dirent64 *)(dir->buf + dir->pos);
	dir->pos += rec->d_reclen;
	dir->entry.d_ino = rec->d_ino;
	dir->entry.d_type = rec->d_type;
	strncpy(dir->entry.d_name, rec->d_name, sizeof(dir->entry.d_name) - 1);
	return &dir->entry;
}

int closedir(DIR *dir)
{
	int ret = close(dir->fd);

	free(dir);
	return ret;
}
