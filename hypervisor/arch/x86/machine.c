/* Ending the run and walking the stack when something went wrong. */
#include "config.h"
#include "machine.h"
#include "x86.h"

#define DEBUG_EXIT_PORT 0xf4

void machine_exit(unsigned int code)
{
	local_irq_disable();
	outl(DEBUG_EXIT_PORT, code);
	/* Not under QEMU (or no isa-debug-exit): stop here. */
	for (;;)
		halt();
}

static bool is_hypervisor_text(unsigned long addr)
{
	extern char _start[], _end[];
	return addr >= (unsigned long)_start && addr < (unsigned long)_end;
}

/* The image keeps frame pointers, so each frame is [saved rbp][return rip]. */
void print_backtrace(void *frame)
{
	unsigned long *fp = frame;

	printk("backtrace:");
	for (int depth = 0; depth < 16 && is_hypervisor_text((unsigned long)fp); depth++) {
		if ((unsigned long)fp & 7)
			break;
		unsigned long ret = fp[1];
		if (!is_hypervisor_text(ret))
			break;
		printk("  [<%016lx>]", ret);
		fp = (unsigned long *)fp[0];
	}
}
