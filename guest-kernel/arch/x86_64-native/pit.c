/*
 * The 8254 PIT's channel 2 as a stopwatch: its 1.193182 MHz input is the
 * one clock rate every PC agrees on, so the TSC and the local APIC timer
 * are measured against it. Channel 2's gate and output are bits of port
 * 0x61, so it needs no interrupt.
 */
#include "cpu.h"
#include "native.h"

#define PIT_HZ 1193182
#define PIT_CHANNEL2 0x42
#define PIT_COMMAND 0x43
/* Channel 2, low byte then high byte, mode 0 (output rises at zero). */
#define PIT_CH2_ONESHOT 0xb0
#define PORT_B 0x61
#define PORT_B_GATE2 0x01
#define PORT_B_SPEAKER 0x02
#define PORT_B_OUT2 0x20

/* us must be below 54925 (a 16-bit count). */
void pit_oneshot_start(unsigned us)
{
	uint32_t count = (uint32_t)((uint64_t)PIT_HZ * us / 1000000);

	outb(PORT_B, (uint8_t)((inb(PORT_B) & ~PORT_B_SPEAKER) | PORT_B_GATE2));
	outb(PIT_COMMAND, PIT_CH2_ONESHOT);
	outb(PIT_CHANNEL2, (uint8_t)count);
	outb(PIT_CHANNEL2, (uint8_t)(count >> 8));
}

bool pit_oneshot_done(void)
{
	return inb(PORT_B) & PORT_B_OUT2;
}
