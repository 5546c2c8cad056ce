/*
 * A thread's kernel context while it is switched out: its kernel stack
 * pointer (the callee-saved registers are on that stack) and its FPU and
 * SSE state, which the kernel itself never touches (-mgeneral-regs-only).
 */
#ifndef CONTEXT_H
#define CONTEXT_H

#include "types.h"

struct arch_context {
	unsigned long sp;
	uint8_t fpu[512] __attribute__((aligned(16)));
};

/* Saves the callee-saved registers and sp in *prev_sp, loads next_sp. */
void context_switch(unsigned long *prev_sp, unsigned long next_sp);

void fpu_init_state(struct arch_context *c);
/* For c's thread, which is running: a fresh state, loaded. */
void fpu_reset(struct arch_context *c);
/* A signal frame's copy of the live state; and the state from such a copy
 * (user mode's to change), or fresh from NULL, as Linux takes it. */
int fpu_to_user(struct arch_context *c, void *user_dst);
int fpu_from_user(struct arch_context *c, const void *user_src);

static inline void fpu_save(struct arch_context *c)
{
	asm volatile("fxsave64 %0" : "=m"(c->fpu));
}

static inline void fpu_restore(const struct arch_context *c)
{
	asm volatile("fxrstor64 %0" : : "m"(c->fpu));
}

#endif
