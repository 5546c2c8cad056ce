/* Emulation of what a PV guest kernel may not execute itself. */
#ifndef XENITH_EMULATE_H
#define XENITH_EMULATE_H

#include "lib.h"
#include <xen/xen.h>

struct vcpu;

/* Each returns true when it emulated the instruction at regs->rip and
 * advanced past it; false leaves the fault to be bounced to the guest. */
bool emulate_privileged_op(struct vcpu *v, struct cpu_user_regs *regs);
bool emulate_forced_invalid_op(struct vcpu *v, struct cpu_user_regs *regs);
bool emulate_ptwr(struct vcpu *v, struct cpu_user_regs *regs, unsigned long cr2);

/* A general register by its number in an instruction encoding. */
static inline uint64_t *guest_gpr(struct cpu_user_regs *r, unsigned int n)
{
	uint64_t *const regs[16] = {
		&r->rax, &r->rcx, &r->rdx, &r->rbx, &r->rsp, &r->rbp, &r->rsi, &r->rdi,
		&r->r8, &r->r9, &r->r10, &r->r11, &r->r12, &r->r13, &r->r14, &r->r15,
	};
	return regs[n & 15];
}

/* Which I/O ports a domain may reach (emulate/io_ports.c). */
bool ioport_permitted(const struct vcpu *v, unsigned int port, unsigned int size);

#endif
