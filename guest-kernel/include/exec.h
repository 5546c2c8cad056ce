/*
 * exec: a static ELF program from the RAM filesystem, loaded into a new
 * address space that then replaces the current process's.
 */
#ifndef EXEC_H
#define EXEC_H

#include "types.h"

struct mm;
struct rnode;

/* Strings and the pointers to them on the new stack take at most this
 * much: half the stack, so that the program keeps the other half. */
#define EXEC_ARGS_MAX (32 * 1024)

/* A program's arguments and environment, copied into the kernel before
 * the old program goes: the strings back to back, each with its NUL,
 * argv's first. */
struct exec_args {
	char *strings;                 /* EXEC_ARGS_MAX bytes */
	size_t len;
	unsigned argc, envc;
};

struct exec_image {
	struct mm *mm;
	uintptr_t entry, sp;
};

/* NULL ends each list; a NULL list is empty. */
int exec_args_from_user(struct exec_args *a, char *const *user_argv,
			char *const *user_envp);
int exec_args_from_kernel(struct exec_args *a, const char *const argv[],
			  const char *const envp[]);
void exec_args_free(struct exec_args *a);
/* A script's arguments: interp [opt] path, then argv[1...]; -E2BIG if they
 * no longer fit. */
int exec_args_script(struct exec_args *a, const char *interp, const char *opt,
		     const char *path);
/* If f is a script ("#!"), its interpreter in place of f and args made
 * for it; 0 too if it is not one. */
int exec_script(struct rnode **f, const char *path, struct exec_args *args);
/* Bytes the pointers and strings of a take on the stack. */
size_t exec_args_stack_size(const struct exec_args *a);

int exec_load(struct rnode *f, const struct exec_args *args, struct exec_image *image);
int exec_build_stack(struct mm *mm, const struct exec_args *args, uintptr_t entry,
		     uintptr_t *sp);

#endif
