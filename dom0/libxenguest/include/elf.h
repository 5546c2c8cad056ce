/*
 * A PV kernel image as a domain builder reads it: an ELF64 executable whose
 * PT_NOTE segments carry Xen's notes (xen/elfnote.h). The ELF structures
 * are the ELF specification's: guests have no C library to declare them.
 */
#ifndef GUEST_ELF_H
#define GUEST_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	unsigned char e_ident[16];
	uint16_t e_type, e_machine;
	uint32_t e_version;
	uint64_t e_entry, e_phoff, e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	uint32_t p_type, p_flags;
	uint64_t p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
} Elf64_Phdr;

typedef struct {
	uint32_t n_namesz, n_descsz, n_type;
} Elf64_Nhdr;

struct pv_image {
	const uint8_t *data;
	size_t len;
	const Elf64_Phdr *phdrs;
	unsigned int phnum;
	/* From the notes, as libelf reads them (xen/common/libelf). */
	uint64_t virt_base, virt_offset, entry, hypercall_page;
	bool has_hypercall_page;
	/* Where the loadable segments land: [kstart, kend). */
	uint64_t kstart, kend;
};

/* Checks the header, the segments and the notes; 0 or -XEN_EINVAL. */
long pv_image_parse(struct pv_image *img, const void *data, size_t len);

/* Fills the page at va as the loadable segments have it, zero elsewhere. */
void pv_image_page(const struct pv_image *img, uint64_t va, void *page);

#endif
