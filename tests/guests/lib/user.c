#include <stdbool.h>

#include "events.h"
#include "hypercall.h"
#include "pagetable.h"
#include "test.h"
#include "traps.h"
#include "user.h"

long user_enter(void (*fn)(void), void *stack_top, unsigned long rflags);
void __attribute__((noreturn)) user_return(long code);

static unsigned char user_stack[16384] __attribute__((aligned(16)));
static syscall_hook_t syscall_hook;

/* Toggling to user mode needs a user L4; Xen crashes the domain without one. */
static long set_user_l4(void)
{
	const xen_pfn_t *p2m = (const xen_pfn_t *)xen_start_info->mfn_list;
	struct mmuext_op op = {
		.cmd = MMUEXT_NEW_USER_BASEPTR,
		.arg1.mfn = p2m[xen_start_info->pt_base >> PAGE_SHIFT],
	};

	return HYPERVISOR_mmuext_op(&op, 1, NULL, DOMID_SELF);
}

long user_run(void (*fn)(void))
{
	static bool have_user_l4;
	unsigned long rflags = vcpu()->evtchn_upcall_mask ? 0 : X86_EFLAGS_IF;
	long rc;

	if (!have_user_l4) {
		rc = set_user_l4();
		if (rc)
			return rc;
		have_user_l4 = true;
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
