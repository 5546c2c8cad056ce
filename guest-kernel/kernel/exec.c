/*
 * exec of a static ELF-64 x86-64 executable held in the RAM filesystem:
 * every PT_LOAD segment is copied into fresh pages of a new address space,
 * then the stack is built (its pages made as it is written). Every field
 * of the file is checked against its size before it is used, since the
 * file came from outside the kernel.
 */
#include "arch.h"
#include "elf.h"
#include "errno.h"
#include "exec.h"
#include "lib.h"
#include "mm.h"
#include "page_alloc.h"
#include "ramfs.h"

static bool header_ok(const struct rnode *f)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)f->data;

	return f->size >= sizeof(*eh) && !memcmp(eh->e_ident, ELFMAG, 4) &&
	       eh->e_ident[EI_CLASS] == ELFCLASS64 && eh->e_ident[EI_DATA] == ELFDATA2LSB &&
	       eh->e_type == ET_EXEC && eh->e_machine == EM_X86_64 &&
	       eh->e_phentsize == sizeof(Elf64_Phdr) && eh->e_phoff < f->size &&
	       eh->e_phnum <= (f->size - eh->e_phoff) / sizeof(Elf64_Phdr);
}

static bool segment_ok(const struct rnode *f, const Elf64_Phdr *ph)
{
	return ph->p_filesz <= ph->p_memsz && ph->p_offset <= f->size &&
	       ph->p_filesz <= f->size - ph->p_offset && ph->p_vaddr >= USER_MIN &&
	       ph->p_vaddr < USER_HEAP_MAX && ph->p_memsz <= USER_HEAP_MAX - ph->p_vaddr;
}

/*
 * The page for va. Only a segment's first and last pages can be shared
 * with another segment; a shared page stays writable if either wants it.
 */
static void *segment_page(struct mm *mm, uintptr_t va, unsigned prot, bool edge, int *rc)
{
	phys_addr_t pa = edge ? arch_lookup_page(&mm->as, va, NULL) : 0;
	void *page = pa ? phys_to_virt(pa) : page_alloc_zeroed();

	*rc = 0;
	if (!page) {
		*rc = -ENOMEM;
		return NULL;
	}
	if (!pa || (prot & PROT_WRITE))
		*rc = arch_map_page(&mm->as, va, virt_to_phys(page), prot);
	if (*rc && !pa)
		page_free(page);
	return *rc ? NULL : page;
}

static int load_segment(struct mm *mm, const struct rnode *f, const Elf64_Phdr *ph)
{
	uintptr_t start = ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE);
	uintptr_t end = ALIGN_UP(ph->p_vaddr + ph->p_memsz, PAGE_SIZE);
	uintptr_t file_end = ph->p_vaddr + ph->p_filesz;
	unsigned prot = ph->p_flags & PF_W ? PROT_WRITE : 0;
	int rc;

	for (uintptr_t va = start; va < end; va += PAGE_SIZE) {
		bool edge = va == start || va + PAGE_SIZE == end;
		char *page = segment_page(mm, va, prot, edge, &rc);
		uintptr_t from = MAX(va, ph->p_vaddr), to = MIN(va + PAGE_SIZE, file_end);

		if (!page)
			return rc;
		if (from < to)
			memcpy(page + (from - va), f->data + ph->p_offset + (from - ph->p_vaddr),
			       to - from);
	}
	return 0;
}

static int load_segments(struct mm *mm, const struct rnode *f, uintptr_t *end)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)f->data;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(f->data + eh->e_phoff);
	int rc;

	*end = 0;
	for (unsigned i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (!segment_ok(f, &ph[i]))
			return -ENOEXEC;
		rc = load_segment(mm, f, &ph[i]);
		if (rc)
			return rc;
		*end = MAX(*end, ph[i].p_vaddr + ph[i].p_memsz);
	}
	return *end ? 0 : -ENOEXEC;
}

/* Like Linux for root: a file needs an execute bit for anyone. */
int exec_load(struct rnode *f, const struct exec_args *args, struct exec_image *image)
{
	uintptr_t end;
	struct mm *mm;
	int rc;

	if (!S_ISREG(f->mode) || !(f->mode & 0111))
		return -EACCES;
	if (!header_ok(f))
		return -ENOEXEC;
	mm = mm_create();
	if (!mm)
		return -ENOMEM;
	image->entry = ((const Elf64_Ehdr *)f->data)->e_entry;
	rc = load_segments(mm, f, &end);
	if (!rc)
		rc = exec_build_stack(mm, args, image->entry, &image->sp);
	if (rc) {
		mm_destroy(mm);
		return rc;
	}
	mm->brk_start = mm->brk = ALIGN_UP(end, PAGE_SIZE);
	arch_aspace_commit(&mm->as);
	image->mm = mm;
	return 0;
}
