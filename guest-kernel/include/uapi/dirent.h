/* getdents64(2)'s record, as Linux has it. */
#ifndef UAPI_DIRENT_H
#define UAPI_DIRENT_H

#include "types.h"

/* Records are padded to 8 bytes; d_name ends with a NUL. */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;         /* where the next record starts, for lseek */
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];
};

#endif
