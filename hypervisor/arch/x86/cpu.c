/* What the CPU offers, and the control bits every CPU sets the same way. */
#include "arch.h"
#include "x86.h"

#define CR0_MP             (1UL << 1)
#define CR0_EM             (1UL << 2)
#define CR0_NE             (1UL << 5)
#define CR4_OSFXSR         (1UL << 9)
#define CR4_OSXMMEXCPT     (1UL << 10)
#define CR4_SMEP           (1UL << 20)
#define CR4_SMAP           (1UL << 21)
#define CPUID1_ECX_TSC_DL  (1u << 24)
#define CPUID7_EBX_SMEP    (1u << 7)
#define CPUID7_EBX_SMAP    (1u << 20)
#define EXT1_EDX_NX        (1u << 20)

bool cpu_has_nx, cpu_has_smep, cpu_has_smap, cpu_has_tsc_deadline;
unsigned int paddr_bits = 36;      /* the architectural minimum, until CPUID says */

/* Before any guest access: without SMAP, stac and clac would be #UD. */
static void smap_sites_to_nops(void)
{
	extern uint8_t *const __start_smap_sites[], *const __stop_smap_sites[];
	static const uint8_t nop3[] = { 0x0f, 0x1f, 0x00 };

	for (uint8_t *const *site = __start_smap_sites; site < __stop_smap_sites; site++)
		memcpy(*site, nop3, sizeof(nop3));
}

void cpu_features_init(void)
{
	uint32_t r[4];

	cpuid(1, 0, r);
	cpu_has_tsc_deadline = r[2] & CPUID1_ECX_TSC_DL;
	cpuid(7, 0, r);
	cpu_has_smep = r[1] & CPUID7_EBX_SMEP;
	cpu_has_smap = r[1] & CPUID7_EBX_SMAP;
	cpuid(0x80000001, 0, r);
	cpu_has_nx = r[3] & EXT1_EDX_NX;
	cpuid(0x80000000, 0, r);
	if (r[0] >= 0x80000008) {
		cpuid(0x80000008, 0, r);
		paddr_bits = r[0] & 0xff;
	}
	if (!cpu_has_smap)
		smap_sites_to_nops();
}


extern char syscall_entry[], syscall32_entry[];

/* Guest data is never executable in ring 0 (SMEP), and readable or
 * writable only inside guest_access.c's stac/clac pair (SMAP). */
void syscall_init(void)
{
	uint64_t efer = rdmsr(MSR_EFER) | EFER_SCE;

	if (cpu_has_nx)
		efer |= EFER_NXE;
	wrmsr(MSR_EFER, efer);
	wrmsr(MSR_STAR, ((uint64_t)FLAT_RING3_CS32 << 48) | ((uint64_t)HYPERVISOR_CS << 32));
	wrmsr(MSR_LSTAR, (unsigned long)syscall_entry);
	wrmsr(MSR_CSTAR, (unsigned long)syscall32_entry);
	wrmsr(MSR_FMASK, X86_EFLAGS_IF | X86_EFLAGS_TF | X86_EFLAGS_DF |
	      X86_EFLAGS_NT | X86_EFLAGS_AC);
	/* Guests use the FPU and SSE as on hardware: native x87 error
	 * reporting, fxsave/fxrstor and SSE exceptions enabled, as Xen sets. */
	unsigned long cr0;
	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 = (cr0 & ~CR0_EM) | CR0_MP | CR0_NE;
	__asm__ volatile("mov %0, %%cr0" :: "r"(cr0));
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	if (cpu_has_smep)
		write_cr4(read_cr4() | CR4_SMEP);
	if (cpu_has_smap)
		write_cr4(read_cr4() | CR4_SMAP);
}
