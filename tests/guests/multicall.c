/*
 * multicall: a batch of xen_version and console_io entries, each with its
 * own result, where a bad entry fails alone and the batch goes on.
 */
#include "badptr.h"
#include "hypercall.h"
#include "test.h"

const char test_name[] = "multicall";

/* Results start as this so that an entry the hypervisor skipped shows. */
#define UNTOUCHED 0xdeadbeefUL
#define UNUSED_HYPERCALL 63

static const char first_line[] = "multicall: entry 1 writes this\n";
static const char last_line[] = "multicall: the last entry writes this\n";

struct call {
	const char *what;
	multicall_entry_t entry;
	long expected;
};

#define CALL(what, expected, nr, ...)                                        \
	{ what, { .op = nr, .result = UNTOUCHED, .args = { __VA_ARGS__ } },  \
	  expected }

static multicall_entry_t nested = {
	.op = __HYPERVISOR_xen_version,
	.result = UNTOUCHED,
	.args = { XENVER_version },
};

static struct call calls[] = {
	CALL("xen_version(XENVER_version)", 0, __HYPERVISOR_xen_version,
	     XENVER_version),
	CALL("console_io write", 0, __HYPERVISOR_console_io, CONSOLEIO_write,
	     sizeof(first_line) - 1, (unsigned long)first_line),
	CALL("xen_version(XENVER_pagesize)", 4096, __HYPERVISOR_xen_version,
	     XENVER_pagesize),
	CALL("unused hypercall number", -XEN_ENOSYS, UNUSED_HYPERCALL),
	CALL("extraversion into an unmapped buffer", -XEN_EFAULT,
	     __HYPERVISOR_xen_version, XENVER_extraversion, UNMAPPED_VA),
	CALL("unknown xen_version sub-op", -XEN_ENOSYS, __HYPERVISOR_xen_version,
	     0x7fff),
	CALL("multicall inside a multicall", -XEN_EINVAL, __HYPERVISOR_multicall,
	     (unsigned long)&nested, 1),
	CALL("console_io write after the failures", 0, __HYPERVISOR_console_io,
	     CONSOLEIO_write, sizeof(last_line) - 1, (unsigned long)last_line),
};

#define NR_CALLS (sizeof(calls) / sizeof(calls[0]))

void test_main(void)
{
	multicall_entry_t batch[NR_CALLS];
	unsigned int i;
	long rc;

	/* The version is only known at run time; ask it directly to compare. */
	calls[0].expected = HYPERVISOR_xen_version(XENVER_version, NULL);
	for (i = 0; i < NR_CALLS; i++)
		batch[i] = calls[i].entry;
	rc = HYPERVISOR_multicall(batch, NR_CALLS);
	expect_eq(rc, 0, "multicall");
	for (i = 0; i < NR_CALLS; i++)
		expect_eq(batch[i].result, calls[i].expected, calls[i].what);
	expect_eq(HYPERVISOR_multicall(batch, 0), 0, "empty multicall");
	expect_eq(nested.result, UNTOUCHED, "result of the refused nested entry");
}
