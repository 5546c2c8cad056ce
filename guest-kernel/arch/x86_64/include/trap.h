/*
 * Exceptions, shared by both x86-64 ports once a port has built the struct
 * uregs. An instruction that may fault on a user address is listed with
 * EXTABLE("fault label", "resume label") in its asm; a kernel-mode fault
 * there resumes at the second label instead of stopping the kernel.
 */
#ifndef TRAP_H
#define TRAP_H

#include "uregs.h"

#define EXTABLE(fault, resume)                                               \
	".pushsection .extable, \"a\"\n\t.quad " fault ", " resume          \
	"\n\t.popsection\n\t"

/* addr is the faulting address of a page fault (cr2), else 0. */
void x86_exception(struct uregs *r, uintptr_t addr);

#endif
