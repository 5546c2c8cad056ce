/*
 * A new program's stack as the System V x86-64 ABI describes it: from the
 * stack pointer up, argc, the argv pointers and NULL, an empty environment
 * (NULL), the auxiliary vector, then the strings. All of it fits in the
 * top page, which is filled through the kernel's own mapping.
 */
#include "arch.h"
#include "elf.h"
#include "errno.h"
#include "lib.h"
#include "mm.h"

#define MAX_ARGS 32

struct stack_builder {
	char *page;              /* the top stack page, seen by the kernel */
	uintptr_t page_va;       /* where the program sees it */
	size_t used;             /* bytes taken from the top of the page */
};

/* Puts len bytes below what is already used; returns their user address. */
static uintptr_t push_bytes(struct stack_builder *b, const void *p, size_t len)
{
	if (b->used > PAGE_SIZE || len > PAGE_SIZE - b->used)
		return 0;
	b->used += len;
	memcpy(b->page + PAGE_SIZE - b->used, p, len);
	return b->page_va + PAGE_SIZE - b->used;
}

static size_t count_args(char *const argv[])
{
	size_t n = 0;

	while (argv[n])
		n++;
	return n;
}

int exec_build_stack(struct mm *mm, char *const argv[], uintptr_t entry, uintptr_t *sp)
{
	uintptr_t top_va = USER_STACK_TOP - PAGE_SIZE;
	struct stack_builder b = { .page_va = top_va };
	size_t argc = count_args(argv), nwords;
	unsigned long words[MAX_ARGS + 8];
	int rc;

	if (argc > MAX_ARGS)
		return -E2BIG;
	rc = mm_map_zeroed(mm, USER_STACK_TOP - USER_STACK_SIZE, USER_STACK_TOP, PROT_WRITE);
	if (rc)
		return rc;
	b.page = phys_to_virt(arch_lookup_page(&mm->as, top_va));
	words[0] = argc;
	for (size_t i = 0; i < argc; i++)
		if (!(words[1 + i] = push_bytes(&b, argv[i], strlen(argv[i]) + 1)))
			return -E2BIG;
	nwords = 1 + argc;
	words[nwords++] = 0;                     /* end of argv */
	words[nwords++] = 0;                     /* end of the environment */
	words[nwords++] = AT_PAGESZ;
	words[nwords++] = PAGE_SIZE;
	words[nwords++] = AT_ENTRY;
	words[nwords++] = entry;
	words[nwords++] = AT_NULL;
	words[nwords++] = 0;
	/* The ABI wants the stack pointer 16-byte aligned at argc. */
	b.used = ALIGN_UP(b.used + nwords * sizeof(long), 16) - nwords * sizeof(long);
	*sp = push_bytes(&b, words, nwords * sizeof(long));
	return *sp ? 0 : -E2BIG;
}
