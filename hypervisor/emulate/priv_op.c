/*
 * Privileged instructions from a PV guest kernel (ring 3), which raise #GP:
 * cli/sti become writes of the virtual IF (evtchn_upcall_mask), port I/O
 * is performed for the guest on ports it holds, and the segment-base MSRs
 * are read and written on its behalf. Xen emulates I/O and MSRs the same
 * way; emulating cli/sti goes beyond Xen (which does so only with a
 * virtual IOPL) and is one side of the hypercall-versus-trap measurement.
 */
#include "domain.h"
#include "emulate.h"
#include "guest_access.h"
#include "config.h"
#include "page.h"
#include "pv_mmu.h"
#include "x86.h"

#define MAX_INSN 15

struct insn {
	unsigned long rip;
	unsigned len;            /* bytes consumed so far */
	unsigned opsize;         /* 2 or 4: operand size for in/out */
	uint8_t rex;
};

/* Instruction bytes are fetched one at a time, as the decoder needs them,
 * so that an instruction ending just before an unmapped page decodes. */
static bool next_byte(struct insn *in, uint8_t *b)
{
	if (in->len >= MAX_INSN || copy_from_guest_va(b, in->rip + in->len, 1))
		return false;
	in->len++;
	return true;
}

static bool emulate_io(struct vcpu *v, struct cpu_user_regs *regs, struct insn *in, uint8_t op)
{
	bool is_in = !(op & 2);
	unsigned size = (op & 1) ? in->opsize : 1;
	unsigned port;

	if (op & 8) {                        /* ec..ef: port in %dx */
		port = regs->rdx & 0xffff;
	} else {                             /* e4..e7: immediate port */
		uint8_t imm;
		if (!next_byte(in, &imm))
			return false;
		port = imm;
	}
	if (!ioport_permitted(v, port, size))
		return false;
	if (is_in) {
		uint64_t mask = size == 4 ? 0xffffffffUL : (1UL << (size * 8)) - 1;
		uint32_t val = size == 1 ? inb(port) : size == 2 ? inw(port) : inl(port);
		regs->rax = size == 4 ? val : (regs->rax & ~mask) | val;
	} else {
		uint32_t val = (uint32_t)regs->rax;
		if (size == 1)
			outb(port, (uint8_t)val);
		else if (size == 2)
			outw(port, (uint16_t)val);
		else
			outl(port, val);
	}
	return true;
}

static uint64_t *segment_base_msr(struct vcpu *v, uint32_t msr)
{
	switch (msr) {
	case MSR_FS_BASE:        return &v->fs_base;
	case MSR_GS_BASE:        return &v->gs_base_kernel;
	case MSR_KERNEL_GS_BASE: return &v->gs_base_user;
	}
	return NULL;
}

/* Only the segment bases are a PV kernel's business; any other MSR
 * access is refused with #GP, as Xen refuses unknown ones. */
static bool emulate_msr(struct vcpu *v, struct cpu_user_regs *regs, bool write)
{
	uint64_t *base = segment_base_msr(v, (uint32_t)regs->rcx);

	if (!base)
		return false;
	if (!write) {
		regs->rax = (uint32_t)*base;
		regs->rdx = *base >> 32;
		return true;
	}
	uint64_t val = (regs->rdx << 32) | (uint32_t)regs->rax;
	if (!is_canonical(val))
		return false;                /* #GP as on hardware */
	*base = val;
	if (base == &v->fs_base)
		wrmsr(MSR_FS_BASE, val);
	else if (base == &v->gs_base_kernel)
		wrmsr(MSR_KERNEL_GS_BASE, val);   /* the guest's %gs while in kernel mode */
	return true;
}

/* mov to and from %cr3, register operands only: the guest's kernel base
 * pointer, read as Xen reports it and written as MMUEXT_NEW_BASEPTR. */
static bool emulate_mov_cr(struct vcpu *v, struct cpu_user_regs *regs, struct insn *in,
			   bool write)
{
	uint8_t modrm;

	if (!next_byte(in, &modrm) || (modrm >> 6) != 3)
		return false;
	unsigned cr = ((modrm >> 3) & 7) | ((in->rex & 0x04) ? 8 : 0);
	uint64_t *reg = guest_gpr(regs, (modrm & 7) | ((in->rex & 0x01) ? 8 : 0));
	if (cr != 3)
		return false;
	if (!write) {
		*reg = v->guest_table << PAGE_SHIFT;
		return true;
	}
	spin_lock(&mm_lock);
	int rc = vcpu_set_base(v, false, (*reg & PTE_ADDR_MASK) >> PAGE_SHIFT);
	spin_unlock(&mm_lock);
	return rc == 0;
}

static bool emulate_0f(struct vcpu *v, struct cpu_user_regs *regs, struct insn *in)
{
	uint8_t op;

	if (!next_byte(in, &op))
		return false;
	switch (op) {
	case 0x20: case 0x22:
		return emulate_mov_cr(v, regs, in, op == 0x22);
	case 0x30: case 0x32:
		return emulate_msr(v, regs, op == 0x30);
	}
	return false;
}

bool emulate_privileged_op(struct vcpu *v, struct cpu_user_regs *regs)
{
	struct insn in = { .rip = regs->rip, .opsize = 4 };
	uint8_t op;
	bool done;

	if (!next_byte(&in, &op))
		return false;
	if (op == 0x66) {
		in.opsize = 2;
		if (!next_byte(&in, &op))
			return false;
	}
	if ((op & 0xf0) == 0x40) {
		in.rex = op;
		if (!next_byte(&in, &op))
			return false;
	}

	switch (op) {
	case 0xfa: v->vcpu_info->evtchn_upcall_mask = 1; done = true; break;
	case 0xfb: v->vcpu_info->evtchn_upcall_mask = 0; done = true; break;
	case 0xe4: case 0xe5: case 0xe6: case 0xe7:
	case 0xec: case 0xed: case 0xee: case 0xef:
		done = emulate_io(v, regs, &in, op);
		break;
	case 0x0f:
		done = emulate_0f(v, regs, &in);
		break;
	default:
		done = false;
	}
	if (done)
		regs->rip += in.len;
	return done;
}
