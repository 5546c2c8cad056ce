/*
 * set_gdt and update_descriptor: a two-frame GDT of the guest's own (pages
 * of its bss, made read-only) whose selectors load into %ds/%es/%fs and %cs
 * (iret hypercall, far return), live updates, DPL fix-ups read back, call
 * gates, every refusal, and the frames writable again once the GDT is gone.
 */
#include "badptr.h"
#include "events.h"
#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "string.h"
#include "test.h"
#include "traps.h"

const char test_name[] = "descriptors";

/* Descriptors (Intel SDM 3A, 3.4.5); flat, limit 4 GiB. */
#define DESC_CODE64 0x00affa000000ffffUL /* 64-bit code, DPL 3 */
#define DESC_DATA 0x00cff2000000ffffUL   /* read/write data, DPL 3 */
#define DESC_ACCESSED (1UL << 40)
#define DESC_DPL (3UL << 45)
#define DESC_PRESENT (1UL << 47)
#define DESC_TSS 0x0000890000000067UL /* available 64-bit TSS */
#define DESC_LDT 0x0000820000000fffUL
#define DESC_INTR_GATE (((unsigned long)FLAT_KERNEL_CS << 16) | (0x8eUL << 40))
/* A 64-bit call gate to offset 0 of sel; its upper half is all zero. */
#define CALL_GATE(sel, dpl)                                                  \
	(((unsigned long)(sel) << 16) | ((0x8cUL | (dpl) << 5) << 40))

/* Where the test puts what in its GDT; HIGH is in the second frame. */
enum { CODE = 1, DATA, CODE_DPL0, DATA_DPL0, ABSENT, GATE, HIGH = 513 };
#define GDT_FRAMES 2
#define GDT_ENTRIES (GDT_FRAMES * 512)
#define SEL(index) ((index) << 3 | 3)
#define SEL_RPL0(index) ((index) << 3)
/* Not among traps.h's vectors: only this guest expects it. */
#define X86_EXC_NP 11

/* The builder maps each page of the image once: one update_va_mapping
 * makes it read-only everywhere, as set_gdt wants. */
static uint64_t gdt[GDT_FRAMES][512] __attribute__((aligned(PAGE_SIZE)));
/* Holds one descriptor set_gdt must judge on its own. */
static uint64_t spare[512] __attribute__((aligned(PAGE_SIZE)));
static xen_pfn_t gdt_mfns[GDT_FRAMES];

/* Descriptors no guest may have, in a GDT frame or by update_descriptor. */
static const struct {
	const char *name;
	uint64_t desc;
} refused[] = {
	{ "TSS", DESC_TSS },
	{ "LDT", DESC_LDT },
	{ "interrupt gate", DESC_INTR_GATE },
	/* Only FLAT_KERNEL_CS, guest GDT and LDT selectors may be targets. */
	{ "call gate into a Xen selector", CALL_GATE(FLAT_RING3_CS32, 3) },
	{ "call gate with reserved bits", CALL_GATE(SEL(CODE), 3) | 1UL << 32 },
};

static long set_gdt(const xen_pfn_t *frames, unsigned long entries)
{
	return HC(__HYPERVISOR_set_gdt, frames, entries, 0, 0, 0);
}

static long update_descriptor(uint64_t maddr, uint64_t desc)
{
	return HC(__HYPERVISOR_update_descriptor, maddr, desc, 0, 0, 0);
}

#define LOAD_SEG(seg, sel) asm volatile("mov %0, %%" #seg : : "r"(sel) : "memory")
#define READ_SEG(seg)                                                        \
	({                                                                   \
		uint16_t sel_;                                               \
		asm volatile("mov %%" #seg ", %0" : "=r"(sel_));             \
		sel_;                                                        \
	})

/* Loads sel into %ds: 0, or the vector of the fault (frame in exception_seen). */
static long load_ds(uint16_t sel)
{
	exceptions_reset();
	asm volatile("1: mov %0, %%ds\n2:\n\t" EXTABLE("1b", "2b")
		     : : "r"(sel) : "memory");
	return exception_seen.count ? (long)exception_seen.vector : 0;
}

static void expect_load_fault(uint16_t sel, long vector, const char *what)
{
	expect_eq(load_ds(sel), vector, what);
	expect_eq(exception_seen.error_code, sel & ~3, "error code of that fault");
}

/* Goes on at the next instruction with %cs = sel, by a far return. */
static void far_return_to(uint16_t sel)
{
	asm volatile("push %q0\n\t"
		     "lea 1f(%%rip), %%rax\n\t"
		     "push %%rax\n\t"
		     "lretq\n1:"
		     : : "r"((unsigned long)sel) : "rax", "memory");
}

/*
 * The same through the iret hypercall, whose frame lies under the rax, r11
 * and rcx the stub pushes. RPL 0 keeps the guest in kernel mode; the frame's
 * IF keeps the event mask as it is.
 */
static void iret_to(uint16_t sel)
{
	unsigned long rflags = vcpu()->evtchn_upcall_mask ? 0 : X86_EFLAGS_IF;

	asm volatile("mov %%rsp, %%rax\n\t"
		     "push %[ss]\n\t"
		     "push %%rax\n\t"
		     "push %[rflags]\n\t"
		     "push %[cs]\n\t"
		     "lea 1f(%%rip), %%rax\n\t"
		     "push %%rax\n\t"
		     "push $0\n\t"
		     "jmp hypercall_page + %c[iret]\n1:"
		     : : [ss] "i"(FLAT_KERNEL_SS), [rflags] "r"(rflags),
		       [cs] "r"((unsigned long)(sel & ~3)),
		       [iret] "i"(__HYPERVISOR_iret * 32)
		     : "rax", "rcx", "r11", "memory");
}

static long map_pages(void *va, unsigned int n, unsigned long flags)
{
	long rc = 0;

	for (unsigned int i = 0; i < n && !rc; i++)
		rc = map_frame((char *)va + i * PAGE_SIZE,
			       virt_to_mfn((char *)va + i * PAGE_SIZE), flags);
	return rc;
}

/* spare holds desc (and its zero upper half) and is mapped read-only. */
static int spare_holding(uint64_t desc)
{
	long rc = map_own_frame(spare);

	if (!rc) {
		memset(spare, 0, sizeof(spare));
		spare[GATE] = desc;
		rc = map_pages(spare, 1, PTE_PRESENT);
	}
	if (rc)
		fail("remap of the spare frame: %ld", rc);
	return rc ? -1 : 0;
}

static void fill_gdt(void)
{
	for (unsigned int i = 0; i < GDT_FRAMES; i++)
		gdt_mfns[i] = virt_to_mfn(gdt[i]);
	/* Not accessed: the CPU sets the bit on the first load. */
	gdt[0][CODE] = DESC_CODE64;
	gdt[0][DATA] = DESC_DATA;
	gdt[0][CODE_DPL0] = DESC_CODE64 & ~DESC_DPL;
	gdt[0][DATA_DPL0] = DESC_DATA & ~DESC_DPL;
	gdt[0][ABSENT] = DESC_DATA & ~DESC_DPL & ~DESC_PRESENT;
	gdt[1][HIGH - 512] = DESC_DATA;
}

/* entries is an unsigned int to Xen: 2^32 means none, and no frame is read. */
static void bad_arguments(void)
{
	static const void *const bad_ptrs[] = { BAD_PTR_UNMAPPED,
						BAD_PTR_HYPERVISOR,
						BAD_PTR_NONCANONICAL };
	const xen_pfn_t mfn0 = 0, l4 = boot_l4_mfn();

	expect_eq(set_gdt(gdt_mfns, FIRST_RESERVED_GDT_ENTRY + 1), -XEN_EINVAL,
		  "set_gdt of FIRST_RESERVED_GDT_ENTRY + 1 entries");
	expect_eq(set_gdt(BAD_PTR_UNMAPPED, 1UL << 32), 0, "set_gdt of 2^32 entries");
	expect_eq(set_gdt(BAD_PTR_UNMAPPED, 0), 0,
		  "set_gdt of 0 entries from a bad list");
	for (unsigned int i = 0; i < sizeof(bad_ptrs) / sizeof(bad_ptrs[0]); i++)
		expect_eq(set_gdt(bad_ptrs[i], 1), -XEN_EFAULT,
			  "set_gdt from a bad list");
	expect_eq(set_gdt(&mfn0, 1), -XEN_EINVAL, "set_gdt of MFN 0, not the guest's");
	expect_eq(set_gdt(&l4, 1), -XEN_EINVAL, "set_gdt of the boot L4");
	expect_eq(set_gdt(gdt_mfns, GDT_ENTRIES), -XEN_EINVAL,
		  "set_gdt of frames still mapped writable");
}

/*
 * Each refused descriptor fails the whole set_gdt, and the frame before it,
 * which was fine, keeps no type: it can be mapped writable afterwards.
 */
static void refused_frames(void)
{
	const xen_pfn_t frames[] = { gdt_mfns[0], virt_to_mfn(spare) };

	for (unsigned int i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		if (spare_holding(refused[i].desc))
			return;
		if (set_gdt(frames, GDT_ENTRIES) != -XEN_EINVAL)
			fail("set_gdt of a frame with a %s: not -EINVAL",
			     refused[i].name);
	}
	expect_eq(map_own_frame(gdt[0]), 0, "writable mapping after the refusals");
	expect_eq(map_pages(gdt[0], 1, PTE_PRESENT), 0, "read-only mapping again");
}

/*
 * Call gates Xen takes: it stores them with DPL 0, so that using one faults
 * to Xen, which emulates it, and keeps the gate's own DPL (fixed up to 3)
 * in the RPL of its target selector.
 */
static const struct {
	uint64_t desc, stored;
} gates[] = {
	{ CALL_GATE(SEL_RPL0(CODE), 0), CALL_GATE(SEL(CODE), 0) },
	{ CALL_GATE(FLAT_KERNEL_CS, 3), CALL_GATE(FLAT_KERNEL_CS, 0) },
};

static void call_gate_frames(void)
{
	const xen_pfn_t frame = virt_to_mfn(spare);

	for (unsigned int i = 0; i < sizeof(gates) / sizeof(gates[0]); i++) {
		if (spare_holding(gates[i].desc))
			return;
		expect_eq(set_gdt(&frame, 512), 0,
			  "set_gdt of a frame with a call gate");
		expect_eq(spare[GATE], gates[i].stored, "call gate in the frame");
		expect_eq(set_gdt(NULL, 0), 0, "set_gdt of no entries");
	}
}

static void data_selectors(void)
{
	LOAD_SEG(ds, SEL(DATA));
	LOAD_SEG(es, SEL(DATA));
	LOAD_SEG(fs, SEL(DATA));
	expect_eq(READ_SEG(ds), SEL(DATA), "%ds after the load");
	expect_eq(READ_SEG(es), SEL(DATA), "%es after the load");
	expect_eq(READ_SEG(fs), SEL(DATA), "%fs after the load");
	expect_eq(gdt[0][DATA], DESC_DATA | DESC_ACCESSED,
		  "accessed bit set by the CPU");
	expect_eq(load_ds(SEL(DATA_DPL0)), 0,
		  "load of the data segment fixed to DPL 3");
	expect_eq(load_ds(SEL(HIGH)), 0, "load of a selector in the second frame");
	expect_eq(READ_SEG(ds), SEL(HIGH), "%ds after that load");
	/* The CPU checks the DPL before presence, and Xen left it 0. */
	expect_load_fault(SEL(ABSENT), X86_EXC_GP,
			  "load of a not-present DPL 0 segment");
	/* Xen shows an empty page where the GDT has no frame. */
	expect_load_fault(SEL(GDT_ENTRIES), X86_EXC_GP,
			  "load of a selector past the GDT");
}

/* No hypercall between the switches: Xen returns from one on FLAT_KERNEL_CS. */
static void code_selectors(void)
{
	uint16_t after_iret, after_lret;

	iret_to(SEL(CODE));
	after_iret = READ_SEG(cs);
	far_return_to(SEL(CODE_DPL0));
	after_lret = READ_SEG(cs);
	far_return_to(FLAT_KERNEL_CS);
	expect_eq(after_iret, SEL(CODE), "%cs after the iret hypercall");
	expect_eq(after_lret, SEL(CODE_DPL0),
		  "%cs after a far return to the code segment fixed to DPL 3");
	expect_eq(READ_SEG(cs), FLAT_KERNEL_CS,
		  "%cs after a far return to FLAT_KERNEL_CS");
}

/*
 * update_descriptor on the live GDT: each update shows in the next load;
 * refusals leave the entry alone.
 */
static void live_updates(void)
{
	const uint64_t maddr = virt_to_maddr(&gdt[0][ABSENT]);
	const xen_pfn_t tss_frame = virt_to_mfn(spare);

	expect_eq(update_descriptor(maddr, DESC_DATA & ~DESC_PRESENT), 0,
		  "update_descriptor to a not-present DPL 3 entry");
	expect_load_fault(SEL(ABSENT), X86_EXC_NP,
			  "load of a not-present DPL 3 segment");
	expect_eq(update_descriptor(maddr, DESC_DATA & ~DESC_DPL), 0,
		  "update_descriptor to a present DPL 0 entry");
	expect_eq(gdt[0][ABSENT], DESC_DATA, "updated entry, with DPL 3");
	expect_eq(load_ds(SEL(ABSENT)), 0, "load of the updated entry");
	for (unsigned int i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (update_descriptor(maddr, refused[i].desc) != -XEN_EINVAL)
			fail("update_descriptor of a %s: not -EINVAL", refused[i].name);
	expect_eq(update_descriptor(maddr + 4, DESC_DATA), -XEN_EINVAL,
		  "update_descriptor at an unaligned address");
	expect_eq(gdt[0][ABSENT], DESC_DATA | DESC_ACCESSED,
		  "entry after the refused updates");
	expect_eq(update_descriptor(virt_to_maddr(&gdt[0][GATE]), gates[0].desc), 0,
		  "update_descriptor of a call gate");
	expect_eq(gdt[0][GATE], gates[0].stored, "call gate in the GDT");
	expect_eq(map_own_frame(gdt[0]), -XEN_EBUSY,
		  "writable mapping of a live GDT frame");
	/* A refused set_gdt leaves the GDT in place. */
	if (spare_holding(DESC_TSS))
		return;
	expect_eq(set_gdt(&tss_frame, 512), -XEN_EINVAL,
		  "set_gdt of a frame with a TSS");
	expect_eq(load_ds(SEL(DATA)), 0, "load after the refused set_gdt");
}

static void live_gdt(void)
{
	expect_eq(gdt[0][CODE_DPL0], DESC_CODE64,
		  "code descriptor with DPL 0, after set_gdt");
	expect_eq(gdt[0][DATA_DPL0], DESC_DATA,
		  "data descriptor with DPL 0, after set_gdt");
	expect_eq(gdt[0][ABSENT], DESC_DATA & ~DESC_DPL & ~DESC_PRESENT,
		  "not-present descriptor with DPL 0, after set_gdt");
	data_selectors();
	code_selectors();
	live_updates();
}

/* Once the GDT is gone its frames are plain data again. */
static void gdt_gone(void)
{
	const uint64_t l4_entry = boot_l4_mfn() << PAGE_SHIFT |
				  PT_INDEX(UNMAPPED_VA, 4) * sizeof(uint64_t);

	expect_load_fault(SEL(DATA), X86_EXC_GP,
			  "load from the GDT after set_gdt of none");
	expect_eq(map_pages(gdt, GDT_FRAMES, PTE_PRESENT | PTE_RW), 0,
		  "writable mapping of the former GDT");
	poke((unsigned long)&gdt[1][0], DESC_TSS);
	expect_eq(peek((unsigned long)&gdt[1][0]), DESC_TSS, "write to the former GDT");
	expect_eq(update_descriptor(virt_to_maddr(&gdt[1][1]),
				    DESC_DATA & ~DESC_DPL), 0,
		  "update_descriptor of a writable data frame");
	expect_eq(gdt[1][1], DESC_DATA, "descriptor in the data frame");
	expect_eq(update_descriptor(8, DESC_DATA), -XEN_EINVAL,
		  "update_descriptor of MFN 0, not the guest's");
	expect_eq(update_descriptor(1UL << 40, DESC_DATA), -XEN_EINVAL,
		  "update_descriptor beyond RAM");
	/* A not-present descriptor, to an empty L4 slot: harmless if taken. */
	expect_eq(update_descriptor(l4_entry, 0), -XEN_EINVAL,
		  "update_descriptor of the boot L4");
}

void test_main(void)
{
	long rc;

	fill_gdt();
	bad_arguments();
	if (map_pages(gdt, GDT_FRAMES, PTE_PRESENT)) {
		fail("read-only mapping of the GDT frames");
		return;
	}
	refused_frames();
	call_gate_frames();
	rc = set_gdt(gdt_mfns, GDT_ENTRIES);
	if (rc) {
		fail("set_gdt of the GDT frames: %ld", rc);
		return;
	}
	live_gdt();
	/* Nothing may still refer to the GDT when it goes. */
	LOAD_SEG(ds, 0);
	LOAD_SEG(es, 0);
	LOAD_SEG(fs, 0);
	expect_eq(set_gdt(NULL, 0), 0, "set_gdt of no entries");
	gdt_gone();
	expect_eq(map_own_frame(spare), 0, "writable mapping of the spare frame");
}
