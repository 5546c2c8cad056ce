/*
 * The IDT and the first look at every exception and interrupt: ring-0
 * faults are either fixed up (guest-memory access) or fatal; ring-3 ones
 * belong to the guest and go to pv_trap_from_guest().
 */
#include "arch.h"
#include "machine.h"
#include "time.h"
#include "traps.h"
#include "x86.h"

struct idt_gate {
	uint16_t off0, sel;
	uint8_t ist, type;
	uint16_t off1;
	uint32_t off2, reserved;
} __attribute__((packed));

#define GATE_INTERRUPT 0x8e
#define GATE_DPL3      0x60
#define STUB_SIZE      16

static struct idt_gate idt[256] __attribute__((aligned(16)));
extern char vector_stubs[];
extern const struct ex_entry __start_ex_table[], __stop_ex_table[];

static const char *const exc_names[X86_NR_EXC] = {
	"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "CSO", "#TS",
	"#NP", "#SS", "#GP", "#PF", "", "#MF", "#AC", "#MC", "#XM", "#VE", "#CP",
};

/* int3 and into stay usable from ring 3, as on Xen; every other vector is
 * DPL 0, so a guest's `int $n` arrives as #GP and is checked against its
 * trap table. */
void idt_init(void)
{
	for (unsigned v = 0; v < 256; v++) {
		unsigned long addr = (unsigned long)vector_stubs + v * STUB_SIZE;
		idt[v] = (struct idt_gate){
			.off0 = addr & 0xffff, .sel = HYPERVISOR_CS,
			.type = GATE_INTERRUPT | ((v == X86_EXC_BP || v == X86_EXC_OF) ? GATE_DPL3 : 0),
			.off1 = (addr >> 16) & 0xffff, .off2 = addr >> 32,
		};
	}
}

void idt_load(void)
{
	struct __attribute__((packed)) { uint16_t limit; uint64_t base; } idtr = {
		sizeof(idt) - 1, (unsigned long)idt };
	__asm__ volatile("lidt %0" :: "m"(idtr));
}

bool search_ex_table(struct cpu_user_regs *regs)
{
	for (const struct ex_entry *e = __start_ex_table; e < __stop_ex_table; e++)
		if (e->insn == regs->rip) {
			regs->rip = e->fixup;
			return true;
		}
	return false;
}

void fatal_trap(const struct cpu_user_regs *r, const char *why)
{
	unsigned v = r->entry_vector;

	printk("FATAL: %s: vector %u %s, error 0x%x, cpu %u", why, v,
	       v < X86_NR_EXC ? exc_names[v] : "", r->error_code, this_cpu()->cpu_id);
	printk("rip %04x:%016lx rflags %016lx rsp %016lx", r->cs, r->rip, r->rflags, r->rsp);
	printk("rax %016lx rbx %016lx rcx %016lx rdx %016lx", r->rax, r->rbx, r->rcx, r->rdx);
	printk("rsi %016lx rdi %016lx rbp %016lx r8  %016lx", r->rsi, r->rdi, r->rbp, r->r8);
	printk("r9  %016lx r10 %016lx r11 %016lx r12 %016lx", r->r9, r->r10, r->r11, r->r12);
	printk("r13 %016lx r14 %016lx r15 %016lx", r->r13, r->r14, r->r15);
	printk("cr2 %016lx cr3 %016lx cr4 %016lx", read_cr2(), read_cr3(), read_cr4());
	print_backtrace((void *)r->rbp);
	machine_exit(MACHINE_EXIT_PANIC);
}

static void hypervisor_exception(struct cpu_user_regs *regs)
{
	unsigned v = regs->entry_vector;

	if ((v == X86_EXC_PF || v == X86_EXC_GP || v == X86_EXC_NP || v == X86_EXC_SS) &&
	    search_ex_table(regs))
		return;
	fatal_trap(regs, "exception in the hypervisor");
}

void do_interrupt(struct cpu_user_regs *regs)
{
	unsigned vector = regs->entry_vector;

	if (vector == TIMER_VECTOR) {
		timer_interrupt();
		return;
	}
	if (vector == FLUSH_VECTOR) {
		apic_eoi();
		tlb_flush_service();
		return;
	}
	if (vector == EVENT_CHECK_VECTOR) {
		apic_eoi();
		this_cpu()->need_resched = true;
		return;
	}
	if (vector == SPURIOUS_VECTOR)
		return;
	if (vector >= X86_NR_EXC) {
		warn("unexpected interrupt vector %u", vector);
		return;
	}
	if (!(regs->cs & 3))
		hypervisor_exception(regs);
	else
		pv_trap_from_guest(regs);
}
