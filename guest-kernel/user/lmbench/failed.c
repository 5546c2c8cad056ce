/* The n/a text of a row whose system call fails here (mmap before the kernel has it). */
#include <errno.h>
#include <string.h>

#include "lmbench.h"

static char reason[128];

const char *failed(const char *what)
{
	const char *err = strerror(errno);

	reason[0] = '\0';
	strncat(reason, what, sizeof(reason) - 1);
	strncat(reason, ": ", sizeof(reason) - 1 - strlen(reason));
	strncat(reason, err, sizeof(reason) - 1 - strlen(reason));
	return reason;
}
