/*
 * Garbage to every hypercall: unknown numbers, bad pointers, out-of-range
 * values. Each call must fail with the error real Xen 4.17 gives, and the
 * guest must still work afterwards.
 */
#include <stdbool.h>

#include "alive.h"
#include "badptr.h"
#include "hypercall.h"
#include "string.h"
#include "test.h"

const char test_name[] = "badargs";

#define NO_SUCH_PORT 4095
#define NO_SUCH_VCPU 999
#define NO_SUCH_DOMAIN 1000
#define NO_SUCH_MFN 0xffffffffffUL
#define NO_SUCH_CMD 99

struct bad_call {
	const char *what;
	unsigned long nr;
	unsigned long args[5];
	long expected;
	bool xenith_enosys;     /* Xenith does not implement it yet (docs/abi.md) */
};

#define BAD(what, expected, nr, ...) { what, nr, { __VA_ARGS__ }, expected, false }
/* A call whose hypercall or sub-op Xenith does not implement yet: there it
 * must answer -ENOSYS; remove the mark when the feature lands. */
#define PENDING(what, expected, nr, ...) { what, nr, { __VA_ARGS__ }, expected, true }
#define PTR(p) ((unsigned long)(p))

static struct evtchn_bind_virq bad_virq = { .virq = 1000, .vcpu = 0 };
static struct evtchn_bind_virq bad_virq_vcpu = { .virq = VIRQ_TIMER,
						 .vcpu = NO_SUCH_VCPU };
static struct evtchn_close unbound_port = { .port = NO_SUCH_PORT };
static struct evtchn_send huge_port = { .port = 100000 };
static struct evtchn_unmask huge_unmask = { .port = 1U << 30 };
static struct evtchn_status huge_status = { .dom = DOMID_SELF, .port = 100000 };
static struct mmuext_op bad_mmuext_cmd = { .cmd = NO_SUCH_CMD };
static struct mmuext_op pin_bad_mfn = { .cmd = MMUEXT_PIN_L1_TABLE,
					.arg1.mfn = NO_SUCH_MFN };
static struct callback_register bad_callback_type = { .type = 99 };

/* Numbers reached through the hypercall page. */
static const struct bad_call unknown_numbers[] = {
	BAD("hypercall 11", -XEN_ENOSYS, 11),
	BAD("tmem_op (removed)", -XEN_ENOSYS, __HYPERVISOR_tmem_op),
	BAD("hypercall 43", -XEN_ENOSYS, 43),
	BAD("hypercall 47", -XEN_ENOSYS, 47),
	BAD("hypercall 56", -XEN_ENOSYS, 56),
	BAD("hypercall 127", -XEN_ENOSYS, 127),
};

/* Numbers past the page, as a bare syscall would send them. */
static const struct bad_call huge_numbers[] = {
	BAD("hypercall 128", -XEN_ENOSYS, 128),
	BAD("hypercall 1000", -XEN_ENOSYS, 1000),
	BAD("hypercall 0xffffffff", -XEN_ENOSYS, 0xffffffffUL),
	BAD("hypercall 2^63", -XEN_ENOSYS, 1UL << 63),
};

static const struct bad_call bad_pointers[] = {
	BAD("set_trap_table", -XEN_EFAULT, __HYPERVISOR_set_trap_table,
	    UNMAPPED_VA),
	BAD("mmu_update", -XEN_EFAULT, __HYPERVISOR_mmu_update, UNMAPPED_VA, 1,
	    0, DOMID_SELF),
	BAD("set_gdt", -XEN_EFAULT, __HYPERVISOR_set_gdt, UNMAPPED_VA, 1),
	/* Xen answers how many extents it did, not an error, for this one. */
	BAD("memory_op increase_reservation", 0, __HYPERVISOR_memory_op,
	    XENMEM_increase_reservation, UNMAPPED_VA),
	BAD("memory_op maximum_reservation", -XEN_EFAULT, __HYPERVISOR_memory_op,
	    XENMEM_maximum_reservation, UNMAPPED_VA),
	BAD("multicall", -XEN_EFAULT, __HYPERVISOR_multicall, UNMAPPED_VA, 1),
	BAD("xen_version capabilities", -XEN_EFAULT, __HYPERVISOR_xen_version,
	    XENVER_capabilities, NONCANONICAL_VA),
	BAD("console_io write", -XEN_EFAULT, __HYPERVISOR_console_io,
	    CONSOLEIO_write, 4, HYPERVISOR_VA),
	BAD("grant_table_op query_size", -XEN_EFAULT,
	    __HYPERVISOR_grant_table_op, GNTTABOP_query_size, UNMAPPED_VA, 1),
	BAD("vcpu_op get_runstate_info", -XEN_EFAULT, __HYPERVISOR_vcpu_op,
	    VCPUOP_get_runstate_info, 0, UNMAPPED_VA),
	BAD("mmuext_op", -XEN_EFAULT, __HYPERVISOR_mmuext_op, UNMAPPED_VA, 1, 0,
	    DOMID_SELF),
	BAD("sched_op shutdown", -XEN_EFAULT, __HYPERVISOR_sched_op,
	    SCHEDOP_shutdown, UNMAPPED_VA),
	BAD("callback_op register", -XEN_EFAULT, __HYPERVISOR_callback_op,
	    CALLBACKOP_register, UNMAPPED_VA),
	BAD("event_channel_op alloc_unbound", -XEN_EFAULT,
	    __HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound, UNMAPPED_VA),
	BAD("physdev_op set_iopl", -XEN_EFAULT, __HYPERVISOR_physdev_op,
	    PHYSDEVOP_set_iopl, UNMAPPED_VA),
	PENDING("nmi_op register_callback", -XEN_EFAULT, __HYPERVISOR_nmi_op,
	    XENNMI_register_callback, UNMAPPED_VA),
	PENDING("platform_op", -XEN_EFAULT, __HYPERVISOR_platform_op, UNMAPPED_VA),
	BAD("sysctl", -XEN_EFAULT, __HYPERVISOR_sysctl, UNMAPPED_VA),
	BAD("domctl", -XEN_EFAULT, __HYPERVISOR_domctl, UNMAPPED_VA),
	BAD("event_channel_op_compat", -XEN_EFAULT,
	    __HYPERVISOR_event_channel_op_compat, UNMAPPED_VA),
	BAD("physdev_op_compat", -XEN_EFAULT, __HYPERVISOR_physdev_op_compat,
	    UNMAPPED_VA),
};

static const struct bad_call bad_values[] = {
	BAD("xen_version sub-op", -XEN_ENOSYS, __HYPERVISOR_xen_version, 0x7fff),
	BAD("console_io command", -XEN_ENOSYS, __HYPERVISOR_console_io,
	    NO_SUCH_CMD),
	BAD("sched_op command", -XEN_ENOSYS, __HYPERVISOR_sched_op, NO_SUCH_CMD),
	BAD("sched_op_compat command", -XEN_ENOSYS,
	    __HYPERVISOR_sched_op_compat, NO_SUCH_CMD),
	BAD("event_channel_op command", -XEN_ENOSYS,
	    __HYPERVISOR_event_channel_op, NO_SUCH_CMD),
	BAD("bind_virq of virq 1000", -XEN_EINVAL, __HYPERVISOR_event_channel_op,
	    EVTCHNOP_bind_virq, PTR(&bad_virq)),
	BAD("bind_virq on a missing vCPU", -XEN_ENOENT,
	    __HYPERVISOR_event_channel_op, EVTCHNOP_bind_virq,
	    PTR(&bad_virq_vcpu)),
	BAD("close of an unbound port", -XEN_EINVAL,
	    __HYPERVISOR_event_channel_op, EVTCHNOP_close, PTR(&unbound_port)),
	BAD("send to port 100000", -XEN_EINVAL, __HYPERVISOR_event_channel_op,
	    EVTCHNOP_send, PTR(&huge_port)),
	BAD("unmask of port 2^30", -XEN_EINVAL, __HYPERVISOR_event_channel_op,
	    EVTCHNOP_unmask, PTR(&huge_unmask)),
	BAD("status of port 100000", -XEN_EINVAL, __HYPERVISOR_event_channel_op,
	    EVTCHNOP_status, PTR(&huge_status)),
	PENDING("set_debugreg 8", -XEN_ENODEV, __HYPERVISOR_set_debugreg, 8, 0),
	PENDING("set_debugreg 0 to a hypervisor address", -XEN_EPERM,
	    __HYPERVISOR_set_debugreg, 0, HYPERVISOR_VA),
	PENDING("get_debugreg 8", -XEN_ENODEV, __HYPERVISOR_get_debugreg, 8),
	BAD("update_va_mapping of a hypervisor address", -XEN_EINVAL,
	    __HYPERVISOR_update_va_mapping, HYPERVISOR_VA, 0, UVMF_INVLPG),
	BAD("update_va_mapping_otherdomain of a missing domain", -XEN_ESRCH,
	    __HYPERVISOR_update_va_mapping_otherdomain, UNMAPPED_VA, 0, 0,
	    NO_SUCH_DOMAIN),
	BAD("mmuext_op command", -XEN_ENOSYS, __HYPERVISOR_mmuext_op,
	    PTR(&bad_mmuext_cmd), 1, 0, DOMID_SELF),
	BAD("mmuext_op pin of a missing frame", -XEN_EINVAL,
	    __HYPERVISOR_mmuext_op, PTR(&pin_bad_mfn), 1, 0, DOMID_SELF),
	BAD("memory_op command", -XEN_ENOSYS, __HYPERVISOR_memory_op, NO_SUCH_CMD),
	BAD("grant_table_op command", -XEN_ENOSYS, __HYPERVISOR_grant_table_op,
	    NO_SUCH_CMD, 0, 1),
	BAD("vcpu_op is_up of a missing vCPU", -XEN_ENOENT, __HYPERVISOR_vcpu_op,
	    VCPUOP_is_up, NO_SUCH_VCPU),
	BAD("vcpu_op command", -XEN_ENOSYS, __HYPERVISOR_vcpu_op, NO_SUCH_CMD, 0),
	BAD("vm_assist type 31", -XEN_EINVAL, __HYPERVISOR_vm_assist,
	    VMASST_CMD_enable, 31),
	BAD("vm_assist command", -XEN_ENOSYS, __HYPERVISOR_vm_assist, NO_SUCH_CMD,
	    0),
	BAD("callback_op command", -XEN_ENOSYS, __HYPERVISOR_callback_op,
	    NO_SUCH_CMD),
	BAD("callback_op register of type 99", -XEN_ENOSYS,
	    __HYPERVISOR_callback_op, CALLBACKOP_register,
	    PTR(&bad_callback_type)),
	BAD("set_segment_base selector", -XEN_EINVAL,
	    __HYPERVISOR_set_segment_base, NO_SUCH_CMD, 0),
	BAD("physdev_op command", -XEN_ENOSYS, __HYPERVISOR_physdev_op,
	    NO_SUCH_CMD),
	BAD("nmi_op command", -XEN_ENOSYS, __HYPERVISOR_nmi_op, NO_SUCH_CMD),
};

#define RUN(table, call) run(table, sizeof(table) / sizeof(table[0]), call)

typedef long (*caller_t)(unsigned long nr, const unsigned long *args);

static long through_page(unsigned long nr, const unsigned long *a)
{
	return hypercall_by_number(nr, a[0], a[1], a[2], a[3], a[4]);
}

static long through_syscall(unsigned long nr, const unsigned long *a)
{
	return hypercall_syscall(nr, a[0], a[1], a[2], a[3], a[4]);
}

/* Xenith names itself in the extra version (".0-xenith"). */
static bool on_xenith(void)
{
	static xen_extraversion_t extra;

	return HYPERVISOR_xen_version(XENVER_extraversion, extra) == 0 &&
	       strstr(extra, "xenith");
}

static unsigned int run(const struct bad_call *table, unsigned int n,
			caller_t call)
{
	bool xenith = on_xenith();
	unsigned int i;

	for (i = 0; i < n; i++) {
		long rc = call(table[i].nr, table[i].args);
		long expected = xenith && table[i].xenith_enosys ? -XEN_ENOSYS
								 : table[i].expected;

		if (rc != expected)
			fail("%s: got %ld, expected %ld", table[i].what, rc,
			     expected);
	}
	return n;
}

void test_main(void)
{
	unsigned int calls = 0;

	calls += RUN(unknown_numbers, through_page);
	calls += RUN(huge_numbers, through_syscall);
	calls += RUN(bad_pointers, through_page);
	calls += RUN(bad_values, through_page);
	printf("badargs: made %u bad calls\n", calls);
	/* The failed set_trap_table must have left the table in place. */
	expect_alive();
}
