/*
 * The local APIC, in xAPIC mode through the direct map. Its timer runs in
 * TSC-deadline mode where the CPU has it; otherwise in one-shot mode with
 * the count derived from the TSC rate measured against it at boot.
 */
#include "arch.h"
#include "mm.h"
#include "time.h"
#include "traps.h"
#include "x86.h"

#define APIC_ID        0x020
#define APIC_EOI       0x0b0
#define APIC_SVR       0x0f0
#define APIC_ICR_LOW   0x300
#define APIC_ICR_HIGH  0x310
#define APIC_LVT_TIMER 0x320
#define APIC_TMICT     0x380
#define APIC_TMCCT     0x390
#define APIC_TDCR      0x3e0
#define SVR_ENABLE     0x100
#define LVT_TSC_DEADLINE (2u << 17)
#define TDCR_DIV_1     0xb
#define ICR_PENDING    (1u << 12)
#define ICR_TIMEOUT_MS 10
#define PIC1_DATA      0x21
#define PIC2_DATA      0xa1

static volatile uint32_t *apic;
static uint64_t apic_ticks_per_ms;

static uint32_t apic_read(unsigned reg) { return apic[reg / 4]; }
static void apic_write(unsigned reg, uint32_t v) { apic[reg / 4] = v; }

/* The legacy PICs would deliver on exception vectors: remap, then mask. */
static void pic_disable(void)
{
	static const uint8_t init[] = { 0x11, 0x20, 0x04, 0x01 };   /* to vectors 0x20.. */
	static const uint8_t init2[] = { 0x11, 0x28, 0x02, 0x01 };

	for (unsigned i = 0; i < 4; i++) {
		outb(i ? PIC1_DATA : PIC1_DATA - 1, init[i]);
		outb(i ? PIC2_DATA : PIC2_DATA - 1, init2[i]);
	}
	outb(PIC1_DATA, 0xff);
	outb(PIC2_DATA, 0xff);
}

static void calibrate_one_shot(void)
{
	apic_write(APIC_TDCR, TDCR_DIV_1);
	apic_write(APIC_LVT_TIMER, TIMER_VECTOR | (1u << 16));     /* masked */
	apic_write(APIC_TMICT, 0xffffffff);
	uint64_t end = rdtsc() + tsc_khz * 10;
	while (rdtsc() < end)
		cpu_relax();
	apic_ticks_per_ms = (0xffffffffu - apic_read(APIC_TMCCT)) / 10;
	apic_write(APIC_TMICT, 0);
}

void apic_init(void)
{
	unsigned long base = rdmsr(MSR_APIC_BASE) & ~0xfffUL;

	if (this_cpu()->cpu_id == 0)
		pic_disable();
	apic = maddr_to_virt(base);
	apic_write(APIC_SVR, SVR_ENABLE | SPURIOUS_VECTOR);
	if (cpu_has_tsc_deadline) {
		apic_write(APIC_LVT_TIMER, TIMER_VECTOR | LVT_TSC_DEADLINE);
		return;
	}
	if (!apic_ticks_per_ms)
		calibrate_one_shot();
	apic_write(APIC_LVT_TIMER, TIMER_VECTOR);
}

unsigned int apic_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

static bool icr_idle(uint64_t tsc_end)
{
	while (apic_read(APIC_ICR_LOW) & ICR_PENDING) {
		if (rdtsc() > tsc_end)
			return false;
		cpu_relax();
	}
	return true;
}

/* The ICR holds one command: it is rewritten only once the last one has
 * left (delivery status idle), and a command that never leaves is
 * reported, not waited for forever. Interrupts are off in the hypervisor,
 * so nothing else on this CPU writes the ICR in between. */
bool apic_send_icr(unsigned int dest_apic_id, uint32_t cmd)
{
	uint64_t end = rdtsc() + tsc_khz * ICR_TIMEOUT_MS;

	if (!icr_idle(end))
		return false;
	apic_write(APIC_ICR_HIGH, dest_apic_id << 24);
	apic_write(APIC_ICR_LOW, cmd);
	return icr_idle(end);
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

void apic_arm(uint64_t tsc_deadline)
{
	if (cpu_has_tsc_deadline) {
		wrmsr(MSR_TSC_DEADLINE, tsc_deadline);
		return;
	}
	uint64_t now = rdtsc();
	uint64_t ticks = tsc_deadline > now ?
		(tsc_deadline - now) * apic_ticks_per_ms / tsc_khz + 1 : 1;
	apic_write(APIC_TMICT, (uint32_t)MIN(ticks, 0xffffffffUL));
}

/* A fixed-delivery interrupt on another CPU. */
void apic_send_ipi(unsigned int apic_id, unsigned int vector)
{
	if (!apic_send_icr(apic_id, vector))
		warn("IPI %u to apic id %u not accepted", vector, apic_id);
}
