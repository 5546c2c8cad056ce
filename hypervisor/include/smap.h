/*
 * SMAP: ring 0 may touch user pages (every guest page is one) only between
 * stac and clac. Each of these instructions is recorded in .smap_sites, and
 * on a CPU without SMAP the boot code turns them into 3-byte NOPs
 * (arch/x86/cpu.c), since there they would be #UD.
 */
#ifndef XENITH_SMAP_H
#define XENITH_SMAP_H

#define SMAP_SITE(bytes)                              \
	"661:\t.byte " bytes "\n\t"                   \
	".pushsection .smap_sites, \"a\"\n\t"         \
	".balign 8\n\t"                               \
	".quad 661b\n\t"                              \
	".popsection"

static inline void stac(void) { __asm__ volatile(SMAP_SITE("0x0f, 0x01, 0xcb") ::: "memory"); }
static inline void clac(void) { __asm__ volatile(SMAP_SITE("0x0f, 0x01, 0xca") ::: "memory"); }

#endif
