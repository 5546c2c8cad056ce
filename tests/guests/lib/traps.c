#include <stdbool.h>

#include "events.h"
#include "frame.h"
#include "hypercall.h"
#include "string.h"
#include "test.h"
#include "traps.h"
#include "user.h"

struct extable_entry {
	unsigned long fault, resume;
};

extern const struct extable_entry __extable_start[], __extable_end[];

extern char exc_divide_error[], exc_debug[], exc_int3[], exc_overflow[],
	exc_bounds[], exc_invalid_op[], exc_device_not_available[],
	exc_double_fault[], exc_invalid_tss[], exc_segment_not_present[],
	exc_stack_segment[], exc_general_protection[], exc_page_fault[],
	exc_fpu_error[], exc_alignment_check[], exc_machine_check[],
	exc_simd_error[];

/*
 * int3 and into are allowed from any privilege (DPL 3) like on native
 * x86; everything else only from the kernel.
 */
#define GATE(vec, dpl, stub)                                                 \
	{ .vector = vec, .flags = dpl, .cs = FLAT_KERNEL_CS,                 \
	  .address = (unsigned long)stub }

static const trap_info_t trap_table[] = {
	GATE(0, 0, exc_divide_error),
	GATE(1, 0, exc_debug),
	GATE(3, 3, exc_int3),
	GATE(4, 3, exc_overflow),
	GATE(5, 0, exc_bounds),
	GATE(6, 0, exc_invalid_op),
	GATE(7, 0, exc_device_not_available),
	GATE(8, 0, exc_double_fault),
	GATE(10, 0, exc_invalid_tss),
	GATE(11, 0, exc_segment_not_present),
	GATE(12, 0, exc_stack_segment),
	GATE(13, 0, exc_general_protection),
	GATE(14, 0, exc_page_fault),
	GATE(16, 0, exc_fpu_error),
	GATE(17, 0, exc_alignment_check),
	GATE(18, 0, exc_machine_check),
	GATE(19, 0, exc_simd_error),
	{ 0 },
};

struct exception_seen exception_seen;

long traps_init(void)
{
	return HYPERVISOR_set_trap_table(trap_table);
}

void exceptions_reset(void)
{
	memset(&exception_seen, 0, sizeof(exception_seen));
}

long read_faults(unsigned long va)
{
	exceptions_reset();
	asm volatile("1: mov (%0), %%rax\n2:\n\t" EXTABLE("1b", "2b")
		     : : "r"(va) : "rax", "memory");
	return exception_seen.count ? (long)exception_seen.error_code : -1;
}

long write_faults(unsigned long va, unsigned long v)
{
	exceptions_reset();
	asm volatile("1: mov %1, (%0)\n2:\n\t" EXTABLE("1b", "2b")
		     : : "r"(va), "r"(v) : "memory");
	return exception_seen.count ? (long)exception_seen.error_code : -1;
}

static const struct extable_entry *extable_find(unsigned long rip)
{
	const struct extable_entry *e;

	for (e = __extable_start; e < __extable_end; e++)
		if (e->fault == rip)
			return e;
	return NULL;
}

static void record(const struct frame *f)
{
	exception_seen = (struct exception_seen){
		.count = exception_seen.count + 1,
		.vector = f->vector,
		.error_code = f->error_code,
		.rip = f->rip,
		.cs = f->cs,
		.rflags = f->rflags,
		.rsp = f->rsp,
		.ss = f->ss,
		.cr2 = f->vector == X86_EXC_PF ? vcpu()->arch.cr2 : 0,
	};
}

static void __attribute__((noreturn)) exception_fatal(const struct frame *f)
{
	static bool dying;

	if (dying) {
		struct sched_shutdown crash = { .reason = SHUTDOWN_crash };

		HYPERVISOR_sched_op(SCHEDOP_shutdown, &crash);
	}
	dying = true;
	fail("unexpected exception %lu at rip 0x%lx cs 0x%lx error code 0x%lx cr2 0x%lx",
	     f->vector, f->rip, f->cs, f->error_code, vcpu()->arch.cr2);
	test_finish();
}

unsigned long entry_dispatch(struct frame *f)
{
	const struct extable_entry *e;

	if (f->vector == VECTOR_EVENT) {
		event_upcall();
		return 0;
	}
	if (f->vector == VECTOR_SYSCALL)
		return syscall_dispatch(f);
	e = extable_find(f->rip);
	if (!e)
		exception_fatal(f);
	record(f);
	f->rip = e->resume;
	return 0;
}

void __attribute__((noreturn)) failsafe_fatal(void);
void failsafe_fatal(void)
{
	fail("failsafe callback: a segment reload failed");
	test_finish();
}
