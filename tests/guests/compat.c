/*
 * The old hypercall forms still answer as their newer ones:
 * event_channel_op_compat and physdev_op_compat (one structure starting
 * with the command) and sched_op_compat (arguments by value).
 */
#include "hypercall.h"
#include "test.h"

const char test_name[] = "compat";

static long compat(unsigned long nr, void *op)
{
	return hypercall_by_number(nr, (unsigned long)op, 0, 0, 0, 0);
}

static void event_channels(void)
{
	struct evtchn_op op = { .cmd = EVTCHNOP_bind_virq,
				.u.bind_virq = { .virq = VIRQ_TIMER, .vcpu = 0 } };

	expect_eq(compat(__HYPERVISOR_event_channel_op_compat, &op), 0, "bind_virq");
	evtchn_port_t port = op.u.bind_virq.port;
	expect(port != 0, "bind_virq gave no port");
	op = (struct evtchn_op){ .cmd = EVTCHNOP_status,
				 .u.status = { .dom = DOMID_SELF, .port = port } };
	expect_eq(compat(__HYPERVISOR_event_channel_op_compat, &op), 0, "status");
	expect_eq(op.u.status.status, EVTCHNSTAT_virq, "status of the VIRQ port");
	expect_eq(op.u.status.u.virq, VIRQ_TIMER, "its VIRQ");
	op = (struct evtchn_op){ .cmd = EVTCHNOP_close, .u.close = { .port = port } };
	expect_eq(compat(__HYPERVISOR_event_channel_op_compat, &op), 0, "close");
}

static void physdev(void)
{
	struct physdev_op op = { .cmd = PHYSDEVOP_set_iopl, .u.set_iopl = { .iopl = 4 } };

	expect_eq(compat(__HYPERVISOR_physdev_op_compat, &op), -XEN_EINVAL, "set_iopl 4");
	op.u.set_iopl.iopl = 1;
	expect_eq(compat(__HYPERVISOR_physdev_op_compat, &op), 0, "set_iopl 1");
}

void test_main(void)
{
	event_channels();
	physdev();
	expect_eq(hypercall_by_number(__HYPERVISOR_sched_op_compat, SCHEDOP_yield, 0, 0, 0, 0), 0,
		  "sched_op_compat yield");
}
