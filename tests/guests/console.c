/* console_io: writes of every size, a read of nothing, and bad buffers. */
#include "badptr.h"
#include "hypercall.h"
#include "test.h"

const char test_name[] = "console";

static void test_write(void)
{
	static const char line[] = "console: one console_io write\n";

	expect_eq(HYPERVISOR_console_io(CONSOLEIO_write, sizeof(line) - 1, line),
		  0, "write");
	expect_eq(HYPERVISOR_console_io(CONSOLEIO_write, 0, line), 0,
		  "zero-length write");
	expect_eq(HYPERVISOR_console_io(CONSOLEIO_write, 0, BAD_PTR_UNMAPPED), 0,
		  "zero-length write from an unmapped buffer");
}

static void test_read(void)
{
	char buf[16];

	expect_eq(HYPERVISOR_console_io(CONSOLEIO_read, 0, buf), 0,
		  "read of 0 bytes");
}

static void test_bad_buffers(void)
{
	expect_eq(HYPERVISOR_console_io(CONSOLEIO_write, 8, BAD_PTR_UNMAPPED),
		  -XEN_EFAULT, "write from an unmapped buffer");
	expect_eq(HYPERVISOR_console_io(CONSOLEIO_write, 8, BAD_PTR_HYPERVISOR),
		  -XEN_EFAULT, "write from a hypervisor address");
	expect_eq(HYPERVISOR_console_io(CONSOLEIO_write, 8, BAD_PTR_NONCANONICAL),
		  -XEN_EFAULT, "write from a non-canonical address");
	expect_eq(HYPERVISOR_console_io(99, 1, "x"), -XEN_ENOSYS,
		  "unknown console_io command");
}

void test_main(void)
{
	test_write();
	test_read();
	test_bad_buffers();
}
