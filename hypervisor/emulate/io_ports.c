/*
 * I/O port rights. Domain 0 owns the machine's devices and may reach every
 * port except those the hypervisor itself drives; other domains reach none.
 * As on Xen, the guest must also have raised its virtual IOPL enough for
 * its current mode (1 for the kernel, 3 for user space).
 */
#include "domain.h"
#include "emulate.h"

struct port_range { unsigned first, last; };

/* PICs and PIT (interrupt and time sources of the hypervisor), the
 * hypervisor's serial console, and QEMU's exit port. */
static const struct port_range hypervisor_ports[] = {
	{ 0x20, 0x21 }, { 0x40, 0x43 }, { 0xa0, 0xa1 },
	{ 0xf4, 0xf7 }, { 0x3f8, 0x3ff },
};

bool ioport_permitted(const struct vcpu *v, unsigned int port, unsigned int size)
{
	unsigned last = port + size - 1;

	if (!v->domain->is_privileged || last > 0xffff || v->iopl < (v->kernel_mode ? 1u : 3u))
		return false;
	for (unsigned i = 0; i < ARRAY_SIZE(hypervisor_ports); i++)
		if (port <= hypervisor_ports[i].last && last >= hypervisor_ports[i].first)
			return false;
	return true;
}
