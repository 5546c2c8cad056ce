/*
 * Secondary CPUs: listed by the ACPI MADT, started one at a time with
 * INIT-SIPI-SIPI through the real-mode trampoline (trampoline.S), and left
 * idle until the scheduler gives them vCPUs. CPU numbers are dense: the
 * boot CPU is cpu 0, cpu k is the k-th to come up.
 *
 * The trampoline runs in the frame at TRAMPOLINE_BASE (0x8000), which is
 * free by the time smp_init() runs: the frame pool never gets memory below
 * 1 MiB (LOW_MEMORY in mm/frame.c); the IVT and BDA end at 0x500 and the
 * EBDA lies at the top of conventional memory (0x9fc00 under QEMU); what
 * QEMU's multiboot loader writes low (the memory map at 0x9000, the
 * information block at 0x9500) has been read or copied by take_boot_info()
 * and mm_init(); and the modules, which start_dom0() still needs, are
 * loaded above the image.
 */
#include "acpi.h"
#include "arch.h"
#include "sched.h"
#include "mm.h"
#include "page.h"
#include "time.h"
#include "trampoline.h"
#include "x86.h"

#define INIT_DELAY_US   10000      /* INIT to the first SIPI (Intel SDM, MP init) */
#define SIPI_DELAY_US   200        /* after each SIPI */
#define AP_TIMEOUT_MS   1000
#define XAPIC_BROADCAST 0xff

_Static_assert(TRAMPOLINE_BASE < 0x100000 && !(TRAMPOLINE_BASE & (PAGE_SIZE - 1)),
	       "a SIPI vector names a page below 1 MiB");
_Static_assert(offsetof(struct trampoline_params, cr3) == TP_CR3, "trampoline.S offset");
_Static_assert(offsetof(struct trampoline_params, efer) == TP_EFER, "trampoline.S offset");
_Static_assert(offsetof(struct trampoline_params, stack) == TP_STACK, "trampoline.S offset");
_Static_assert(offsetof(struct trampoline_params, entry) == TP_ENTRY, "trampoline.S offset");
_Static_assert(offsetof(struct trampoline_params, cpu) == TP_CPU, "trampoline.S offset");
_Static_assert(sizeof(struct trampoline_params) == TP_SIZE, "trampoline.S size");

/* The CPU being started and the boot CPU settle its fate with one swap of
 * ap_state each: the new CPU from WAITING to ONLINE once it is ready, the
 * boot CPU from WAITING to ABANDONED once it gives up. The second swap
 * fails, so both agree on whether the CPU is online. */
enum { AP_WAITING, AP_ONLINE, AP_ABANDONED };
static unsigned int ap_state;

static unsigned int cpu_apic_id[NR_CPUS];
unsigned int nr_cpus_online;

/* The page table a new CPU enters long mode on: idle_l4's hypervisor slots
 * (whose L3 tables never change) and an executable identity map of the
 * first 2 MiB for the trampoline. The new CPU leaves it for idle_l4. */
static uint64_t ap_l4[PT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t ap_l3[PT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t ap_l2[PT_ENTRIES] __attribute__((aligned(4096)));

static struct trampoline_params *params(void)
{
	return maddr_to_virt(TRAMPOLINE_BASE + (trampoline_params - trampoline_start));
}

/* A new CPU's first C code, on its own stack below its guest frame.
 * percpu_init() gives it the boot CPU's control bits (EFER, SMEP). */
static void __noreturn ap_entry(unsigned int cpu)
{
	unsigned int expect = AP_WAITING;

	percpu_init(cpu, cpu_apic_id[cpu]);
	apic_init();
	write_cr3(idle_l4_maddr());
	if (!__atomic_compare_exchange_n(&ap_state, &expect, AP_ONLINE, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		for (;;)
			halt();         /* abandoned, interrupts off: the boot CPU's INIT ends this */
	scheduler_start();
}

/* EFER.NXE comes on with long mode: the hypervisor slots carry NX bits,
 * which are reserved bits (a fault) until it is set. */
static void trampoline_install(void)
{
	const uint64_t table = _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED;
	struct trampoline_params *tp = params();

	BUG_ON(trampoline_end - trampoline_start > (long)PAGE_SIZE);
	ap_l2[0] = 0 | table | _PAGE_DIRTY | _PAGE_PSE;
	ap_l3[0] = virt_to_maddr(ap_l2) | table;
	ap_l4[0] = virt_to_maddr(ap_l3) | table;
	paging_copy_hypervisor_slots(ap_l4);
	memcpy(maddr_to_virt(TRAMPOLINE_BASE), trampoline_start, trampoline_end - trampoline_start);
	tp->cr3 = virt_to_maddr(ap_l4);
	tp->efer = EFER_LME | (cpu_has_nx ? EFER_NXE : 0);
	tp->entry = (unsigned long)ap_entry;
}

static void tsc_delay_us(uint64_t us)
{
	uint64_t end = rdtsc() + tsc_khz * us / 1000;

	while (rdtsc() < end)
		cpu_relax();
}

/* Intel SDM vol. 3, "MP initialization": INIT, 10 ms, then two SIPIs
 * 200 us apart; a CPU already running ignores the second one. */
static bool init_sipi_sipi(unsigned int apic)
{
	if (!apic_send_icr(apic, ICR_INIT | ICR_ASSERT | ICR_LEVEL))
		return false;
	tsc_delay_us(INIT_DELAY_US);
	for (int i = 0; i < 2; i++) {
		if (!apic_send_icr(apic, ICR_STARTUP | (TRAMPOLINE_BASE >> PAGE_SHIFT)))
			return false;
		tsc_delay_us(SIPI_DELAY_US);
	}
	return true;
}

static bool answered_in_time(void)
{
	uint64_t end = rdtsc() + tsc_khz * AP_TIMEOUT_MS;

	while (rdtsc() < end) {
		if (__atomic_load_n(&ap_state, __ATOMIC_ACQUIRE) == AP_ONLINE)
			return true;
		cpu_relax();
	}
	return false;
}

/* A CPU that does not answer in time is sent INIT again, which parks it
 * in wait-for-SIPI: it can never wake up later on the parameters (and the
 * stack) of the next CPU. */
static bool start_ap(unsigned int cpu, unsigned int apic)
{
	struct trampoline_params *tp = params();
	unsigned int expect = AP_WAITING;

	tp->stack = (unsigned long)cpu_stacks[cpu] + STACK_SIZE - GUEST_FRAME_RESERVE;
	tp->cpu = cpu;
	cpu_apic_id[cpu] = apic;
	__atomic_store_n(&ap_state, AP_WAITING, __ATOMIC_RELEASE);
	bool sent = init_sipi_sipi(apic);
	if (sent && answered_in_time())
		return true;
	if (!__atomic_compare_exchange_n(&ap_state, &expect, AP_ABANDONED, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return true;            /* it answered just before the swap */
	apic_send_icr(apic, ICR_INIT | ICR_ASSERT | ICR_LEVEL);
	warn("smp: the CPU with apic id %u %s: skipped", apic,
	     sent ? "did not come up" : "was not sent INIT-SIPI-SIPI");
	return false;
}

/* Not the boot CPU itself, not the xAPIC broadcast ID (an INIT sent there
 * resets every CPU), and not an ID the MADT already listed (a second INIT
 * would reset a running CPU). */
static bool wanted(const uint8_t *ids, unsigned int i)
{
	if (ids[i] == cpu_apic_id[0] || ids[i] == XAPIC_BROADCAST)
		return false;
	for (unsigned int j = 0; j < i; j++)
		if (ids[j] == ids[i])
			return false;
	return true;
}

void smp_init(void)
{
	uint8_t ids[256];
	unsigned int n = acpi_madt_apic_ids(ids, ARRAY_SIZE(ids));

	/* percpu_init(0) ran before the local APIC was mapped. */
	cpu_apic_id[0] = this_cpu()->apic_id = apic_id();
	nr_cpus_online = 1;
	printk("cpu 0: apic id %u", cpu_apic_id[0]);
	if (!n)
		printk("smp: no usable ACPI MADT: the boot CPU only");
	else
		trampoline_install();
	for (unsigned int i = 0; i < n; i++) {
		if (!wanted(ids, i))
			continue;
		if (nr_cpus_online == NR_CPUS) {
			warn("smp: more CPUs than NR_CPUS (%u): the rest stay off", NR_CPUS);
			break;
		}
		if (start_ap(nr_cpus_online, ids[i]))
			printk("cpu %u: apic id %u", nr_cpus_online++, ids[i]);
	}
	printk("smp: %u CPUs online", nr_cpus_online);
}
