/* Directory streams over the kernel's getdents64(). newlib's own
 * <sys/dirent.h> for a bare target is an #error; this one comes first on
 * the include path. d_type takes the kernel's (Linux's) DT_ values. */
#ifndef _SYS_DIRENT_H
#define _SYS_DIRENT_H

#include <sys/types.h>

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

#define MAXNAMLEN 255

struct dirent {
	ino_t d_ino;
	unsigned char d_type;
	char d_name[MAXNAMLEN + 1];
};

typedef struct dir_stream DIR;

/* Fills buf with struct linux_dirent64 records: see getdents64(2). */
ssize_t getdents64(int fd, void *buf, size_t len);

#endif
