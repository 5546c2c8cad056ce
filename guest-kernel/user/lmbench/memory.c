/*
 * Memory rows, written against Linux's semantics: anonymous private
 * memory is mapped on demand, so the first touch of each page faults and
 * gets a zeroed page. The first-touch and brk rows use up a few MiB, then
 * give it back in one of their calls: an outlier that the region mode and
 * the median of the ticks both leave out.
 */
#include <stddef.h>
#include <sys/mman.h>
#include <unistd.h>

#include "lmbench.h"

#define AREA_SIZE (4 << 20)
#define MMAP_SIZE (1 << 20)
#define MMAP_CALLS 300
#define BRK_PAGES 1024

static char *area;
static size_t touched;
static size_t brk_pages;

static char *map_anonymous(size_t size)
{
	return mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void touch_pages(char *p, size_t size)
{
	for (size_t off = 0; off < size; off += PAGE_SIZE)
		p[off] = 1;
}

static void first_touch(void)
{
	if (touched == AREA_SIZE) {
		munmap(area, AREA_SIZE);
		area = map_anonymous(AREA_SIZE);
		touched = 0;
	}
	area[touched] = 1;
	touched += PAGE_SIZE;
}

static const char *prepare_first_touch(void)
{
	area = map_anonymous(AREA_SIZE);
	touched = 0;
	return area == MAP_FAILED ? failed("mmap") : NULL;
}

static void finish_first_touch(void)
{
	munmap(area, AREA_SIZE);
}

static void mmap_touch_munmap(void)
{
	char *p = map_anonymous(MMAP_SIZE);

	touch_pages(p, MMAP_SIZE);
	munmap(p, MMAP_SIZE);
}

static const char *prepare_mmap(void)
{
	char *p = map_anonymous(MMAP_SIZE);

	if (p == MAP_FAILED)
		return failed("mmap");
	touch_pages(p, MMAP_SIZE);
	return munmap(p, MMAP_SIZE) ? failed("munmap") : NULL;
}

static void brk_grow(void)
{
	if (brk_pages == BRK_PAGES) {
		sbrk(-BRK_PAGES * PAGE_SIZE);
		brk_pages = 0;
	}
	*(char *)sbrk(PAGE_SIZE) = 1;
	brk_pages++;
}

static const char *prepare_brk(void)
{
	char *p = sbrk(PAGE_SIZE);

	if (p == (char *)-1)
		return failed("sbrk");
	*p = 1;
	brk_pages = 1;
	return NULL;
}

static void finish_brk(void)
{
	sbrk(-(long)brk_pages * PAGE_SIZE);
}

const struct bench_op memory_ops[] = {
	{ "page_fault", first_touch, prepare_first_touch, 0, 0, 0, finish_first_touch },
	{ "mmap_1m", mmap_touch_munmap, prepare_mmap, 0, 0, MMAP_CALLS, 0 },
	{ "brk_page", brk_grow, prepare_brk, 0, 0, 0, finish_brk },
	{ 0 },
};
