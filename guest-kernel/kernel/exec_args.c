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

/*
 * For a script: argv[0] gives way to the interpreter, its one optional
 * argument (opt may be NULL) and the script's path, as Linux's
 * binfmt_script does; the rest of argv and the environment follow.
 */
int exec_args_script(struct exec_args *a, const char *interp, const char *opt,
		     const char *path)
{
	const char *front[] = { interp, opt, path };
	size_t drop = a->argc ? strlen(a->strings) + 1 : 0, add = 0;
	struct exec_args next = *a;

	next.argc -= a->argc ? 1 : 0;
	for (unsigned i = 0; i < ARRAY_SIZE(front); i++)
		if (front[i]) {
			add += strlen(front[i]) + 1;
			next.argc++;
		}
	next.len = a->len - drop + add;
	if (exec_args_stack_size(&next) > EXEC_ARGS_MAX)
		return -E2BIG;
	memmove(a->strings + add, a->strings + drop, a->len - drop);
	for (unsigned i = 0, off = 0; i < ARRAY_SIZE(front); i++)
		if (front[i]) {
			memcpy(a->strings + off, front[i], strlen(front[i]) + 1);
			off += strlen(front[i]) + 1;
		}
	*a = next;
	return 0;
}
