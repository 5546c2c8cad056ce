/* Per-CPU state, reached through %gs in ring 0. */
#include "arch.h"
#include "x86.h"

_Static_assert(offsetof(struct percpu, frame_top) == PCPU_FRAME_TOP, "entry.S offset");
_Static_assert(offsetof(struct percpu, scratch_rsp) == PCPU_SCRATCH_RSP, "entry.S offset");
_Static_assert(sizeof(struct cpu_user_regs) <= GUEST_FRAME_RESERVE, "guest frame fits");

char cpu_stacks[NR_CPUS][STACK_SIZE] __attribute__((aligned(STACK_SIZE)));
static struct percpu percpu[NR_CPUS];

struct percpu *percpu_of(unsigned int cpu)
{
	return &percpu[cpu];
}

/* The guest frame ends 32 bytes below the stack top: es/ds/fs/gs of
 * struct cpu_user_regs follow ss, and the hardware never pushes them. */
void percpu_init(unsigned int cpu, unsigned int apic_id)
{
	struct percpu *p = &percpu[cpu];

	p->self = p;
	p->cpu_id = cpu;
	p->apic_id = apic_id;
	p->frame_top = (unsigned long)cpu_stacks[cpu] + STACK_SIZE - 4 * sizeof(uint64_t);
	p->tss.rsp[0] = p->frame_top;
	p->tss.iomap_base = sizeof(p->tss);     /* no I/O bitmap: ring 3 gets no ports */
	wrmsr(MSR_GS_BASE, (unsigned long)p);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	syscall_init();          /* first: EFER.NXE, before the GDT window's NX entries */
	gdt_load(cpu, &p->tss);
	idt_load();
}
