#include <stdint.h>
#include "io.h"
#include "native.h"
#include "segments.h"

#define MSR_EFER 0xc0000080
#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_FMASK 0xc0000084
#define EFER_SCE (1 << 0)
#define RFLAGS_TF (1 << 8)
#define RFLAGS_IF (1 << 9)
#define RFLAGS_DF (1 << 10)
#define RFLAGS_AC (1 << 18)

/* sysret loads CS from STAR[63:48] + 16 and SS from STAR[63:48] + 8. */
void syscall_init(void)
{
	wrmsr(MSR_STAR, (uint64_t)((USER_DS & ~3) - 8) << 48 | (uint64_t)KERNEL_CS << 32);
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_FMASK, RFLAGS_TF | RFLAGS_IF | RFLAGS_DF | RFLAGS_AC);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
