/*
 * The control registers and MSRs the kernel relies on, set once at boot
 * (on Xen, the hypervisor sets them and keeps the MSRs to itself).
 */
#include "cpu.h"
#include "native.h"
#include "segments.h"

#define CR0_MP (1UL << 1)
#define CR0_EM (1UL << 2)
#define CR0_TS (1UL << 3)
#define CR0_NE (1UL << 5)
#define CR0_WP (1UL << 16)
#define CR4_OSFXSR (1UL << 9)
#define CR4_OSXMMEXCPT (1UL << 10)

#define MSR_EFER 0xc0000080
#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_SFMASK 0xc0000084
#define EFER_SCE (1UL << 0)
#define RFLAGS_TF (1UL << 8)
#define RFLAGS_DF (1UL << 10)
#define RFLAGS_AC (1UL << 18)

extern char syscall_entry[];

/*
 * User code uses SSE, and fxsave/fxrstor switch its state eagerly, so
 * nothing may trap on first use (EM, TS off); x87 and SIMD errors arrive
 * as #MF and #XM. WP: the kernel's own writes to a read-only user page
 * fault as they do on Xen, where the kernel runs in ring 3.
 */
static void control_registers_init(void)
{
	WRITE_CR(0, (READ_CR(0) | CR0_MP | CR0_NE | CR0_WP) & ~(CR0_EM | CR0_TS));
	WRITE_CR(4, READ_CR(4) | CR4_OSFXSR | CR4_OSXMMEXCPT);
}

/* sysretq loads cs from STAR[63:48] + 16 and ss from STAR[63:48] + 8;
 * syscall enters with interrupts off, as every kernel entry does. */
static void syscall_init(void)
{
	wrmsr(MSR_STAR, (uint64_t)((USER_DS & ~3) - 8) << 48 | (uint64_t)KERNEL_CS << 32);
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_SFMASK, X86_EFLAGS_IF | RFLAGS_TF | RFLAGS_DF | RFLAGS_AC);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

void cpu_setup(void)
{
	gdt_init();
	idt_init();
	control_registers_init();
	syscall_init();
}
