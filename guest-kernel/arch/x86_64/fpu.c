/*
 * A new thread's FPU and SSE state, as an fxsave image: the control words
 * fninit and the ABI give (all exceptions masked, round to nearest),
 * everything else empty. Built by hand so that no live state is touched.
 */
#include "context.h"
#include "lib.h"

#define FXSAVE_FCW 0
#define FXSAVE_MXCSR 24
#define FCW_DEFAULT 0x037f
#define MXCSR_DEFAULT 0x1f80

void fpu_init_state(struct arch_context *c)
{
	uint16_t fcw = FCW_DEFAULT;
	uint32_t mxcsr = MXCSR_DEFAULT;

	memset(c->fpu, 0, sizeof(c->fpu));
	memcpy(c->fpu + FXSAVE_FCW, &fcw, sizeof(fcw));
	memcpy(c->fpu + FXSAVE_MXCSR, &mxcsr, sizeof(mxcsr));
}
