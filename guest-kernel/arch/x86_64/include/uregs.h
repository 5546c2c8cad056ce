/*
 * A thread's user registers, saved at the top of its kernel stack on every
 * entry from user mode (and built the same way for entries from kernel
 * mode). The part from rip up is the hardware's interrupt frame.
 */
#ifndef UREGS_H
#define UREGS_H

#define UREGS_ERROR_CODE (16 * 8)
#define UREGS_SIZE (22 * 8)

#ifdef __ASSEMBLY__
/* The general registers, pushed in struct uregs order (r15 lowest). */
.macro save_registers
	push %rax
	push %rbx
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %rbp
	push %r8
	push %r9
	push %r10
	push %r11
	push %r12
	push %r13
	push %r14
	push %r15
.endm

.macro restore_registers
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rbp
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rbx
	pop %rax
.endm
#else
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

static inline long uregs_return_value(const struct uregs *r)
{
	return (long)r->rax;
}

static inline uintptr_t uregs_ip(const struct uregs *r)
{
	return r->rip;
}

static inline uintptr_t uregs_sp(const struct uregs *r)
{
	return r->rsp;
}

/*
 * Whether a system call may return as sysretq does, which loads rip from
 * rcx and rflags from r11: only while they still hold what the syscall
 * instruction put there. A call that set the registers (exec, rt_sigreturn,
 * a signal handler's entry) needs a return that restores them all.
 */
static inline bool uregs_sysret_ok(const struct uregs *r)
{
	return r->rcx == r->rip && r->r11 == r->rflags;
}
#endif
#endif
