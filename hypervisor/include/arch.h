/* CPU set-up and per-CPU state. */
#ifndef XENITH_ARCH_H
#define XENITH_ARCH_H

#include "config.h"
#include "entry_offsets.h"
#include "spinlock.h"

/* One CPU can hold a one-vCPU domain of every id (MAX_DOMAINS). */
#define PERCPU_MAX_VCPUS 128
#include "lib.h"
#include <xen/xen.h>

extern bool cpu_has_nx, cpu_has_smep, cpu_has_smap, cpu_has_tsc_deadline;
extern unsigned int paddr_bits;     /* physical address width */

struct tss64 {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

struct vcpu;

/* Reached through %gs in the hypervisor; the first fields are used by
 * the entry code at fixed offsets (checked in percpu.c). */
struct percpu {
	struct percpu *self;
	unsigned long frame_top;     /* end of the guest frame on this CPU's stack */
	unsigned long scratch_rsp;   /* the guest's %rsp during syscall entry */
	unsigned int cpu_id;
	unsigned int apic_id;
	struct vcpu *curr;
	uint64_t preempt_tsc;        /* a long hypercall yields after this */
	unsigned int in_multicall;   /* no continuation from inside a batch */

	/* The scheduler's (sched/schedule.c), under sched_lock. */
	spinlock_t sched_lock;
	struct vcpu *vcpus[PERCPU_MAX_VCPUS];
	unsigned int nr_vcpus;
	bool need_resched;
	struct vcpu *fpu_owner;      /* whose state the FPU registers hold */
	struct tss64 tss;
};


static inline struct percpu *this_cpu(void)
{
	struct percpu *p;
	__asm__ volatile("mov %%gs:0, %0" : "=r"(p));
	return p;
}

static inline struct vcpu *current_vcpu(void) { return this_cpu()->curr; }
struct percpu *percpu_of(unsigned int cpu);

/* The guest's registers sit at the very top of its CPU's stack, exactly
 * where the hardware (RSP0) and the syscall entry put them. */
static inline struct cpu_user_regs *guest_regs(void)
{
	return (struct cpu_user_regs *)(this_cpu()->frame_top -
		offsetof(struct cpu_user_regs, es));
}

extern char cpu_stacks[NR_CPUS][STACK_SIZE];
extern unsigned int nr_cpus_online;

void cpu_features_init(void);
void percpu_init(unsigned int cpu, unsigned int apic_id);
void gdt_load(unsigned int cpu, struct tss64 *tss);
/* Shows a vCPU's descriptor frames (up to FIRST_RESERVED_GDT_PAGE) in
 * this CPU's GDT. */
void gdt_set_guest_frames(unsigned int cpu, const unsigned long *mfns, unsigned int nr);
void idt_init(void);
void idt_load(void);
void syscall_init(void);

void paging_map_direct(unsigned long end, unsigned long ram_end);
void paging_map_m2p(unsigned long maddr, unsigned long size);
void paging_drop_identity(void);
void paging_copy_hypervisor_slots(uint64_t *l4);
unsigned long idle_l4_maddr(void);

/* Secondary CPUs (smp.c): started once, after apic_init(), and left idle. */
void smp_init(void);

/* Inter-processor interrupts through the local APIC's ICR (apic.c). */
#define ICR_INIT            (5u << 8)
#define ICR_STARTUP         (6u << 8)
#define ICR_ASSERT          (1u << 14)
#define ICR_LEVEL           (1u << 15)
unsigned int apic_id(void);
bool apic_send_icr(unsigned int dest_apic_id, uint32_t cmd);

/* Entry points (entry.S). */
void __noreturn return_to_guest(void);

#endif
