/*
 * Parsing a PV kernel: an x86-64 ELF executable whose Xen ELF notes
 * (xen/elfnote.h) say where it wants to live and what it needs. The image
 * comes from a boot module or from dom0's toolstack, so every offset and
 * size in it is checked before use. Segment and note arithmetic never
 * wraps; addresses shifted by VIRT_BASE - PADDR_OFFSET may, as in Xen's
 * libelf, and the builder refuses any that leave the guest's area.
 */
#include "errno.h"
#include "lib.h"
#include "xen_elf.h"
#include <xen/elfnote.h>

static int fail(struct xen_elf_info *info, const char *why)
{
	info->error = why;
	return -EINVAL;
}

static bool in_image(const struct xen_elf_info *info, uint64_t off, uint64_t len)
{
	return off <= info->size && len <= info->size - off;
}

static const Elf64_Phdr *phdr(const struct xen_elf_info *info, unsigned i)
{
	return (const Elf64_Phdr *)(info->image + info->ehdr->e_phoff) + i;
}

static int check_header(struct xen_elf_info *info)
{
	const Elf64_Ehdr *eh = info->ehdr;

	if (info->size < sizeof(*eh) || memcmp(eh->e_ident, "\177ELF", 4))
		return fail(info, "not an ELF image");
	if (eh->e_ident[4] != ELFCLASS64 || eh->e_ident[5] != ELFDATA2LSB ||
	    eh->e_machine != EM_X86_64 || eh->e_type != ET_EXEC)
		return fail(info, "not an x86-64 ELF executable");
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || !eh->e_phnum ||
	    !in_image(info, eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr)) ||
	    eh->e_phoff % 8)
		return fail(info, "program headers outside the image");
	return 0;
}

static void copy_note_string(char *dst, size_t cap, const char *desc, uint32_t len)
{
	size_t n = strnlen(desc, len);

	n = MIN(n, cap - 1);
	memcpy(dst, desc, n);
	dst[n] = '\0';
}

static uint64_t note_value(const uint8_t *desc, uint32_t len)
{
	uint64_t v = 0;

	memcpy(&v, desc, MIN(len, (uint32_t)sizeof(v)));
	return v;
}

static void take_note(struct xen_elf_info *info, uint32_t type, const uint8_t *desc, uint32_t len)
{
	switch (type) {
	case XEN_ELFNOTE_ENTRY:          info->virt_entry = note_value(desc, len); break;
	case XEN_ELFNOTE_HYPERCALL_PAGE: info->virt_hypercall = note_value(desc, len); break;
	case XEN_ELFNOTE_VIRT_BASE:      info->virt_base = note_value(desc, len); break;
	case XEN_ELFNOTE_PADDR_OFFSET:   info->paddr_offset = note_value(desc, len); break;
	case XEN_ELFNOTE_INIT_P2M:       info->init_p2m = note_value(desc, len); break;
	case XEN_ELFNOTE_MOD_START_PFN:  info->mod_start_pfn = note_value(desc, len); break;
	case XEN_ELFNOTE_GUEST_OS:
		copy_note_string(info->guest_os, sizeof(info->guest_os), (const char *)desc, len);
		break;
	case XEN_ELFNOTE_LOADER:
		copy_note_string(info->loader, sizeof(info->loader), (const char *)desc, len);
		break;
	case XEN_ELFNOTE_XEN_VERSION:
		copy_note_string(info->xen_version, sizeof(info->xen_version), (const char *)desc, len);
		break;
	}
}

/* Notes are 4-byte aligned records: header, name, descriptor. */
static int read_notes(struct xen_elf_info *info, const Elf64_Phdr *ph, bool *found)
{
	uint64_t off = ph->p_offset, end = ph->p_offset + ph->p_filesz;

	while (end - off >= sizeof(Elf64_Nhdr)) {
		const Elf64_Nhdr *n = (const Elf64_Nhdr *)(info->image + off);
		uint64_t name = off + sizeof(*n);
		uint64_t desc = name + ROUNDUP((uint64_t)n->n_namesz, 4);
		uint64_t next = desc + ROUNDUP((uint64_t)n->n_descsz, 4);
		if (next > end)
			return fail(info, "an ELF note runs past its segment");
		if (n->n_namesz == 4 && !memcmp(info->image + name, "Xen", 4)) {
			take_note(info, n->n_type, info->image + desc, n->n_descsz);
			*found = true;
		}
		off = next;
	}
	return 0;
}

static int check_segments(struct xen_elf_info *info, bool *notes)
{
	uint64_t pstart = UNSET_ADDR, pend = 0;

	for (unsigned i = 0; i < info->ehdr->e_phnum; i++) {
		const Elf64_Phdr *ph = phdr(info, i);
		if (ph->p_type == PT_NOTE) {
			if (!in_image(info, ph->p_offset, ph->p_filesz) || ph->p_offset % 4)
				return fail(info, "a note segment lies outside the image");
			if (read_notes(info, ph, notes))
				return -EINVAL;
		}
		if (ph->p_type != PT_LOAD || !ph->p_memsz)
			continue;
		if (!in_image(info, ph->p_offset, ph->p_filesz) || ph->p_filesz > ph->p_memsz ||
		    ph->p_paddr + ph->p_memsz < ph->p_paddr)
			return fail(info, "a loadable segment lies outside the image or wraps");
		pstart = MIN(pstart, ph->p_paddr);
		pend = MAX(pend, ph->p_paddr + ph->p_memsz);
	}
	if (pstart == UNSET_ADDR)
		return fail(info, "no loadable segment");
	info->virt_kstart = pstart;
	info->virt_kend = pend;
	return 0;
}

/* Xen's rules (libelf's elf_xen_note_check and elf_xen_addr_calc_check). */
static int check_notes(struct xen_elf_info *info)
{
	if (strncmp(info->xen_version, "xen-3.0", 7))
		return fail(info, "XEN_VERSION note is not xen-3.0");
	if (strncmp(info->loader, "generic", 7) && strncmp(info->guest_os, "linux", 5))
		return fail(info, "LOADER note is not \"generic\"");
	if (info->paddr_offset != UNSET_ADDR && info->virt_base == UNSET_ADDR)
		return fail(info, "PADDR_OFFSET note without VIRT_BASE");
	if (info->virt_base == UNSET_ADDR)
		info->virt_base = 0;
	if (info->paddr_offset == UNSET_ADDR)
		info->paddr_offset = 0;
	info->virt_offset = info->virt_base - info->paddr_offset;
	info->virt_kstart += info->virt_offset;
	info->virt_kend += info->virt_offset;
	if (info->virt_entry == UNSET_ADDR)
		info->virt_entry = info->ehdr->e_entry;
	if (info->virt_kend < info->virt_kstart || info->virt_base > info->virt_kstart)
		return fail(info, "kernel addresses wrap or lie below VIRT_BASE");
	if (info->virt_entry < info->virt_kstart || info->virt_entry >= info->virt_kend)
		return fail(info, "entry point outside the kernel");
	if (info->virt_hypercall != UNSET_ADDR &&
	    (info->virt_hypercall % 4096 || info->virt_hypercall < info->virt_kstart ||
	     info->virt_hypercall >= info->virt_kend))
		return fail(info, "hypercall page outside the kernel or unaligned");
	return 0;
}

int xen_elf_parse(const void *image, size_t size, struct xen_elf_info *info)
{
	bool notes = false;

	*info = (struct xen_elf_info){
		.ehdr = image, .image = image, .size = size,
		.virt_base = UNSET_ADDR, .paddr_offset = UNSET_ADDR,
		.virt_entry = UNSET_ADDR, .virt_hypercall = UNSET_ADDR,
		.init_p2m = UNSET_ADDR,
	};
	if (check_header(info) || check_segments(info, &notes))
		return -EINVAL;
	if (!notes)
		return fail(info, "no Xen ELF notes: not a PV kernel");
	return check_notes(info);
}

const Elf64_Phdr *xen_elf_load_segment(const struct xen_elf_info *info, unsigned int i)
{
	for (unsigned k = 0; k < info->ehdr->e_phnum; k++) {
		const Elf64_Phdr *ph = phdr(info, k);
		if (ph->p_type == PT_LOAD && ph->p_memsz && i-- == 0)
			return ph;
	}
	return NULL;
}
