/*
 * multicall (xen.h): a batch of hypercalls, each with its own result
 * written back into the guest's entry. A bad list pointer fails the whole
 * call with -EFAULT. A nested multicall is refused per entry with -EINVAL
 * (Xen's answer), and so is iret, which cannot return into a batch.
 */
#include "arch.h"
#include "hypercalls.h"

long do_multicall(unsigned long calls, unsigned long nr_calls)
{
	for (unsigned long i = 0; i < nr_calls; i++) {
		unsigned long va = calls + i * sizeof(multicall_entry_t);
		multicall_entry_t mc;

		if (copy_from_guest_va(&mc, va, sizeof(mc)))
			return -EFAULT;
		if (mc.op == __HYPERVISOR_multicall || mc.op == __HYPERVISOR_iret) {
			mc.result = -EINVAL;
		} else {
			this_cpu()->in_multicall++;
			mc.result = hypercall_dispatch(mc.op, (const unsigned long *)mc.args);
			this_cpu()->in_multicall--;
		}
		if (copy_to_guest_va(va + offsetof(multicall_entry_t, result),
				     &mc.result, sizeof(mc.result)))
			return -EFAULT;
	}
	return 0;
}
