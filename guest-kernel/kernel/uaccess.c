/* User strings: copied a page at a time, since a string may end just
 * before an unmapped page that a longer copy would fault on. */
#include "arch.h"
#include "errno.h"
#include "lib.h"
#include "uaccess.h"

long strncpy_from_user(char *dst, const char *user_src, size_t size)
{
	size_t done = 0;

	while (done < size) {
		uintptr_t at = (uintptr_t)user_src + done;
		size_t chunk = MIN(size - done, PAGE_SIZE - (at & (PAGE_SIZE - 1)));
		size_t len;

		if (copy_from_user(dst + done, user_src + done, chunk))
			return -EFAULT;
		len = strnlen(dst + done, chunk);
		if (len < chunk)
			return (long)(done + len);
		done += chunk;
	}
	return (long)size;
}
