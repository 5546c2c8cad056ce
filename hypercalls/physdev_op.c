/* physdev_op (physdev.h): so far only the virtual IOPL, which decides
 * whether the guest's port I/O is emulated. */
#include "arch.h"
#include "hypercalls.h"
#include <xen/physdev.h>

long do_physdev_op(unsigned long cmd, unsigned long arg)
{
	if (cmd == PHYSDEVOP_set_iopl) {
		struct physdev_set_iopl s;
		if (copy_from_guest(&s, arg))
			return -EFAULT;
		if (s.iopl > 3)
			return -EINVAL;
		current_vcpu()->iopl = s.iopl;
		return 0;
	}
	return -ENOSYS;
}
