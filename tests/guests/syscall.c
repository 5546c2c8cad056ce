/*
 * A syscall from guest user mode reaches the kernel's syscall callback with
 * the user context in Xen's frame, and the kernel returns to user mode with
 * the iret hypercall's VGCF_in_syscall (sysret) path.
 */
#include "events.h"
#include "hypercall.h"
#include "test.h"
#include "traps.h"
#include "user.h"

const char test_name[] = "syscall";

#define PROBE_SYSCALL 0x5ca11UL
#define PROBE_ARG 0xa5a5a5a5a5UL
#define PROBE_RESULT 0x600dUL
#define EXIT_CODE 0x5a

/* What the user side saw around its syscall instruction. */
static struct {
	unsigned long rip, rsp, rax, rdi, rcx, r11;
} user;

static struct frame seen;
static unsigned int calls;

static void on_syscall(struct frame *f)
{
	seen = *f;
	calls++;
	f->rax = PROBE_RESULT;
}

static void user_main(void)
{
	register unsigned long r11 asm("r11");
	unsigned long rax = PROBE_SYSCALL, rdi = PROBE_ARG, rcx, rip, rsp;

	asm volatile("lea 1f(%%rip), %[rip]\n\t"
		     "mov %%rsp, %[rsp]\n\t"
		     "syscall\n"
		     "1:"
		     : [rip] "=&r"(rip), [rsp] "=&r"(rsp), "+a"(rax), "+D"(rdi),
		       "=c"(rcx), "=r"(r11)
		     :
		     : "memory");
	user.rip = rip;
	user.rsp = rsp;
	user.rax = rax;
	user.rdi = rdi;
	user.rcx = rcx;
	user.r11 = r11;
	user_exit(EXIT_CODE);
}

/* The callback runs in kernel mode on the stack_switch stack. */
static void check_callback_frame(void)
{
	expect_eq(calls, 1, "syscall callbacks");
	expect_eq(seen.rax, PROBE_SYSCALL, "callback rax");
	expect_eq(seen.rdi, PROBE_ARG, "callback rdi");
	expect_eq(seen.rip, user.rip, "callback frame rip");
	expect_eq(seen.rsp, user.rsp, "callback frame rsp");
	expect_eq(FRAME_CS_SELECTOR(seen.cs), FLAT_USER_CS, "callback frame cs");
	expect_eq(seen.ss, FLAT_USER_SS, "callback frame ss");
	expect_eq(FRAME_CS_SAVED_MASK(seen.cs), vcpu()->evtchn_upcall_mask,
		  "callback frame saved mask");
	expect_eq(seen.rflags & X86_EFLAGS_IF,
		  vcpu()->evtchn_upcall_mask ? 0 : X86_EFLAGS_IF,
		  "callback frame rflags.IF");
	/*
	 * The CPU's syscall put the return rip and rflags in rcx and r11; the
	 * real IF is always set, the frame's rflags carries the virtual one.
	 */
	expect_eq(seen.rcx, user.rip, "callback rcx");
	expect_eq(seen.r11, seen.rflags | X86_EFLAGS_IF, "callback r11");
}

/* VGCF_in_syscall returns like sysret: rcx and r11 are rip and rflags. */
static void check_user_return(void)
{
	expect_eq(user.rax, PROBE_RESULT, "user rax after syscall");
	expect_eq(user.rdi, PROBE_ARG, "user rdi after syscall");
	expect_eq(user.rcx, user.rip, "user rcx after syscall");
	expect_eq(user.r11 & X86_EFLAGS_IF, X86_EFLAGS_IF,
		  "user rflags.IF after syscall");
}

void test_main(void)
{
	long rc;

	user_set_syscall_hook(on_syscall);
	rc = user_run(user_main);
	user_set_syscall_hook(NULL);
	expect_eq(rc, EXIT_CODE, "user_run");
	if (rc != EXIT_CODE)
		return;
	check_callback_frame();
	check_user_return();
	/* Only a kernel-mode syscall is a hypercall; in user mode it would bounce. */
	expect(HYPERVISOR_xen_version(XENVER_version, NULL) > 0,
	       "not back in kernel mode after user_run");
}
