/* What a PV kernel's ELF image and its Xen ELF notes tell the builder. */
#ifndef XENITH_XEN_ELF_H
#define XENITH_XEN_ELF_H

#include "elf64.h"
#include <stdbool.h>
#include <stddef.h>

#define UNSET_ADDR (~0UL)

struct xen_elf_info {
	const Elf64_Ehdr *ehdr;
	const uint8_t *image;
	size_t size;

	/* From the notes (UNSET_ADDR when absent). */
	uint64_t virt_base, paddr_offset, virt_entry, virt_hypercall, init_p2m;
	char guest_os[32], loader[32], xen_version[32];
	bool mod_start_pfn;

	/* Derived: where the kernel lands, [virt_kstart, virt_kend). */
	uint64_t virt_kstart, virt_kend, virt_offset;
	const char *error;      /* why parsing failed, for the boot log */
};

/* Checks everything the builder will later trust: header, segments and
 * notes all inside the image, addresses consistent. 0 or -EINVAL. */
int xen_elf_parse(const void *image, size_t size, struct xen_elf_info *info);

/* The i-th loadable segment, or NULL. */
const Elf64_Phdr *xen_elf_load_segment(const struct xen_elf_info *info, unsigned int i);

#endif
