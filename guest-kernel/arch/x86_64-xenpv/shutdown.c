/* Power off, reboot and crash are requests to the hypervisor. */
#include "hypercall.h"
#include "xenpv.h"

static void __attribute__((noreturn)) shutdown(unsigned reason)
{
	struct sched_shutdown s = { .reason = reason };

	HYPERVISOR_sched_op(SCHEDOP_shutdown, &s);
	/* Xen may run the vCPU a little longer before it stops it. */
	for (;;)
		HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
}

void arch_poweroff(void)
{
	shutdown(SHUTDOWN_poweroff);
}

void arch_reboot(void)
{
	shutdown(SHUTDOWN_reboot);
}

void arch_crash(void)
{
	shutdown(SHUTDOWN_crash);
}
