/*
 * The trap table and the one C entry every bounce reaches. All gates are
 * interrupt gates (flag 4): Xen masks events on delivery, so the kernel
 * always runs with them masked, as native code runs with IF clear.
 */
#include "hypercall.h"
#include "printk.h"
#include "sched.h"
#include "syscall.h"
#include "trap.h"
#include "vectors.h"
#include "xenpv.h"

#define MASK_EVENTS 4

extern char exc_divide_error[], exc_debug[], exc_int3[], exc_overflow[],
	exc_bounds[], exc_invalid_op[], exc_device_not_available[],
	exc_double_fault[], exc_invalid_tss[], exc_segment_not_present[],
	exc_stack_segment[], exc_general_protection[], exc_page_fault[],
	exc_fpu_error[], exc_alignment_check[], exc_machine_check[],
	exc_simd_error[];

/* int3 and into may be used from user mode (DPL 3), as on native x86. */
#define GATE(vec, dpl, stub)                                                 \
	{ .vector = vec, .flags = MASK_EVENTS | (dpl), .cs = FLAT_KERNEL_CS, \
	  .address = (unsigned long)(stub) }

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

void traps_init(void)
{
	if (HYPERVISOR_set_trap_table(trap_table))
		arch_crash();
}

/*
 * Returns the flags for the iret hypercall. rcx and r11 are the syscall
 * instruction's to clobber, so Xen may return from one as sysret does,
 * unless the call set them (exec, rt_sigreturn, a signal handler's entry).
 */
unsigned long trap_dispatch(struct uregs *r);
unsigned long trap_dispatch(struct uregs *r)
{
	switch (r->vector) {
	case VECTOR_SYSCALL:
		syscall_dispatch(r);
		break;
	case VECTOR_EVENT:
		event_upcall();
		break;
	default:
		/* Xen gives a page fault's address in vcpu_info, not cr2. */
		x86_exception(r, r->vector == X86_EXC_PF ? vcpu()->arch.cr2 : 0);
	}
	if (uregs_user_mode(r))
		sched_return_to_user();
	return r->vector == VECTOR_SYSCALL && uregs_sysret_ok(r) ? VGCF_in_syscall : 0;
}

void __attribute__((noreturn)) failsafe_fatal(void);
void failsafe_fatal(void)
{
	panic("failsafe callback: Xen could not reload a segment register");
}
