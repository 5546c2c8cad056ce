/*
 * Context switching between vCPUs on one physical CPU. General registers
 * travel between the stack frame and struct vcpu; the guest's %fs and %gs
 * bases are read back from the CPU (the guest may have changed them by
 * loading a selector); the FPU is switched lazily: CR0.TS is set for any
 * vCPU that does not own the FPU registers, and its first #NM swaps them.
 */
#include "arch.h"
#include "domain.h"
#include "guest_access.h"
#include "time.h"
#include "traps.h"
#include "vcpu_switch.h"
#include "x86.h"

#define X86_CR0_TS     (1UL << 3)
#define MXCSR_DEFAULT  0x1f80

static void set_ts(bool on)
{
	unsigned long cr0;

	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 = on ? cr0 | X86_CR0_TS : cr0 & ~X86_CR0_TS;
	__asm__ volatile("mov %0, %%cr0" :: "r"(cr0));
}

void vcpu_switch_out(struct vcpu *v)
{
	unsigned long gs = rdmsr(MSR_KERNEL_GS_BASE);   /* the guest's, after swapgs */

	v->regs = *guest_regs();
	v->fs_base = rdmsr(MSR_FS_BASE);
	if (v->kernel_mode)
		v->gs_base_kernel = gs;
	else
		v->gs_base_user = gs;
}

void vcpu_switch_in(struct vcpu *v)
{
	struct percpu *p = this_cpu();

	*guest_regs() = v->regs;
	load_guest_mode(v);
	wrmsr(MSR_FS_BASE, v->fs_base);
	gdt_set_guest_frames(p->cpu_id, v->gdt_frames, v->gdt_nr_frames);
	set_ts(p->fpu_owner != v || v->fpu_ts);
	vcpu_time_publish(v);
	/* Its own tables are loaded: the guest's copy of its runstate can be
	 * written; a bad address is the guest's loss, as on Xen. */
	if (v->runstate_guest)
		copy_to_guest_va(v->runstate_guest, &v->runstate, sizeof(v->runstate));
}

static void fpu_load(struct percpu *p, struct vcpu *v)
{
	if (p->fpu_owner)
		__asm__ volatile("fxsave64 %0" : "=m"(p->fpu_owner->fpu));
	if (v->fpu_initialised) {
		__asm__ volatile("fxrstor64 %0" :: "m"(v->fpu));
	} else {
		uint32_t mxcsr = MXCSR_DEFAULT;
		__asm__ volatile("fninit; ldmxcsr %0" :: "m"(mxcsr));
		v->fpu_initialised = true;
	}
	p->fpu_owner = v;
}

bool vcpu_fpu_fault(struct vcpu *v)
{
	struct percpu *p = this_cpu();

	set_ts(false);
	if (p->fpu_owner != v)
		fpu_load(p, v);
	if (!v->fpu_ts)
		return false;
	v->fpu_ts = false;
	return true;
}

/* The guest's virtual CR0.TS; the real one also covers a foreign owner. */
void vcpu_fpu_taskswitch(struct vcpu *v, bool set)
{
	v->fpu_ts = set;
	set_ts(set || this_cpu()->fpu_owner != v);
}
