/*
 * What an exception means: a page the address space makes or copies on
 * demand; else in user mode, a fatal signal for the process; in kernel
 * mode, a fault the exception table expects, or a kernel bug.
 */
#include "errno.h"
#include "lib.h"
#include "mm.h"
#include "printk.h"
#include "proc.h"
#include "trap.h"
#include "x86_64.h"

struct extable_entry {
	unsigned long fault, resume;
};

extern const struct extable_entry __extable_start[], __extable_end[];

struct exception_kind {
	const char *name;
	int signal;
};

static const struct exception_kind kinds[] = {
	[0] = { "divide error", SIGFPE },
	[1] = { "debug trap", SIGTRAP },
	[3] = { "breakpoint", SIGTRAP },
	[4] = { "overflow", SIGSEGV },
	[5] = { "bound range", SIGSEGV },
	[6] = { "invalid opcode", SIGILL },
	[7] = { "device not available", SIGSEGV },
	[8] = { "double fault", SIGSEGV },
	[10] = { "invalid TSS", SIGSEGV },
	[11] = { "segment not present", SIGBUS },
	[12] = { "stack fault", SIGBUS },
	[13] = { "general protection", SIGSEGV },
	[14] = { "page fault", SIGSEGV },
	[16] = { "x87 error", SIGFPE },
	[17] = { "alignment check", SIGBUS },
	[18] = { "machine check", SIGBUS },
	[19] = { "SIMD error", SIGFPE },
};

static const struct exception_kind *kind_of(unsigned long vector)
{
	static const struct exception_kind unknown = { "unknown exception", SIGSEGV };

	if (vector < ARRAY_SIZE(kinds) && kinds[vector].name)
		return &kinds[vector];
	return &unknown;
}

static bool extable_fixup(struct uregs *r)
{
	for (const struct extable_entry *e = __extable_start; e < __extable_end; e++)
		if (e->fault == r->rip) {
			r->rip = e->resume;
			return true;
		}
	return false;
}

static void __attribute__((noreturn)) kernel_fault(const struct uregs *r, uintptr_t addr)
{
	printk("%s in the kernel: error code %lx, address %lx\n",
	       kind_of(r->vector)->name, r->error_code, addr);
	printk("rip %016lx cs %lx rflags %lx rsp %016lx ss %lx\n", r->rip, r->cs,
	       r->rflags, r->rsp, r->ss);
	printk("rax %016lx rbx %016lx rcx %016lx rdx %016lx\n", r->rax, r->rbx, r->rcx, r->rdx);
	printk("rsi %016lx rdi %016lx rbp %016lx r8  %016lx\n", r->rsi, r->rdi, r->rbp, r->r8);
	printk("r9  %016lx r10 %016lx r11 %016lx r12 %016lx\n", r->r9, r->r10, r->r11, r->r12);
	printk("r13 %016lx r14 %016lx r15 %016lx\n", r->r13, r->r14, r->r15);
	panic("unexpected %s", kind_of(r->vector)->name);
}

/* Kernel-mode faults too: a system call's user copy may touch a page first. */
static bool demand_fault(const struct uregs *r, uintptr_t addr)
{
	int rc;

	if (r->vector != X86_EXC_PF || addr >= USER_END || !current->mm)
		return false;
	rc = mm_fault(current->mm, addr, r->error_code & PF_WRITE);
	if (rc == -ENOMEM && uregs_user_mode(r))
		proc_fatal_signal(SIGKILL, "out of memory", r->rip, addr);
	return rc == 0;
}

void x86_exception(struct uregs *r, uintptr_t addr)
{
	const struct exception_kind *k = kind_of(r->vector);

	if (demand_fault(r, addr))
		return;
	if (uregs_user_mode(r))
		proc_fatal_signal(k->signal, k->name, r->rip, addr);
	else if (!extable_fixup(r))
		kernel_fault(r, addr);
}
