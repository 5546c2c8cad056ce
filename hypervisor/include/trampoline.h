/*
 * The real-mode trampoline that starts secondary CPUs (arch/x86/trampoline.S)
 * and the parameters smp.c leaves in its copy for the CPU being started.
 * Shared with the assembly, so the offsets are spelled out (checked in smp.c).
 */
#ifndef XENITH_TRAMPOLINE_H
#define XENITH_TRAMPOLINE_H

/* Where the trampoline runs: a page-aligned frame below 1 MiB (a SIPI
 * vector names a page there). smp.c says why this one is free. */
#define TRAMPOLINE_BASE 0x8000

#define TP_CR3          0
#define TP_EFER         8
#define TP_STACK        16
#define TP_ENTRY        24
#define TP_CPU          32
#define TP_SIZE         40

#ifndef __ASSEMBLY__
#include <stdint.h>

struct trampoline_params {
	uint64_t cr3;      /* below 4 GiB: loaded from 32-bit code */
	uint64_t efer;     /* bits to set, in the low half */
	uint64_t stack;
	uint64_t entry;    /* void ap_entry(unsigned int cpu), never returns */
	uint64_t cpu;
};

extern char trampoline_start[], trampoline_params[], trampoline_end[];
#endif

#endif
