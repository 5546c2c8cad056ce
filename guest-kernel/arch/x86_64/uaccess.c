/*
 * Kernel access to user memory. The range is checked to lie in the user
 * half; a page that is not mapped there faults, and the exception table
 * turns that fault into -EFAULT.
 */
#include "arch.h"
#include "errno.h"
#include "trap.h"

static bool user_range_ok(const void *p, size_t n)
{
	uintptr_t start = (uintptr_t)p;

	return start < USER_END && n <= USER_END - start;
}

/* rep movsb faults with rip on itself; the copy then reports failure. */
static int copy(void *dst, const void *src, size_t n)
{
	int failed = 0;

	asm volatile("1: rep movsb\n"
		     "2:\n"
		     ".pushsection .fixup, \"ax\"\n"
		     "3: movl $1, %[failed]\n"
		     "jmp 2b\n"
		     ".popsection\n" EXTABLE("1b", "3b")
		     : "+D"(dst), "+S"(src), "+c"(n), [failed] "+r"(failed)
		     :
		     : "memory");
	return failed ? -EFAULT : 0;
}

int copy_from_user(void *dst, const void *user_src, size_t n)
{
	return user_range_ok(user_src, n) ? copy(dst, user_src, n) : -EFAULT;
}

int copy_to_user(void *user_dst, const void *src, size_t n)
{
	return user_range_ok(user_dst, n) ? copy(user_dst, src, n) : -EFAULT;
}
