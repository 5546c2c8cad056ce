/*
 * Exceptions bounced to the guest: each one's vector, error code, cr2 and
 * the frame (rip, cs with the saved event mask, rflags, rsp, ss) it got.
 */
#include <stdbool.h>

#include "badptr.h"
#include "events.h"
#include "test.h"
#include "traps.h"
#include "user.h"

const char test_name[] = "traps";

/* A software interrupt through a gate the guest never opened. */
#define CLOSED_VECTOR 0x41
#define IDT_ERROR_CODE(vector) (((vector) << 3) | 2)

struct expected {
	const char *name;
	unsigned long vector, error_code, rip, rsp, cr2;
	bool user;
};

static void expect_field(const char *name, const char *field,
			 unsigned long got, unsigned long want)
{
	if (got != want)
		fail("%s: %s 0x%lx, expected 0x%lx", name, field, got, want);
}

/*
 * Xen clears the RPL of a kernel-mode frame's cs (both rings are 3 on the
 * CPU) and stores the event mask it had beside it; rflags.IF mirrors it.
 */
static void check(const struct expected *e)
{
	const struct exception_seen *x = &exception_seen;
	unsigned long mask = vcpu()->evtchn_upcall_mask;
	unsigned long cs = e->user ? FLAT_USER_CS : FLAT_KERNEL_CS & ~3UL;

	if (x->count != 1) {
		fail("%s: %u exceptions, expected 1", e->name, x->count);
		return;
	}
	expect_field(e->name, "vector", x->vector, e->vector);
	expect_field(e->name, "error code", x->error_code, e->error_code);
	if (e->vector == X86_EXC_PF)
		expect_field(e->name, "cr2", x->cr2, e->cr2);
	if (e->rip)
		expect_field(e->name, "rip", x->rip, e->rip);
	if (e->rsp)
		expect_field(e->name, "rsp", x->rsp, e->rsp);
	expect_field(e->name, "cs", FRAME_CS_SELECTOR(x->cs), cs);
	expect_field(e->name, "saved mask", FRAME_CS_SAVED_MASK(x->cs), mask);
	expect_field(e->name, "rflags.IF", x->rflags & X86_EFLAGS_IF,
		     mask ? 0 : X86_EFLAGS_IF);
	expect_field(e->name, "ss", x->ss, e->user ? FLAT_USER_SS : FLAT_KERNEL_SS);
}

static void test_divide_error(void)
{
	unsigned long rip, rsp, rax = 1, rdx = 0;

	exceptions_reset();
	asm volatile("lea 1f(%%rip), %[rip]\n\t"
		     "mov %%rsp, %[rsp]\n"
		     "1:\tdivq %[zero]\n"
		     "2:\n\t" EXTABLE("1b", "2b")
		     : [rip] "=&r"(rip), [rsp] "=&r"(rsp), "+a"(rax), "+d"(rdx)
		     : [zero] "r"(0UL));
	check(&(struct expected){ "#DE", X86_EXC_DE, 0, rip, rsp, 0, false });
}

/* A trap: the frame's rip is the instruction after int3. */
static void test_breakpoint(const char *name)
{
	unsigned long rip, rsp;

	exceptions_reset();
	asm volatile("lea 1f(%%rip), %[rip]\n\t"
		     "mov %%rsp, %[rsp]\n\t"
		     "int3\n"
		     "1:\n\t" EXTABLE("1b", "1b")
		     : [rip] "=&r"(rip), [rsp] "=&r"(rsp));
	check(&(struct expected){ name, X86_EXC_BP, 0, rip, rsp, 0, false });
}

/* The frame carries the unmasked state, and iret brings it back. */
static void test_breakpoint_unmasked(void)
{
	events_unmask();
	test_breakpoint("#BP with events unmasked");
	expect(!vcpu()->evtchn_upcall_mask, "iret from #BP left events masked");
	events_mask();
}

static void test_invalid_op(void)
{
	unsigned long rip, rsp;

	exceptions_reset();
	asm volatile("lea 1f(%%rip), %[rip]\n\t"
		     "mov %%rsp, %[rsp]\n"
		     "1:\tud2\n"
		     "2:\n\t" EXTABLE("1b", "2b")
		     : [rip] "=&r"(rip), [rsp] "=&r"(rsp));
	check(&(struct expected){ "#UD", X86_EXC_UD, 0, rip, rsp, 0, false });
}

static void test_page_fault_read(void)
{
	unsigned long rip, rsp, value;

	exceptions_reset();
	asm volatile("lea 1f(%%rip), %[rip]\n\t"
		     "mov %%rsp, %[rsp]\n"
		     "1:\tmov (%[addr]), %[value]\n"
		     "2:\n\t" EXTABLE("1b", "2b")
		     : [rip] "=&r"(rip), [rsp] "=&r"(rsp), [value] "=&r"(value)
		     : [addr] "r"(UNMAPPED_VA)
		     : "memory");
	check(&(struct expected){ "#PF read", X86_EXC_PF, 0, rip, rsp,
				  UNMAPPED_VA, false });
}

static void test_page_fault_write(void)
{
	unsigned long rip, rsp;

	exceptions_reset();
	asm volatile("lea 1f(%%rip), %[rip]\n\t"
		     "mov %%rsp, %[rsp]\n"
		     "1:\tmovq $0, (%[addr])\n"
		     "2:\n\t" EXTABLE("1b", "2b")
		     : [rip] "=&r"(rip), [rsp] "=&r"(rsp)
		     : [addr] "r"(UNMAPPED_VA + 8)
		     : "memory");
	check(&(struct expected){ "#PF write", X86_EXC_PF, PFEC_WRITE, rip, rsp,
				  UNMAPPED_VA + 8, false });
}

/* Xen runs with EFER.NXE, so a fetch sets the instruction-fetch bit. */
static void test_page_fault_fetch(void)
{
	unsigned long rsp;

	exceptions_reset();
	asm volatile("mov %%rsp, %[rsp]\n\t"
		     "jmp *%[addr]\n"
		     "2:\n\t" EXTABLE("%P[target]", "2b")
		     : [rsp] "=&r"(rsp)
		     : [addr] "r"(UNMAPPED_VA + 0x40), [target] "i"(UNMAPPED_VA + 0x40)
		     : "memory");
	check(&(struct expected){ "#PF fetch", X86_EXC_PF, PFEC_INSN_FETCH,
				  UNMAPPED_VA + 0x40, rsp, UNMAPPED_VA + 0x40,
				  false });
}

static void test_general_protection(void)
{
	unsigned long rip, rsp, value;

	exceptions_reset();
	asm volatile("lea 1f(%%rip), %[rip]\n\t"
		     "mov %%rsp, %[rsp]\n"
		     "1:\tmov (%[addr]), %[value]\n"
		     "2:\n\t" EXTABLE("1b", "2b")
		     : [rip] "=&r"(rip), [rsp] "=&r"(rsp), [value] "=&r"(value)
		     : [addr] "r"(NONCANONICAL_VA)
		     : "memory");
	check(&(struct expected){ "#GP non-canonical", X86_EXC_GP, 0, rip, rsp, 0,
				  false });
}

/* The IDT error code names the gate; rip stays on the int instruction. */
static void test_closed_gate(void)
{
	unsigned long rip, rsp;

	exceptions_reset();
	asm volatile("lea 1f(%%rip), %[rip]\n\t"
		     "mov %%rsp, %[rsp]\n"
		     "1:\tint %[vector]\n"
		     "2:\n\t" EXTABLE("1b", "2b")
		     : [rip] "=&r"(rip), [rsp] "=&r"(rsp)
		     : [vector] "i"(CLOSED_VECTOR));
	check(&(struct expected){ "#GP int $0x41", X86_EXC_GP,
				  IDT_ERROR_CODE(CLOSED_VECTOR), rip, rsp, 0,
				  false });
}

static void user_page_fault(void)
{
	asm volatile("1:\tmov (%[addr]), %%al\n"
		     "2:\n\t" EXTABLE("1b", "2b")
		     :
		     : [addr] "r"(UNMAPPED_VA)
		     : "rax", "memory");
	user_exit(0);
}

/* From user mode the error code has the user bit and cs keeps RPL 3. */
static void test_user_page_fault(void)
{
	long rc;

	exceptions_reset();
	rc = user_run(user_page_fault);
	if (rc) {
		fail("user mode: %ld", rc);
		return;
	}
	check(&(struct expected){ "#PF from user mode", X86_EXC_PF, PFEC_USER, 0,
				  0, UNMAPPED_VA, true });
}

void test_main(void)
{
	test_divide_error();
	test_breakpoint("#BP");
	test_breakpoint_unmasked();
	test_invalid_op();
	test_page_fault_read();
	test_page_fault_write();
	test_page_fault_fetch();
	test_general_protection();
	test_closed_gate();
	test_user_page_fault();
}
