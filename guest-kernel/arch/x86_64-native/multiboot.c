/*
 * What the multiboot loader tells the kernel, copied out before any
 * memory is reused: the command line, the initrd (the first module) and
 * the usable RAM. The loader's structures are read through head.S's map
 * of the first GiB at PHYSMAP_BASE.
 */
#include "lib.h"
#include "multiboot.h"
#include "native.h"
#include "printk.h"

#define CMDLINE_MAX 1024

struct mem_range mem_ranges[MEM_RANGES_MAX];
unsigned nr_mem_ranges;
static char cmdline[CMDLINE_MAX];

static const void *boot_view(phys_addr_t pa, size_t len)
{
	if (pa + len > BOOT_MAP_SIZE)
		panic("multiboot data at %lx, beyond the first GiB", (unsigned long)pa);
	return phys_to_virt(pa);
}

/* Whole pages only: a partial page may be shared with firmware data. */
static void add_range(uint64_t addr, uint64_t len)
{
	phys_addr_t start = ALIGN_UP(addr, PAGE_SIZE), end = ALIGN_DOWN(addr + len, PAGE_SIZE);

	if (start >= end)
		return;
	if (nr_mem_ranges == MEM_RANGES_MAX) {
		printk("memory: ignoring [%lx, %lx): too many ranges\n", (unsigned long)start,
		       (unsigned long)end);
		return;
	}
	mem_ranges[nr_mem_ranges++] = (struct mem_range){ start, end };
}

static void read_memory_map(const struct multiboot_info *mbi)
{
	const struct multiboot_mmap_entry *e;

	if (!(mbi->flags & MBI_MMAP))
		panic("the boot loader gave no memory map");
	for (uint32_t off = 0; off < mbi->mmap_length; off += e->size + sizeof(e->size)) {
		e = boot_view(mbi->mmap_addr + off, sizeof(*e));
		if (e->type == MB_MEMORY_AVAILABLE)
			add_range(e->addr, e->len);
	}
}

/* The header asked for page-aligned modules: generic code frees the
 * initrd's pages whole once it is unpacked. */
static void read_initrd(const struct multiboot_info *mbi, struct boot_info *bi)
{
	const struct multiboot_module *m;

	if (!(mbi->flags & MBI_MODS) || !mbi->mods_count)
		return;
	m = boot_view(mbi->mods_addr, sizeof(*m));
	if (m->start & (PAGE_SIZE - 1))
		panic("the initrd at %x is not page-aligned", m->start);
	bi->initrd_start = m->start;
	bi->initrd_len = m->end - m->start;
}

void multiboot_read(uint32_t magic, uint32_t info, struct boot_info *bi)
{
	const struct multiboot_info *mbi;

	if (magic != MB_LOADER_MAGIC)
		panic("not started by a multiboot loader (magic %x)", magic);
	mbi = boot_view(info, sizeof(*mbi));
	if (mbi->flags & MBI_CMDLINE)
		snprintf(cmdline, sizeof(cmdline), "%s", (const char *)boot_view(mbi->cmdline, 1));
	*bi = (struct boot_info){ .cmdline = cmdline };
	read_initrd(mbi, bi);
	read_memory_map(mbi);
}
