/*
 * vm_assist (xen.h): the optional behaviours a PV guest may ask for. The
 * ones Xenith always has are accepted — writable page tables (a kernel's
 * store into its own L1 is emulated, whether asked for or not) and
 * extended CR3 (meaningless for a 64-bit guest, as on Xen). Types Xen has
 * for 64-bit PV but Xenith does not implement answer -ENOSYS, which
 * guests tolerate; anything else is -EINVAL, as on Xen.
 */
#include "hypercalls.h"

#define TYPE(t) (1UL << VMASST_TYPE_##t)

static const unsigned long implemented = TYPE(writable_pagetables) | TYPE(pae_extended_cr3);
static const unsigned long xen_pv64 = TYPE(writable_pagetables) | TYPE(pae_extended_cr3) |
				      TYPE(architectural_iopl) | TYPE(runstate_update_flag) |
				      TYPE(m2p_strict);

long do_vm_assist(unsigned long cmd, unsigned long type)
{
	if (cmd != VMASST_CMD_enable && cmd != VMASST_CMD_disable)
		return -ENOSYS;
	if (type >= 8 * sizeof(unsigned long) || !(xen_pv64 & (1UL << type)))
		return -EINVAL;
	if (!(implemented & (1UL << type)))
		return -ENOSYS;
	/* They cannot be switched off here: disabling is not implemented. */
	return cmd == VMASST_CMD_enable ? 0 : -ENOSYS;
}
