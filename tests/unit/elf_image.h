/* PV kernel images built in memory for the xen_elf tests. image_build()
 * lays out a valid Linux-style PV64 kernel; each test then breaks it in
 * one way and parses it with image_parse(). */
#ifndef UNIT_ELF_IMAGE_H
#define UNIT_ELF_IMAGE_H

#include "xen_elf.h"
#include <xen/elfnote.h>

/* The file: ELF header, program headers, notes at NOTES_OFFSET, then the
 * loaded bytes [TEXT_OFFSET, IMAGE_SIZE). */
#define IMAGE_SIZE      0x3000UL
#define MAX_PHDRS       4
#define NOTES_OFFSET    0x200UL
#define TEXT_OFFSET     0x1000UL

/* Memory, as Linux lays itself out: VIRT_BASE is __START_KERNEL_map and
 * the segment's paddr is its address minus VIRT_BASE. */
#define VIRT_BASE       0xffffffff80000000UL
#define KERNEL_PADDR    0x1000000UL
#define KERNEL_START    (VIRT_BASE + KERNEL_PADDR)
#define KERNEL_MEMSZ    0x3000UL            /* two file pages, one of bss */
#define KERNEL_END      (KERNEL_START + KERNEL_MEMSZ)
#define KERNEL_ENTRY    (KERNEL_START + 0x10)
#define HYPERCALL_PAGE  (KERNEL_START + 0x1000)

#define NOTE(type)      (1u << (type))      /* for image_build's omit mask */

struct elf_image {
	_Alignas(8) uint8_t bytes[IMAGE_SIZE];
	size_t size;
};

static inline Elf64_Ehdr *image_ehdr(struct elf_image *img)
{
	return (Elf64_Ehdr *)img->bytes;
}

/* Program header i; 0 is the kernel's PT_LOAD, 1 its PT_NOTE. */
static inline Elf64_Phdr *image_phdr(struct elf_image *img, unsigned i)
{
	return (Elf64_Phdr *)(img->bytes + image_ehdr(img)->e_phoff) + i;
}

/* Every standard Xen note except those in omit, and a GNU build-id. */
void image_build(struct elf_image *img, uint32_t omit);

/* Appends a note to the PT_NOTE segment, which grows to hold it. */
Elf64_Nhdr *image_note(struct elf_image *img, const char *name, uint32_t type,
		       const void *desc, uint32_t len);
void image_note_u64(struct elf_image *img, uint32_t type, uint64_t value);
void image_note_str(struct elf_image *img, uint32_t type, const char *s);

/* Appends a zeroed program header. */
Elf64_Phdr *image_add_phdr(struct elf_image *img);

/* Parses a copy that ends right at an unmapped page, so that a read past
 * the image's end crashes the test instead of going unnoticed. */
int image_parse(const struct elf_image *img, struct xen_elf_info *info);

/* Asserts that parsing fails, with the reason given. */
void ck_assert_rejected(const struct elf_image *img, const char *why);

#endif
