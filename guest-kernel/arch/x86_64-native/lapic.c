/*
 * The local APIC: the tick's timer, and the end of each interrupt. Its
 * registers are memory-mapped, uncached, at the address MSR_APIC_BASE
 * names.
 */
#include "cpu.h"
#include "native.h"
#include "vectors.h"

#define MSR_APIC_BASE 0x1b
#define APIC_BASE_ADDR 0xffffff000UL

#define LAPIC_EOI 0xb0
#define LAPIC_SVR 0xf0
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_LVT_LINT0 0x350
#define LAPIC_TIMER_INITIAL 0x380
#define LAPIC_TIMER_CURRENT 0x390
#define LAPIC_TIMER_DIVIDE 0x3e0

#define SVR_ENABLE 0x100
#define LVT_MASKED (1U << 16)
#define LVT_PERIODIC (1U << 17)
#define DIVIDE_BY_16 0x3

static volatile uint32_t *regs;

static uint32_t lapic_read(unsigned reg)
{
	return regs[reg / 4];
}

static void lapic_write(unsigned reg, uint32_t v)
{
	regs[reg / 4] = v;
}

/*
 * The firmware leaves the 8259 PIC wired to LINT0 (virtual-wire mode),
 * its PIT tick still running: masking LINT0 keeps every PIC interrupt
 * out, spurious ones too, without reprogramming the PIC.
 */
void lapic_init(void)
{
	regs = kernel_map_mmio(rdmsr(MSR_APIC_BASE) & APIC_BASE_ADDR);
	lapic_write(LAPIC_LVT_LINT0, LVT_MASKED);
	lapic_write(LAPIC_SVR, SVR_ENABLE | VECTOR_SPURIOUS);
	lapic_write(LAPIC_TIMER_DIVIDE, DIVIDE_BY_16);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED | VECTOR_TIMER);
	lapic_write(LAPIC_TIMER_INITIAL, UINT32_MAX);
}

/* Counts down from UINT32_MAX (set by lapic_init) until the timer is started. */
uint32_t lapic_timer_count(void)
{
	return lapic_read(LAPIC_TIMER_CURRENT);
}

void lapic_timer_periodic(uint32_t count)
{
	lapic_write(LAPIC_LVT_TIMER, LVT_PERIODIC | VECTOR_TIMER);
	lapic_write(LAPIC_TIMER_INITIAL, count);
}

void lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}
