/*
 * The register frame that entry.S builds below Xen's bounce frame, shared by
 * exceptions, event upcalls and syscalls from user mode.
 */
#ifndef GUEST_FRAME_H
#define GUEST_FRAME_H

/* Pseudo vectors for the two callbacks, beyond the 256 exception vectors. */
#define VECTOR_EVENT 256
#define VECTOR_SYSCALL 257

/* Where entry.S stores the iret flags the dispatcher returns. */
#define FRAME_ERROR_CODE_OFFSET (16 * 8)

#ifndef __ASSEMBLY__

struct frame {
	unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
	unsigned long rbp, rdi, rsi, rdx, rcx, rbx, rax;
	unsigned long vector;
	unsigned long error_code;
	/* From here on, the interrupted context as Xen pushed it. */
	unsigned long rip, cs, rflags, rsp, ss;
};

_Static_assert(__builtin_offsetof(struct frame, error_code) ==
		       FRAME_ERROR_CODE_OFFSET,
	       "entry.S stores the iret flags at error_code");

/* Returns the flags for the iret hypercall (0 or VGCF_in_syscall). */
unsigned long entry_dispatch(struct frame *f);

#endif
#endif
