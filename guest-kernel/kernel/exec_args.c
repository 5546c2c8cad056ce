/*
 * Gathering exec's arguments and environment into the kernel, where they
 * survive the old address space. The limit counts each string's pointer
 * with it, since both end up on the new stack.
 */
#include "arch.h"
#include "errno.h"
#include "exec.h"
#include "lib.h"
#include "page_alloc.h"
#include "uaccess.h"

#define ARGS_PAGES (EXEC_ARGS_MAX / PAGE_SIZE)
/* The pointer arrays' two NULLs and the auxiliary vector (exec_stack.c). */
#define FIXED_WORDS 8

static int args_init(struct exec_args *a)
{
	*a = (struct exec_args){ .strings = pages_alloc(ARGS_PAGES) };
	return a->strings ? 0 : -ENOMEM;
}

void exec_args_free(struct exec_args *a)
{
	pages_free(a->strings, ARGS_PAGES);
}

size_t exec_args_stack_size(const struct exec_args *a)
{
	return a->len + (1 + a->argc + a->envc + FIXED_WORDS) * sizeof(long);
}

/* The room left for one more string and its pointer. */
static size_t room(const struct exec_args *a)
{
	size_t used = exec_args_stack_size(a) + sizeof(long);

	return used < EXEC_ARGS_MAX ? EXEC_ARGS_MAX - used : 0;
}

/* Appends the user string at s; counts it in *count. */
static int add_user_string(struct exec_args *a, const char *s, unsigned *count)
{
	size_t max = room(a);
	long len = strncpy_from_user(a->strings + a->len, s, max);

	if (len < 0)
		return (int)len;
	if ((size_t)len == max)
		return -E2BIG;
	a->len += (size_t)len + 1;
	(*count)++;
	return 0;
}

static int add_user_list(struct exec_args *a, char *const *list, unsigned *count)
{
	char *s;
	int rc;

	for (size_t i = 0; list; i++) {
		if (copy_from_user(&s, list + i, sizeof(s)))
			return -EFAULT;
		if (!s)
			return 0;
		rc = add_user_string(a, s, count);
		if (rc)
			return rc;
	}
	return 0;
}

int exec_args_from_user(struct exec_args *a, char *const *user_argv,
			char *const *user_envp)
{
	int rc = args_init(a);

	if (!rc)
		rc = add_user_list(a, user_argv, &a->argc);
	if (!rc)
		rc = add_user_list(a, user_envp, &a->envc);
	if (rc && a->strings)
		exec_args_free(a);
	return rc;
}

/* The kernel's own lists (init's) are known to fit. */
static void add_kernel_list(struct exec_args *a, const char *const list[], unsigned *count)
{
	for (; *list; list++, (*count)++) {
		size_t len = strlen(*list) + 1;

		memcpy(a->strings + a->len, *list, len);
		a->len += len;
	}
}

int exec_args_from_kernel(struct exec_args *a, const char *const argv[],
			  const char *const envp[])
{
	int rc = args_init(a);

	if (rc)
		return rc;
	add_kernel_list(a, argv, &a->argc);
	add_kernel_list(a, envp, &a->envc);
	return 0;
}
