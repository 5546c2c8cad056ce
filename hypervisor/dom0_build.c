/*
 * Domain 0's initial address space, laid out as Xen's PV dom0 builder
 * does (pv-abi.md §1.2): from VIRT_BASE upward, pfn i at VIRT_BASE + i*4K,
 *     kernel | initrd | p2m list | start_info | page tables | boot stack
 * all mapped, then padding to a 4 MiB boundary with at least 512 KiB of
 * slack. The page tables come L4 first, then L3s, L2s and L1s, and are
 * mapped read-only; every other page is mapped writable.
 */
#include "arch.h"
#include "dom0_build.h"
#include "guest_access.h"
#include "hypercall_page.h"
#include "mm.h"
#include "page.h"
#include "page_type.h"
#include "xen_elf.h"

#define MAX_P2M_FRAMES 8192                  /* a 16 GiB domain 0 */
#define ENTRIES_PER_FRAME (PAGE_SIZE / sizeof(unsigned long))

struct layout {
	unsigned long v_start, kern_end, initrd_start, p2m_start, si_start;
	unsigned long pt_start, nr_pt[5], nr_pt_frames, stack_start, v_end;
};

static unsigned long p2m_frames[MAX_P2M_FRAMES];

/* Tables needed at one level to map [s, e): one per 2^shift bytes touched. */
static unsigned long tables_for(unsigned long s, unsigned long e, unsigned shift)
{
	return ((e - 1) >> shift) - (s >> shift) + 1;
}

static void compute_layout(struct layout *l, const struct xen_elf_info *elf,
			   size_t initrd_len, unsigned long nr_pages)
{
	l->v_start = elf->virt_base;
	l->kern_end = ROUNDUP(elf->virt_kend, PAGE_SIZE);
	l->initrd_start = l->kern_end;
	l->p2m_start = l->initrd_start + ROUNDUP(initrd_len, PAGE_SIZE);
	l->si_start = l->p2m_start + ROUNDUP(nr_pages * sizeof(unsigned long), PAGE_SIZE);
	l->pt_start = l->si_start + PAGE_SIZE;
	l->nr_pt_frames = 1;
	for (;;) {
		l->stack_start = l->pt_start + l->nr_pt_frames * PAGE_SIZE;
		unsigned long stack_end = l->stack_start + PAGE_SIZE;
		l->v_end = ROUNDUP(stack_end, 4UL << 20);
		if (l->v_end - stack_end < (512UL << 10))
			l->v_end += 4UL << 20;
		l->nr_pt[4] = 1;
		l->nr_pt[3] = tables_for(l->v_start, l->v_end, L4_SHIFT);
		l->nr_pt[2] = tables_for(l->v_start, l->v_end, L3_SHIFT);
		l->nr_pt[1] = tables_for(l->v_start, l->v_end, L2_SHIFT);
		unsigned long need = 1 + l->nr_pt[3] + l->nr_pt[2] + l->nr_pt[1];
		if (need <= l->nr_pt_frames)
			break;
		l->nr_pt_frames = need;
	}
}

static unsigned long *p2m_slot(unsigned long pfn)
{
	return (unsigned long *)mfn_to_virt(p2m_frames[pfn / ENTRIES_PER_FRAME]) +
	       pfn % ENTRIES_PER_FRAME;
}

/* The p2m list's own frames are allocated first, so that every later
 * frame's entry has somewhere to go. */
static void populate(struct domain *d, const struct layout *l, unsigned long nr_pages)
{
	unsigned long p2m_pfn = (l->p2m_start - l->v_start) >> PAGE_SHIFT;
	unsigned long nr_p2m = ROUNDUP(nr_pages, ENTRIES_PER_FRAME) / ENTRIES_PER_FRAME;

	if (nr_p2m > MAX_P2M_FRAMES)
		panic("dom0_mem: at most %lu MiB", (MAX_P2M_FRAMES * ENTRIES_PER_FRAME) >> 8);
	for (unsigned long i = 0; i < nr_p2m; i++) {
		long mfn = alloc_frame(d->domain_id);
		if (mfn < 0)
			panic("out of memory building domain 0");
		p2m_frames[i] = mfn;
	}
	for (unsigned long pfn = 0; pfn < nr_pages; pfn++) {
		long mfn;
		if (pfn >= p2m_pfn && pfn < p2m_pfn + nr_p2m)
			mfn = p2m_frames[pfn - p2m_pfn];
		else if ((mfn = alloc_frame(d->domain_id)) < 0)
			panic("out of memory building domain 0 (%lu pages)", nr_pages);
		*p2m_slot(pfn) = mfn;
		m2p_set(mfn, pfn);
	}
	/* Domain 0 has no ceiling, as on Xen without dom0_mem=max:. */
	d->tot_pages = nr_pages;
	d->max_pages = UINT32_MAX;
}

static void *guest_page(const struct layout *l, unsigned long va)
{
	return (uint8_t *)mfn_to_virt(*p2m_slot((va - l->v_start) >> PAGE_SHIFT)) +
	       (va & (PAGE_SIZE - 1));
}

static void copy_to_domain(const struct layout *l, unsigned long va, const void *src, size_t len)
{
	const uint8_t *s = src;

	while (len) {
		size_t chunk = MIN(len, PAGE_SIZE - (va & (PAGE_SIZE - 1)));
		memcpy(guest_page(l, va), s, chunk);
		va += chunk;
		s += chunk;
		len -= chunk;
	}
}

static void load_kernel(const struct layout *l, const struct xen_elf_info *elf)
{
	const Elf64_Phdr *ph;

	for (unsigned i = 0; (ph = xen_elf_load_segment(elf, i)); i++)
		copy_to_domain(l, ph->p_paddr + elf->virt_offset,
			       elf->image + ph->p_offset, ph->p_filesz);
}

/* The k-th table of a level; levels are laid out L4, L3s, L2s, L1s. */
static unsigned long table_va(const struct layout *l, unsigned level, unsigned long k)
{
	unsigned long idx = k;

	for (unsigned lev = 4; lev > level; lev--)
		idx += l->nr_pt[lev];
	return l->pt_start + idx * PAGE_SIZE;
}

static unsigned long va_to_mfn(const struct layout *l, unsigned long va)
{
	return *p2m_slot((va - l->v_start) >> PAGE_SHIFT);
}

static const unsigned entry_shift[] = { 0, L1_SHIFT, L2_SHIFT, L3_SHIFT, L4_SHIFT };

/* Which table of its level maps va: tables are numbered from v_start. */
static unsigned long table_index(const struct layout *l, unsigned level, unsigned long va)
{
	if (level == 4)
		return 0;
	unsigned s = entry_shift[level + 1];
	return (va >> s) - (l->v_start >> s);
}

static uint64_t *table_entry_for(const struct layout *l, unsigned level, unsigned long va)
{
	uint64_t *table = guest_page(l, table_va(l, level, table_index(l, level, va)));
	return &table[pt_index(va, entry_shift[level])];
}

/* Upper-level entries are written once, by the first page they map. */
static void map_page(const struct layout *l, unsigned long va)
{
	const uint64_t upper = _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_USER;

	for (unsigned level = 4; level > 1; level--) {
		uint64_t *e = table_entry_for(l, level, va);
		if (*e)
			continue;
		unsigned long child = va_to_mfn(l, table_va(l, level - 1, table_index(l, level - 1, va)));
		*e = pte_make(child, upper);
	}
	bool is_table = va >= l->pt_start && va < l->stack_start;
	unsigned long mfn = va_to_mfn(l, va);
	*table_entry_for(l, 1, va) = pte_make(mfn, _PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_USER |
					      (is_table ? 0 : _PAGE_RW));
}

/* The tables are written plainly, then pinned as Xen's builder pins them:
 * validation gives every frame its type and references, by the same rules
 * as any guest's own tables. The vCPU's base pointer holds its own. */
static unsigned long build_page_tables(struct domain *d, const struct layout *l)
{
	unsigned long l4 = va_to_mfn(l, l->pt_start);

	for (unsigned long va = l->v_start; va < l->v_end; va += PAGE_SIZE)
		map_page(l, va);
	if (pin_table(l4, PGT_l4, d->domain_id) || get_page_and_type(l4, PGT_l4, d->domain_id))
		panic("domain 0's initial page tables do not validate");
	return l4;
}

static void fill_start_info(struct domain *d, const struct layout *l, unsigned long nr_pages,
			    const struct boot_module *initrd, const char *cmdline)
{
	start_info_t *si = guest_page(l, l->si_start);

	snprintf(si->magic, sizeof(si->magic), "xen-3.0-x86_64");
	si->nr_pages = nr_pages;
	si->shared_info = d->shared_info_mfn << PAGE_SHIFT;
	si->flags = SIF_PRIVILEGED | SIF_INITDOMAIN;
	si->pt_base = l->pt_start;
	si->nr_pt_frames = l->nr_pt_frames;
	si->mfn_list = l->p2m_start;
	if (initrd && initrd->size) {
		si->mod_start = l->initrd_start;
		si->mod_len = initrd->size;
	}
	snprintf((char *)si->cmd_line, MAX_GUEST_CMDLINE, "%s", cmdline ? cmdline : "");
}

static void set_entry_state(struct vcpu *v, const struct layout *l,
			    const struct xen_elf_info *elf, unsigned long l4)
{
	struct cpu_user_regs *regs = &v->regs;

	memset(regs, 0, sizeof(*regs));
	regs->rip = elf->virt_entry;
	regs->rsp = l->stack_start + PAGE_SIZE;
	regs->rsi = l->si_start;
	regs->rflags = X86_EFLAGS_IF | 0x2;
	regs->cs = FLAT_KERNEL_CS;
	regs->ss = FLAT_KERNEL_SS;
	v->guest_table = l4;
	v->kernel_mode = true;
	v->kernel_ss = FLAT_KERNEL_SS;
	v->kernel_sp = regs->rsp;
	v->initialised = true;
	v->online = true;
}

void dom0_build(struct domain *d, const struct boot_module *kernel,
		const struct boot_module *initrd, unsigned long nr_pages)
{
	struct xen_elf_info elf;
	struct layout l;

	if (xen_elf_parse(kernel->data, kernel->size, &elf))
		panic("domain 0 kernel: %s", elf.error);
	compute_layout(&l, &elf, initrd ? initrd->size : 0, nr_pages);
	if (!guest_range_ok(l.v_start, l.v_end - l.v_start))
		panic("domain 0 kernel: [%lx, %lx) overlaps the hypervisor's slots", l.v_start, l.v_end);
	if ((l.v_end - l.v_start) >> PAGE_SHIFT > nr_pages)
		panic("dom0_mem too small: the initial mapping alone needs %lu KiB",
		      (l.v_end - l.v_start) >> 10);

	populate(d, &l, nr_pages);
	load_kernel(&l, &elf);
	if (initrd && initrd->size)
		copy_to_domain(&l, l.initrd_start, initrd->data, initrd->size);
	unsigned long l4 = build_page_tables(d, &l);
	fill_start_info(d, &l, nr_pages, initrd, kernel->cmdline);
	if (elf.virt_hypercall != UNSET_ADDR)
		write_hypercall_page(guest_page(&l, elf.virt_hypercall));
	set_entry_state(d->vcpu[0], &l, &elf, l4);
	printk("domain 0: %s kernel at [%lx, %lx), entry %lx, %lu MiB, %lu page-table frames",
	       elf.guest_os, elf.virt_kstart, elf.virt_kend, elf.virt_entry,
	       nr_pages >> 8, l.nr_pt_frames);
}
