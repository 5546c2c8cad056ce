/*
 * Machine memory at boot: read the multiboot memory map, carve the frame
 * table and the M2P out of RAM above everything the loader placed, and
 * give every other usable frame to the free pool.
 */
#include "arch.h"
#include "frames.h"
#include "mm.h"
#include "multiboot.h"
#include "page.h"
#include "spinlock.h"

#define MAX_RAM_RANGES 32
#define MAX_RESERVED   16
#define MAX_MAP_ENTRIES 128
#define LOW_MEMORY     0x100000UL

struct range { unsigned long start, end; };

static struct range ram[MAX_RAM_RANGES];
static unsigned nr_ram;
static struct range reserved[MAX_RESERVED];
static unsigned nr_reserved;
static unsigned long boot_floor;         /* boot allocations grow from here */
static spinlock_t pool_lock;
static unsigned long *m2p;
static unsigned long m2p_maddr, m2p_size;
static struct e820_entry machine_map[MAX_MAP_ENTRIES];
static unsigned nr_machine_map;

struct frame_pool machine_frames;
unsigned long max_mfn;

/* Keeps [start, end) out of the pool: the image, the modules, boot tables. */
void mm_reserve(unsigned long start, unsigned long end)
{
	BUG_ON(nr_reserved == MAX_RESERVED);
	reserved[nr_reserved++] = (struct range){ start, end };
	boot_floor = MAX(boot_floor, ROUNDUP(end, PAGE_SIZE));
}

static void read_memory_map(const struct multiboot_info *mbi)
{
	BUG_ON(!(mbi->flags & MBI_MEMMAP));
	unsigned long p = mbi->mmap_addr, end = p + mbi->mmap_length;

	for (; p < end; ) {
		const struct multiboot_mmap *e = maddr_to_virt(p);
		if (e->len && nr_machine_map < MAX_MAP_ENTRIES)
			machine_map[nr_machine_map++] = (struct e820_entry){ e->addr, e->len, e->type };
		if (e->type == MB_MEM_RAM && e->len && nr_ram < MAX_RAM_RANGES)
			ram[nr_ram++] = (struct range){ ROUNDUP(e->addr, PAGE_SIZE),
							(e->addr + e->len) & ~(PAGE_SIZE - 1) };
		p += e->size + 4;
	}
	for (unsigned i = 0; i < nr_ram; i++)
		max_mfn = MAX(max_mfn, ram[i].end >> PAGE_SHIFT);
}

/* Bump allocation above boot_floor, inside one RAM range. */
static unsigned long boot_alloc(unsigned long size, unsigned long align)
{
	for (unsigned i = 0; i < nr_ram; i++) {
		unsigned long s = ROUNDUP(MAX(ram[i].start, boot_floor), align);
		if (s + size <= ram[i].end) {
			mm_reserve(s, s + size);
			return s;
		}
	}
	panic("out of memory for the frame table (%lu bytes)", size);
}

static bool is_reserved(unsigned long maddr)
{
	if (maddr < LOW_MEMORY)
		return true;
	for (unsigned i = 0; i < nr_reserved; i++)
		if (maddr >= reserved[i].start && maddr < reserved[i].end)
			return true;
	return false;
}

/* Highest frames first, so that allocations come out in ascending order. */
static void release_free_frames(void)
{
	for (unsigned i = nr_ram; i-- > 0; )
		for (unsigned long pa = ram[i].end; pa > ram[i].start; ) {
			pa -= PAGE_SIZE;
			if (!is_reserved(pa))
				frame_pool_free(&machine_frames, pa >> PAGE_SHIFT);
		}
}

void mm_init(const struct multiboot_info *mbi)
{
	read_memory_map(mbi);
	unsigned long ram_end = max_mfn << PAGE_SHIFT;
	paging_map_direct(MAX(ram_end, 4UL << 30), ram_end);

	unsigned long table_size = max_mfn * sizeof(struct page_info);
	struct page_info *table = maddr_to_virt(boot_alloc(table_size, PAGE_SIZE));
	m2p_size = ROUNDUP(max_mfn * sizeof(unsigned long), 1UL << L2_SHIFT);
	m2p_maddr = boot_alloc(m2p_size, 1UL << L2_SHIFT);

	m2p = maddr_to_virt(m2p_maddr);
	memset(m2p, 0xff, m2p_size);        /* INVALID_M2P_ENTRY everywhere */
	paging_map_m2p(m2p_maddr, m2p_size);
	frame_pool_init(&machine_frames, table, max_mfn);
	release_free_frames();
	printk("memory: %lu MiB of RAM, %lu frames free, frame table %lu KiB",
	       ram_end >> 20, machine_frames.nr_free, table_size >> 10);
}

/* Hands a boot-time reservation (a module, once consumed) to the pool. */
void mm_release(unsigned long start, unsigned long end)
{
	spin_lock(&pool_lock);
	for (unsigned long pa = ROUNDUP(start, PAGE_SIZE); pa + PAGE_SIZE <= end; pa += PAGE_SIZE)
		frame_pool_free(&machine_frames, pa >> PAGE_SHIFT);
	spin_unlock(&pool_lock);
}

long alloc_frame(domid_t owner)
{
	spin_lock(&pool_lock);
	long mfn = frame_pool_alloc(&machine_frames, owner);
	spin_unlock(&pool_lock);
	if (mfn >= 0)
		memset(mfn_to_virt(mfn), 0, PAGE_SIZE);
	return mfn;
}

void free_frame(unsigned long mfn)
{
	m2p_set(mfn, INVALID_M2P_ENTRY);
	spin_lock(&pool_lock);
	frame_pool_free(&machine_frames, mfn);
	spin_unlock(&pool_lock);
}

void m2p_set(unsigned long mfn, unsigned long pfn)
{
	m2p[mfn] = pfn;
}

/* One boot allocation, 2 MiB aligned, so its extents are contiguous. */
unsigned long m2p_nr_extents(void)
{
	return m2p_size >> L2_SHIFT;
}

unsigned long m2p_extent_mfn(unsigned long i)
{
	return (m2p_maddr + (i << L2_SHIFT)) >> PAGE_SHIFT;
}

unsigned int mm_machine_map(const struct e820_entry **map)
{
	*map = machine_map;
	return nr_machine_map;
}

enum frame_kind frame_kind_slow(unsigned long mfn)
{
	if (mfn >> (paddr_bits - PAGE_SHIFT))
		return FRAME_NONE;
	unsigned long pa = mfn << PAGE_SHIFT;
	for (unsigned i = 0; i < nr_ram; i++)
		if (pa >= ram[i].start && pa < ram[i].end)
			return FRAME_RAM;
	return FRAME_IO;
}
