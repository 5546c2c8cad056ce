#include "elf.h"
#include "pagetable.h"
#include "xg_env.h"

#define PT_LOAD 1
#define PT_NOTE 4
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define EM_X86_64 62

#define ALIGN4(n) (((uint64_t)(n) + 3) & ~3UL)

/* What the notes say beyond struct pv_image, for the checks libelf makes. */
struct notes {
	bool xen_3, generic_loader, linux_os, has_entry;
	uint64_t paddr_offset;
};

/* Numeric notes are 1, 2, 4 or 8 bytes, little-endian (elf_note_numeric). */
static uint64_t note_number(const uint8_t *desc, uint32_t size)
{
	uint64_t v = 0;

	if (size == 1 || size == 2 || size == 4 || size == 8)
		memcpy(&v, desc, size);
	return v;
}

static bool note_string_is(const uint8_t *desc, uint32_t size, const char *s)
{
	size_t n = strlen(s);

	return size >= n && !strncmp((const char *)desc, s, n);
}

static void take_note(struct pv_image *img, struct notes *notes, uint32_t type,
		      const uint8_t *desc, uint32_t size)
{
	switch (type) {
	case XEN_ELFNOTE_ENTRY:
		img->entry = note_number(desc, size);
		notes->has_entry = true;
		break;
	case XEN_ELFNOTE_HYPERCALL_PAGE:
		img->hypercall_page = note_number(desc, size);
		img->has_hypercall_page = true;
		break;
	case XEN_ELFNOTE_VIRT_BASE:
		img->virt_base = note_number(desc, size);
		break;
	case XEN_ELFNOTE_PADDR_OFFSET:
		notes->paddr_offset = note_number(desc, size);
		break;
	case XEN_ELFNOTE_XEN_VERSION:
		notes->xen_3 = note_string_is(desc, size, "xen-3.0");
		break;
	case XEN_ELFNOTE_LOADER:
		notes->generic_loader = note_string_is(desc, size, "generic");
		break;
	case XEN_ELFNOTE_GUEST_OS:
		notes->linux_os = note_string_is(desc, size, "linux");
		break;
	}
}

static long parse_notes(struct pv_image *img, struct notes *notes,
			const Elf64_Phdr *ph)
{
	const uint8_t *p = img->data + ph->p_offset, *end = p + ph->p_filesz;

	while ((size_t)(end - p) >= sizeof(Elf64_Nhdr)) {
		const Elf64_Nhdr *n = (const Elf64_Nhdr *)p;
		const uint8_t *name = p + sizeof(*n);
		const uint8_t *desc = name + ALIGN4(n->n_namesz);

		if (ALIGN4(n->n_namesz) > (uint64_t)(end - name) ||
		    ALIGN4(n->n_descsz) > (uint64_t)(end - desc))
			return -XEN_EINVAL;
		if (n->n_namesz == 4 && !strncmp((const char *)name, "Xen", 4))
			take_note(img, notes, n->n_type, desc, n->n_descsz);
		p = desc + ALIGN4(n->n_descsz);
	}
	return 0;
}

static bool header_ok(const struct pv_image *img)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)img->data;

	return img->len >= sizeof(*eh) && !strncmp((const char *)eh->e_ident, "\177ELF", 4) &&
	       eh->e_ident[4] == ELFCLASS64 && eh->e_ident[5] == ELFDATA2LSB &&
	       eh->e_machine == EM_X86_64 && eh->e_phentsize == sizeof(Elf64_Phdr) &&
	       eh->e_phoff <= img->len &&
	       eh->e_phnum <= (img->len - eh->e_phoff) / sizeof(Elf64_Phdr);
}

/* Segments lie in the file; returns the loadable span of p_paddr. */
static long scan_segments(struct pv_image *img, struct notes *notes,
			  uint64_t *pstart, uint64_t *pend)
{
	unsigned int i;
	long rc;

	*pstart = ~0UL;
	*pend = 0;
	for (i = 0; i < img->phnum; i++) {
		const Elf64_Phdr *ph = &img->phdrs[i];

		if (ph->p_offset > img->len || ph->p_filesz > img->len - ph->p_offset)
			return -XEN_EINVAL;
		if (ph->p_type == PT_NOTE && (rc = parse_notes(img, notes, ph)))
			return rc;
		if (ph->p_type != PT_LOAD)
			continue;
		if (ph->p_filesz > ph->p_memsz)
			return -XEN_EINVAL;
		if (ph->p_paddr < *pstart)
			*pstart = ph->p_paddr;
		if (ph->p_paddr + ph->p_memsz > *pend)
			*pend = ph->p_paddr + ph->p_memsz;
	}
	return *pstart < *pend ? 0 : -XEN_EINVAL;
}

/*
 * With notes, libelf takes a missing PADDR_OFFSET as 0 and a missing
 * VIRT_BASE as 0; the image then lands at p_paddr + VIRT_BASE - PADDR_OFFSET.
 */
long pv_image_parse(struct pv_image *img, const void *data, size_t len)
{
	const Elf64_Ehdr *eh = data;
	struct notes notes = { 0 };
	uint64_t pstart, pend;
	long rc;

	*img = (struct pv_image){ .data = data, .len = len };
	if (!header_ok(img))
		return -XEN_EINVAL;
	img->phdrs = (const Elf64_Phdr *)(img->data + eh->e_phoff);
	img->phnum = eh->e_phnum;
	if ((rc = scan_segments(img, &notes, &pstart, &pend)))
		return rc;
	/* elf_xen_note_check and elf_xen_addr_calc_check. */
	if (!notes.xen_3 || !(notes.generic_loader || notes.linux_os))
		return -XEN_EINVAL;
	img->virt_offset = img->virt_base - notes.paddr_offset;
	img->kstart = pstart + img->virt_offset;
	img->kend = pend + img->virt_offset;
	if (!notes.has_entry)
		img->entry = eh->e_entry;
	if ((img->kstart & (PAGE_SIZE - 1)) || img->virt_base > img->kstart ||
	    img->entry < img->kstart || img->entry > img->kend)
		return -XEN_EINVAL;
	if (img->has_hypercall_page &&
	    (img->hypercall_page < img->kstart || img->hypercall_page >= img->kend))
		return -XEN_EINVAL;
	return 0;
}

void pv_image_page(const struct pv_image *img, uint64_t va, void *page)
{
	unsigned int i;

	memset(page, 0, PAGE_SIZE);
	for (i = 0; i < img->phnum; i++) {
		const Elf64_Phdr *ph = &img->phdrs[i];
		uint64_t seg = ph->p_paddr + img->virt_offset;
		uint64_t lo = va > seg ? va : seg;
		uint64_t hi = va + PAGE_SIZE < seg + ph->p_filesz ? va + PAGE_SIZE
								 : seg + ph->p_filesz;

		if (ph->p_type == PT_LOAD && lo < hi)
			memcpy((uint8_t *)page + (lo - va),
			       img->data + ph->p_offset + (lo - seg), hi - lo);
	}
}
