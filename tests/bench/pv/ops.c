/*
 * The benchmark operations as a PV guest kernel (ring 3 under the
 * hypervisor). Each prepare() probes its operation once, so that an
 * operation the hypervisor does not handle becomes "n/a: why" in the table
 * instead of ending the run.
 */
#include <stddef.h>

#include "events.h"
#include "hypercall.h"
#include "pv.h"
#include "traps.h"
#include "user.h"

#include <xen/physdev.h>	/* after xen.h: it needs the stdint types */

/* ud2a; .ascii "xen": Xen's forced-emulation prefix (no public header has it). */
#define XEN_FEP ".byte 0x0f, 0x0b, 0x78, 0x65, 0x6e\n\t"

static void null_hypercall(void)
{
	HYPERVISOR_xen_version(XENVER_version, NULL);
}

static const char *prepare_null_hypercall(void)
{
	long rc = HYPERVISOR_xen_version(XENVER_version, NULL);

	return rc < 0 ? why("xen_version returned %ld", rc) : NULL;
}

/* A PV kernel's interrupt flag is its event mask; unmasking checks pending. */
static void event_mask(void)
{
	events_mask();
	events_unmask();
}

static void cpuid_fep(void)
{
	uint32_t a = 0, b, c = 0, d;

	asm volatile(XEN_FEP "cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
}

static const char *prepare_cpuid_fep(void)
{
	exceptions_reset();
	asm volatile("1: " XEN_FEP "cpuid\n2:\n\t" EXTABLE("1b", "2b")
		     : : "a"(0), "c"(0) : "rbx", "rdx", "memory");
	return exception_reason("forced-emulation cpuid");
}

/* As a Linux dom0 does: in and out are emulated only with virtual IOPL 1. */
static long set_iopl_1(void)
{
	struct physdev_set_iopl iopl = { .iopl = 1 };

	return HC(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, &iopl, 0, 0, 0);
}

static void inb_port80(void)
{
	asm volatile("inb $0x80, %%al" : : : "rax");
}

static const char *prepare_inb_port80(void)
{
	long rc = set_iopl_1();

	if (rc)
		return why("physdev_op(set_iopl) returned %ld", rc);
	exceptions_reset();
	asm volatile("1: inb $0x80, %%al\n2:\n\t" EXTABLE("1b", "2b") : : : "rax", "memory");
	return exception_reason("inb $0x80");
}

static void cli_sti(void)
{
	asm volatile("cli; sti" : : : "memory");
}

static const char *prepare_cli_sti(void)
{
	long rc = set_iopl_1();

	if (rc)
		return why("physdev_op(set_iopl) returned %ld", rc);
	exceptions_reset();
	asm volatile("1: cli\n2: sti\n3:\n\t" EXTABLE("1b", "2b") EXTABLE("2b", "3b") : : : "memory");
	return exception_reason("cli or sti");
}

static void user_probe(void)
{
	user_exit(0);
}

/*
 * The framework's user_run() proves user mode works and sets the user L4;
 * after that, syscalls from user mode go to bench_syscall_entry, so no
 * framework user mode may run again.
 */
static const char *prepare_roundtrip(void)
{
	struct callback_register cb = {
		.type = CALLBACKTYPE_syscall,
		.address = (unsigned long)bench_syscall_entry,
	};
	long rc = user_run(user_probe);

	if (rc)
		return why("user mode: user_run returned %ld", rc);
	rc = HC(__HYPERVISOR_callback_op, CALLBACKOP_register, &cb, 0, 0, 0);
	if (rc)
		return why("callback_op(register syscall) returned %ld", rc);
	rc = HC(__HYPERVISOR_stack_switch, FLAT_KERNEL_SS, bounce_stack_top, 0, 0, 0);
	return rc ? why("stack_switch returned %ld", rc) : NULL;
}

/* Riskiest last: a hypervisor that mishandles one may end the run there. */
const struct bench_op pv_ops[] = {
	{ "event_mask", event_mask, 0, 0, 0, 0, 0 },
	{ "null_hypercall", null_hypercall, prepare_null_hypercall, 0, 0, 0, 0 },
	{ "cpuid", cpuid_fep, prepare_cpuid_fep, 0, 0, 0, 0 },
	{ "inb_port80", inb_port80, prepare_inb_port80, 0, 0, 0, 0 },
	{ "cli_sti", cli_sti, prepare_cli_sti, 0, 0, 0, 0 },
	{ "syscall_roundtrip", bench_user_roundtrip, prepare_roundtrip, 0, 0, 0, 0 },
	{ 0 },
};
