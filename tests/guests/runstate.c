/*
 * vCPU runstate accounting (vcpu.h): the running vCPU reads itself as
 * running, its times add up to no more than the time since boot and grow
 * while it runs, and a registered runstate area is written at once.
 */
#include "hypercall.h"
#include "test.h"
#include "time.h"

const char test_name[] = "runstate";

#define BUSY_NS 5000000ULL

static struct vcpu_runstate_info area;

static uint64_t total(const struct vcpu_runstate_info *r)
{
	return r->time[0] + r->time[1] + r->time[2] + r->time[3];
}

static void busy(uint64_t ns)
{
	uint64_t end = now_ns() + ns;

	while (now_ns() < end)
		;
}

void test_main(void)
{
	struct vcpu_runstate_info a, b;
	struct vcpu_register_runstate_memory_area reg = { .addr.v = &area };

	expect_eq(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &a), 0, "get_runstate_info");
	expect_eq(a.state, RUNSTATE_running, "own state");
	expect(total(&a) <= now_ns(), "runstate times exceed the time since boot");
	busy(BUSY_NS);
	expect_eq(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &b), 0, "get_runstate_info again");
	expect(b.time[RUNSTATE_running] >= a.time[RUNSTATE_running] + BUSY_NS / 2,
	       "running time did not grow while running");
	expect_eq(HYPERVISOR_vcpu_op(VCPUOP_register_runstate_memory_area, 0, &reg), 0,
		  "register_runstate_memory_area");
	expect_eq(area.state, RUNSTATE_running, "state in the registered area");
	expect(area.state_entry_time != 0, "the registered area was not written");
	expect_eq(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 1000, &a), -XEN_ENOENT,
		  "get_runstate_info of a vCPU that does not exist");
}
