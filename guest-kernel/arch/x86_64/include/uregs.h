/*
 * A thread's user registers, saved at the top of its kernel stack on every
 * entry from user mode (and built the same way for entries from kernel
 * mode). The part from rip up is the hardware's interrupt frame.
 */
#ifndef UREGS_H
#define UREGS_H

#define UREGS_ERROR_CODE (16 * 8)
#define UREGS_SIZE (22 * 8)

#ifndef __ASSEMBLY__
#include "types.h"

struct uregs {
	unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
	unsigned long rbp, rdi, rsi, rdx, rcx, rbx, rax;
	unsigned long vector;
	unsigned long error_code;
	unsigned long rip, cs, rflags, rsp, ss;
};

_Static_assert(__builtin_offsetof(struct uregs, error_code) == UREGS_ERROR_CODE,
	       "entry code stores at error_code");
_Static_assert(sizeof(struct uregs) == UREGS_SIZE, "entry code pushes 22 words");

static inline bool uregs_user_mode(const struct uregs *r)
{
	return (r->cs & 3) == 3;
}

/* The Linux x86-64 system-call convention. */
static inline unsigned long uregs_syscall_nr(const struct uregs *r)
{
	return r->rax;
}

static inline unsigned long uregs_syscall_arg(const struct uregs *r, unsigned i)
{
	const unsigned long args[] = { r->rdi, r->rsi, r->rdx, r->r10, r->r8, r->r9 };

	return args[i];
}

static inline void uregs_set_return(struct uregs *r, long v)
{
	r->rax = (unsigned long)v;
}
#endif
#endif
