/* Reading and writing guest virtual memory from the hypervisor. A bad
 * guest pointer yields -EFAULT, never a hypervisor fault. */
#ifndef XENITH_GUEST_ACCESS_H
#define XENITH_GUEST_ACCESS_H

#include "lib.h"

/* Non-canonical addresses are refused wherever a guest names code or a
 * segment base; as a return address or a base they would #GP in ring 0. */
static inline bool is_canonical(unsigned long va)
{
	return (long)(va << 16) >> 16 == (long)va;
}

bool guest_range_ok(unsigned long va, size_t len);
int copy_from_guest_va(void *dst, unsigned long src, size_t len);
int copy_to_guest_va(unsigned long dst, const void *src, size_t len);

#define copy_from_guest(dst, va)  copy_from_guest_va((dst), (va), sizeof(*(dst)))
#define copy_to_guest(va, src)    copy_to_guest_va((va), (src), sizeof(*(src)))

#endif
