/*
 * Exceptions as a test sees them. A test marks the instruction it expects
 * to fault with EXTABLE("1b", "2f") (fault label, resume label; any asm
 * constant operand such as "%P[addr]" works too) in its inline asm; the
 * handler records the frame in exception_seen and resumes at the label.
 * For traps (int3, int $n), whose frame rip is the next instruction, both
 * labels are that next instruction. Any other exception fails the test.
 */
#ifndef GUEST_TRAPS_H
#define GUEST_TRAPS_H

#define EXTABLE(fault, resume)                                               \
	".pushsection .extable, \"a\"\n\t.quad " fault ", " resume          \
	"\n\t.popsection\n\t"

/* Architectural vector numbers; the Xen headers have none. */
enum {
	X86_EXC_DE = 0,
	X86_EXC_BP = 3,
	X86_EXC_UD = 6,
	X86_EXC_GP = 13,
	X86_EXC_PF = 14,
};

/* Bits of x86's #PF error code. */
#define PFEC_WRITE 0x2UL
#define PFEC_USER 0x4UL
#define PFEC_INSN_FETCH 0x10UL

/* Xen keeps the vCPU's event mask in bits 32-39 of the frame's cs. */
#define FRAME_CS_SELECTOR(cs) ((cs) & 0xffff)
#define FRAME_CS_SAVED_MASK(cs) (((cs) >> 32) & 0xff)

#define X86_EFLAGS_IF 0x200UL

struct exception_seen {
	unsigned int count;
	unsigned long vector, error_code, rip, cs, rflags, rsp, ss, cr2;
};

extern struct exception_seen exception_seen;

void exceptions_reset(void);

/*
 * An 8-byte read of va, or store of v at va, that may fault: returns the
 * error code of the exception it raised (the frame is in exception_seen),
 * or -1 if it raised none.
 */
long read_faults(unsigned long va);
long write_faults(unsigned long va, unsigned long v);
long traps_init(void);

#endif
