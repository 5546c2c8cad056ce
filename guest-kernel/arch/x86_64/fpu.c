/*
 * A thread's FPU and SSE state, as an fxsave image: a new thread's, with
 * the control words fninit and the ABI give (all exceptions masked, round
 * to nearest) and everything else empty, built by hand so that no live
 * state is touched; and the copies a signal frame holds.
 */
#include "arch.h"
#include "context.h"
#include "errno.h"
#include "lib.h"

#define FXSAVE_FCW 0
#define FXSAVE_MXCSR 24
#define FXSAVE_MXCSR_MASK 28
#define FCW_DEFAULT 0x037f
#define MXCSR_DEFAULT 0x1f80
/* The MXCSR bits a CPU that stores no mask has: all but DAZ. */
#define MXCSR_MASK_DEFAULT 0xffbf

void fpu_init_state(struct arch_context *c)
{
	uint16_t fcw = FCW_DEFAULT;
	uint32_t mxcsr = MXCSR_DEFAULT;

	memset(c->fpu, 0, sizeof(c->fpu));
	memcpy(c->fpu + FXSAVE_FCW, &fcw, sizeof(fcw));
	memcpy(c->fpu + FXSAVE_MXCSR, &mxcsr, sizeof(mxcsr));
}

void fpu_reset(struct arch_context *c)
{
	fpu_init_state(c);
	fpu_restore(c);
}

int fpu_to_user(struct arch_context *c, void *user_dst)
{
	fpu_save(c);
	return copy_to_user(user_dst, c->fpu, sizeof(c->fpu));
}

/* An MXCSR bit the CPU lacks would make fxrstor fault in the kernel: the
 * mask fxsave stores says which it has. */
int fpu_from_user(struct arch_context *c, const void *user_src)
{
	uint32_t mask, mxcsr;

	if (!user_src) {
		fpu_reset(c);
		return 0;
	}
	fpu_save(c);
	memcpy(&mask, c->fpu + FXSAVE_MXCSR_MASK, sizeof(mask));
	if (copy_from_user(c->fpu, user_src, sizeof(c->fpu)))
		return -EFAULT;
	memcpy(&mxcsr, c->fpu + FXSAVE_MXCSR, sizeof(mxcsr));
	mxcsr &= mask ? mask : MXCSR_MASK_DEFAULT;
	memcpy(c->fpu + FXSAVE_MXCSR, &mxcsr, sizeof(mxcsr));
	fpu_restore(c);
	return 0;
}
