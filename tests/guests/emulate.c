/*
 * Xenith only: privileged instructions from guest kernel mode that Xenith
 * traps and emulates. cli and sti become writes to the vCPU's event mask;
 * inb reaches the port because dom0 may do I/O. Real Xen reflects #GP for
 * cli/sti, or ignores them once the virtual IOPL is raised (docs/testing.md),
 * so the harness runs this guest on Xenith only.
 */
#include "events.h"
#include "hypercall.h"
#include "test.h"
#include "traps.h"

const char test_name[] = "emulate";

/* QEMU's PC decodes port 0x80 (POST codes) and reads back all ones. */
#define POST_PORT 0x80
#define POST_PORT_VALUE 0xff

static void expect_no_exception(const char *insn)
{
	if (exception_seen.count)
		fail("%s raised exception %lu, error code 0x%lx", insn,
		     exception_seen.vector, exception_seen.error_code);
}

static void test_cli(void)
{
	events_unmask();
	exceptions_reset();
	asm volatile("1:\tcli\n2:\n\t" EXTABLE("1b", "2b") ::: "memory");
	expect_no_exception("cli");
	expect_eq(vcpu()->evtchn_upcall_mask, 1, "event mask after cli");
}

static void test_sti(void)
{
	events_mask();
	exceptions_reset();
	asm volatile("1:\tsti\n2:\n\t" EXTABLE("1b", "2b") ::: "memory");
	expect_no_exception("sti");
	expect_eq(vcpu()->evtchn_upcall_mask, 0, "event mask after sti");
	events_mask();
}

static void test_inb(void)
{
	unsigned char value = 0;

	exceptions_reset();
	asm volatile("1:\tinb %[port], %[value]\n2:\n\t" EXTABLE("1b", "2b")
		     : [value] "+a"(value)
		     : [port] "i"(POST_PORT));
	expect_no_exception("inb");
	expect_eq(value, POST_PORT_VALUE, "inb from port 0x80");
}

/* As Linux's dom0 does before port I/O; Xen gives #GP for inb without it. */
static long raise_iopl(void)
{
	struct physdev_set_iopl iopl = { .iopl = 1 };
	long rc = HYPERVISOR_physdev_op(PHYSDEVOP_set_iopl, &iopl);

	if (rc)
		fail("PHYSDEVOP_set_iopl: %ld", rc);
	return rc;
}

void test_main(void)
{
	if (raise_iopl())
		return;
	test_cli();
	test_sti();
	test_inb();
}
