/* Moving a vCPU's state between its struct vcpu and the CPU (arch/x86). */
#ifndef XENITH_VCPU_SWITCH_H
#define XENITH_VCPU_SWITCH_H

struct vcpu;

/* The frame at the top of this CPU's stack, and the guest state the CPU
 * holds (segment bases), go to the vCPU. */
void vcpu_switch_out(struct vcpu *v);

/* The vCPU's state goes to the frame and the CPU: page tables, segment
 * bases, GDT; the FPU follows lazily on the first #NM. */
void vcpu_switch_in(struct vcpu *v);

/* #NM from the guest: give it its own FPU state. True if the guest asked
 * for the fault itself (virtual CR0.TS) and must see it. */
bool vcpu_fpu_fault(struct vcpu *v);

void vcpu_fpu_taskswitch(struct vcpu *v, bool set);

#endif
