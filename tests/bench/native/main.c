#include "../common/bench.h"
#include "io.h"
#include "native.h"

#define PIC1_DATA 0x21
#define PIC2_DATA 0xa1
#define DEBUG_EXIT_PORT 0xf4

void debug_exit(unsigned int code)
{
	outl(code, DEBUG_EXIT_PORT);
	for (;;)
		asm volatile("cli; hlt");
}

/*
 * The firmware leaves the PIT ticking into vector 8: mask the PICs so that
 * cli_sti's sti lets nothing in and no interrupt lands inside a region.
 */
void kmain(void)
{
	static const struct bench_op *const tables[] = { native_ops, native_mmu_ops, native_domu_ops, 0 };

	serial_init();
	outb(0xff, PIC1_DATA);
	outb(0xff, PIC2_DATA);
	gdt_load_tss();
	idt_init();
	syscall_init();
	mmu_init();
	print_cpu_model();
	bench_run(tables);
	debug_exit(EXIT_DONE);
}
