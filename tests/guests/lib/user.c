#include <stdbool.h>

#include "events.h"
#include "hypercall.h"
#include "ptables.h"
#include "test.h"
#include "traps.h"
#include "user.h"

long user_enter(void (*fn)(void), void *stack_top, unsigned long rflags);
void __attribute__((noreturn)) user_return(long code);

static unsigned char user_stack[16384] __attribute__((aligned(16)));
static syscall_hook_t syscall_hook;

static bool have_user_l4;

long user_set_l4(xen_pfn_t mfn)
{
	long rc = mmuext1(MMUEXT_NEW_USER_BASEPTR, mfn);

	if (!rc)
		have_user_l4 = true;
	return rc;
}

long user_run(void (*fn)(void))
{
	unsigned long rflags = vcpu()->evtchn_upcall_mask ? 0 : X86_EFLAGS_IF;
	long rc;

	/* Toggling to user mode needs a user L4; Xen crashes the domain without one. */
	if (!have_user_l4) {
		rc = user_set_l4(boot_l4_mfn());
		if (rc)
			return rc;
	}
	/* As if called: rsp + 8 is 16-byte aligned at a function's entry. */
	return user_enter(fn, user_stack + sizeof(user_stack) - 8, rflags);
}

void user_exit(long code)
{
	asm volatile("syscall" : : "a"(USER_EXIT_SYSCALL), "D"(code) : "memory");
	__builtin_unreachable();
}

void user_set_syscall_hook(syscall_hook_t hook)
{
	syscall_hook = hook;
}

unsigned long syscall_dispatch(struct frame *f)
{
	if (f->rax == USER_EXIT_SYSCALL)
		user_return((long)f->rdi);
	if (syscall_hook)
		syscall_hook(f);
	else
		fail("unexpected syscall %lu from user mode", f->rax);
	return VGCF_in_syscall;
}
