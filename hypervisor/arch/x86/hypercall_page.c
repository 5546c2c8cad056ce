/*
 * The hypercall page a PV guest names in its ELF notes: stub i, at offset
 * 32*i, is `push %rcx; push %r11; mov $i,%eax; syscall; pop %r11; pop %rcx;
 * ret` (syscall clobbers rcx and r11). The iret stub also pushes %rax and
 * never returns: the guest jumps to it with an iret_context on its stack.
 */
#include "hypercall_page.h"
#include "lib.h"
#include <xen/xen.h>

#define STUB_SIZE 32

void write_hypercall_page(uint8_t *page)
{
	static const uint8_t head[] = { 0x51, 0x41, 0x53 };           /* push rcx; push r11 */
	static const uint8_t tail[] = { 0x0f, 0x05, 0x41, 0x5b, 0x59, 0xc3 };

	memset(page, 0xcc, 4096);                                     /* int3 */
	for (unsigned i = 0; i < 4096 / STUB_SIZE; i++) {
		uint8_t *p = page + i * STUB_SIZE;
		memcpy(p, head, sizeof(head));
		p += sizeof(head);
		if (i == __HYPERVISOR_iret)
			*p++ = 0x50;                                  /* push rax */
		*p++ = 0xb8;                                          /* mov $i, %eax */
		memcpy(p, &i, 4);
		p += 4;
		memcpy(p, tail, i == __HYPERVISOR_iret ? 2 : sizeof(tail));
	}
}
