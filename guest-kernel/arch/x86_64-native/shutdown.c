/*
 * Power off, reboot and crash. Under QEMU, the isa-debug-exit device
 * (iobase 0xf4) ends the emulator with status 2v+1 for a write of v; v is
 * Xen's SHUTDOWN_* reason, as Xenith reports a domain 0's end, so that a
 * harness reads QEMU's status the same way for both. On a machine
 * without the device the write is ignored and the fallback runs.
 */
#include "cpu.h"
#include "native.h"

#define DEBUG_EXIT_PORT 0xf4
#define REASON_POWEROFF 0
#define REASON_REBOOT 1
#define REASON_CRASH 3
/* The keyboard controller's command port; 0xfe pulses the CPU's reset line. */
#define KBC_COMMAND 0x64
#define KBC_PULSE_RESET 0xfe

static void __attribute__((noreturn)) halt(void)
{
	for (;;)
		asm volatile("cli; hlt");
}

void arch_poweroff(void)
{
	outb(DEBUG_EXIT_PORT, REASON_POWEROFF);
	halt();
}

void arch_reboot(void)
{
	outb(DEBUG_EXIT_PORT, REASON_REBOOT);
	outb(KBC_COMMAND, KBC_PULSE_RESET);
	halt();
}

void arch_crash(void)
{
	outb(DEBUG_EXIT_PORT, REASON_CRASH);
	halt();
}
