/*
 * Xen's forced emulation prefix: `ud2a; .ascii "xen"` before an
 * instruction asks the hypervisor to emulate it. Only cpuid follows it
 * (guests use it to see the CPU as the hypervisor presents it, and to find
 * the hypervisor's leaves at 0x40000000). Anything else stays a #UD.
 */
#include "domain.h"
#include "emulate.h"
#include "guest_access.h"
#include "config.h"
#include "x86.h"

static const uint8_t forced_cpuid[] = { 0x0f, 0x0b, 'x', 'e', 'n', 0x0f, 0xa2 };

#define XEN_CPUID_BASE     0x40000000
#define CPUID1_ECX_MONITOR (1u << 3)
#define CPUID1_ECX_VMX     (1u << 5)
#define CPUID1_ECX_HV      (1u << 31)

static void hypervisor_leaves(uint32_t leaf, uint32_t r[4])
{
	r[0] = r[1] = r[2] = r[3] = 0;
	switch (leaf - XEN_CPUID_BASE) {
	case 0:
		r[0] = XEN_CPUID_BASE + 2;
		memcpy(&r[1], "XenVMMXenVMM", 12);
		break;
	case 1:
		r[0] = (XEN_MAJOR << 16) | XEN_MINOR;
		break;
	case 2:
		r[0] = 1;                        /* one hypercall page */
		r[1] = XEN_CPUID_BASE;           /* its MSR, as Xen reports it */
		break;
	}
}

/* The CPU as a PV guest sees it: no VMX or MONITOR for ring 3, and the
 * hypervisor bit set. */
static void guest_cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	if ((leaf & 0xffff0000) == XEN_CPUID_BASE) {
		hypervisor_leaves(leaf, r);
		return;
	}
	cpuid(leaf, sub, r);
	if (leaf == 1)
		r[2] = (r[2] & ~(CPUID1_ECX_MONITOR | CPUID1_ECX_VMX)) | CPUID1_ECX_HV;
}

bool emulate_forced_invalid_op(struct vcpu *v, struct cpu_user_regs *regs)
{
	uint8_t bytes[sizeof(forced_cpuid)];
	uint32_t r[4];

	(void)v;
	if (copy_from_guest_va(bytes, regs->rip, sizeof(bytes)) ||
	    memcmp(bytes, forced_cpuid, sizeof(bytes)))
		return false;
	guest_cpuid((uint32_t)regs->rax, (uint32_t)regs->rcx, r);
	regs->rax = r[0];
	regs->rbx = r[1];
	regs->rcx = r[2];
	regs->rdx = r[3];
	regs->rip += sizeof(forced_cpuid);
	return true;
}
