/* Ring-0 instructions C cannot say: ports, MSRs, control registers, TLB entries. */
#ifndef CPU_H
#define CPU_H

#include "types.h"

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outb(uint16_t port, uint8_t v)
{
	asm volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return (uint64_t)hi << 32 | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	asm volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

#define READ_CR(n)                                                           \
	({                                                                   \
		unsigned long v_;                                            \
		asm volatile("mov %%cr" #n ", %0" : "=r"(v_));               \
		v_;                                                          \
	})

/* The memory clobber: page-table stores must not move across a TLB flush. */
#define WRITE_CR(n, v) asm volatile("mov %0, %%cr" #n : : "r"((unsigned long)(v)) : "memory")

static inline void invlpg(uintptr_t va)
{
	asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

#endif
