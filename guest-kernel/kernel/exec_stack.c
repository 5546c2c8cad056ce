/*
 * A new program's stack as Linux lays it out (System V x86-64 ABI): from
 * the stack pointer up, argc, argv's pointers and NULL, envp's and NULL,
 * the auxiliary vector, then the strings at the top. It is written through
 * the kernel's view of the new address space, which is not loaded yet.
 */
#include "arch.h"
#include "elf.h"
#include "exec.h"
#include "lib.h"
#include "mm.h"

struct stack_writer {
	struct mm *mm;
	uintptr_t at;
	int rc;
};

static void put(struct stack_writer *w, unsigned long word)
{
	if (!w->rc)
		w->rc = mm_copy_to(w->mm, w->at, &word, sizeof(word));
	w->at += sizeof(word);
}

/* Pointers to count strings starting at *s (a user address), then NULL. */
static void put_pointers(struct stack_writer *w, const struct exec_args *a,
			 uintptr_t base, size_t *off, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		put(w, base + *off);
		*off += strlen(a->strings + *off) + 1;
	}
	put(w, 0);
}

int exec_build_stack(struct mm *mm, const struct exec_args *args, uintptr_t entry,
		     uintptr_t *sp)
{
	uintptr_t strings = USER_STACK_TOP - args->len;
	size_t off = 0;
	struct stack_writer w = { .mm = mm };
	int rc = mm_copy_to(mm, strings, args->strings, args->len);

	if (rc)
		return rc;
	/* The ABI wants the stack pointer 16-byte aligned at argc. */
	*sp = ALIGN_DOWN(USER_STACK_TOP - exec_args_stack_size(args), 16);
	w.at = *sp;
	put(&w, args->argc);
	put_pointers(&w, args, strings, &off, args->argc);
	put_pointers(&w, args, strings, &off, args->envc);
	put(&w, AT_PAGESZ);
	put(&w, PAGE_SIZE);
	put(&w, AT_ENTRY);
	put(&w, entry);
	put(&w, AT_NULL);
	put(&w, 0);
	return w.rc;
}
