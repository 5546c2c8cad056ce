/*
 * The CPU exceptions both ports take, for assembly: each port defines a
 * `stub NAME, VECTOR, HAS_ERROR_CODE` macro for how its exceptions arrive
 * (the hardware's frame natively, Xen's bounce frame in the PV port) and
 * invokes exception_stubs once.
 */
#ifndef GK_EXCEPTION_STUBS_H
#define GK_EXCEPTION_STUBS_H

.macro exception_stubs
	stub exc_divide_error, 0, 0
	stub exc_debug, 1, 0
	stub exc_int3, 3, 0
	stub exc_overflow, 4, 0
	stub exc_bounds, 5, 0
	stub exc_invalid_op, 6, 0
	stub exc_device_not_available, 7, 0
	stub exc_double_fault, 8, 1
	stub exc_invalid_tss, 10, 1
	stub exc_segment_not_present, 11, 1
	stub exc_stack_segment, 12, 1
	stub exc_general_protection, 13, 1
	stub exc_page_fault, 14, 1
	stub exc_fpu_error, 16, 0
	stub exc_alignment_check, 17, 1
	stub exc_machine_check, 18, 0
	stub exc_simd_error, 19, 0
.endm

#endif
