/*
 * Device memory rights. Domain 0 drives the machine's devices and may map
 * any device frame except those the hypervisor itself drives (the local
 * APIC and the I/O APIC, as Xen keeps them too); other domains map none.
 */
#include "domain.h"
#include "frames.h"

static const unsigned long hypervisor_mmio[] = {
	0xfec00,            /* I/O APIC */
	0xfee00,            /* local APIC */
};

bool io_frame_permitted(domid_t owner, unsigned long mfn)
{
	if (!domain_is_privileged(owner))
		return false;
	for (unsigned i = 0; i < ARRAY_SIZE(hypervisor_mmio); i++)
		if (mfn == hypervisor_mmio[i])
			return false;
	return true;
}
