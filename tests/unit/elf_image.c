/* Builds the xen_elf tests' kernel images; see elf_image.h. */
#include "elf_image.h"
#include "errno.h"
#include "lib.h"
#include "support.h"
#include <sys/mman.h>

#define NT_GNU_BUILD_ID 3

static void build_header(struct elf_image *img)
{
	*image_ehdr(img) = (Elf64_Ehdr){
		.e_ident = { 0x7f, 'E', 'L', 'F', ELFCLASS64, ELFDATA2LSB, 1 },
		.e_type = ET_EXEC, .e_machine = EM_X86_64, .e_version = 1,
		.e_entry = KERNEL_ENTRY, .e_phoff = sizeof(Elf64_Ehdr),
		.e_ehsize = sizeof(Elf64_Ehdr), .e_phentsize = sizeof(Elf64_Phdr),
	};
}

static void build_segments(struct elf_image *img)
{
	*image_add_phdr(img) = (Elf64_Phdr){
		.p_type = PT_LOAD, .p_flags = 7, .p_offset = TEXT_OFFSET,
		.p_vaddr = KERNEL_START, .p_paddr = KERNEL_PADDR,
		.p_filesz = IMAGE_SIZE - TEXT_OFFSET, .p_memsz = KERNEL_MEMSZ,
		.p_align = 4096,
	};
	*image_add_phdr(img) = (Elf64_Phdr){
		.p_type = PT_NOTE, .p_offset = NOTES_OFFSET, .p_align = 4,
	};
}

static void build_notes(struct elf_image *img, uint32_t omit)
{
	static const uint8_t build_id[20] = { 0xb1, 0x1d };

	image_note(img, "GNU", NT_GNU_BUILD_ID, build_id, sizeof(build_id));
	if (!(omit & NOTE(XEN_ELFNOTE_GUEST_OS)))
		image_note_str(img, XEN_ELFNOTE_GUEST_OS, "linux");
	if (!(omit & NOTE(XEN_ELFNOTE_XEN_VERSION)))
		image_note_str(img, XEN_ELFNOTE_XEN_VERSION, "xen-3.0");
	if (!(omit & NOTE(XEN_ELFNOTE_LOADER)))
		image_note_str(img, XEN_ELFNOTE_LOADER, "generic");
	if (!(omit & NOTE(XEN_ELFNOTE_VIRT_BASE)))
		image_note_u64(img, XEN_ELFNOTE_VIRT_BASE, VIRT_BASE);
	if (!(omit & NOTE(XEN_ELFNOTE_PADDR_OFFSET)))
		image_note_u64(img, XEN_ELFNOTE_PADDR_OFFSET, 0);
	if (!(omit & NOTE(XEN_ELFNOTE_ENTRY)))
		image_note_u64(img, XEN_ELFNOTE_ENTRY, KERNEL_ENTRY);
	if (!(omit & NOTE(XEN_ELFNOTE_HYPERCALL_PAGE)))
		image_note_u64(img, XEN_ELFNOTE_HYPERCALL_PAGE, HYPERCALL_PAGE);
	image_note_str(img, XEN_ELFNOTE_FEATURES, "!writable_page_tables");
}

void image_build(struct elf_image *img, uint32_t omit)
{
	memset(img, 0, sizeof(*img));
	img->size = IMAGE_SIZE;
	build_header(img);
	build_segments(img);
	build_notes(img, omit);
}

Elf64_Phdr *image_add_phdr(struct elf_image *img)
{
	Elf64_Ehdr *eh = image_ehdr(img);

	ck_assert_uint_lt(eh->e_phnum, MAX_PHDRS);
	return image_phdr(img, eh->e_phnum++);
}

Elf64_Nhdr *image_note(struct elf_image *img, const char *name, uint32_t type,
		       const void *desc, uint32_t len)
{
	Elf64_Phdr *seg = image_phdr(img, 1);
	uint32_t namesz = strlen(name) + 1;
	uint64_t off = seg->p_offset + seg->p_filesz;
	uint64_t desc_off = off + sizeof(Elf64_Nhdr) + ROUNDUP(namesz, 4);
	uint64_t next = desc_off + ROUNDUP(len, 4);

	ck_assert_uint_le(next, TEXT_OFFSET);
	Elf64_Nhdr *n = (Elf64_Nhdr *)(img->bytes + off);
	*n = (Elf64_Nhdr){ .n_namesz = namesz, .n_descsz = len, .n_type = type };
	memcpy(n + 1, name, namesz);
	memcpy(img->bytes + desc_off, desc, len);
	seg->p_filesz = next - seg->p_offset;
	return n;
}

void image_note_u64(struct elf_image *img, uint32_t type, uint64_t value)
{
	image_note(img, "Xen", type, &value, sizeof(value));
}

void image_note_str(struct elf_image *img, uint32_t type, const char *s)
{
	image_note(img, "Xen", type, s, strlen(s) + 1);
}

int image_parse(const struct elf_image *img, struct xen_elf_info *info)
{
	static uint8_t *area;
	const size_t len = IMAGE_SIZE + 4096;

	if (!area) {
		area = mmap(NULL, len + 4096, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		ck_assert_ptr_ne(area, MAP_FAILED);
		ck_assert_int_eq(mprotect(area + len, 4096, PROT_NONE), 0);
	}
	ck_assert_uint_le(img->size, IMAGE_SIZE);
	uint8_t *copy = area + len - img->size;
	memcpy(copy, img->bytes, img->size);
	return xen_elf_parse(copy, img->size, info);
}

void ck_assert_rejected(const struct elf_image *img, const char *why)
{
	struct xen_elf_info info;

	ck_assert_int_eq(image_parse(img, &info), -EINVAL);
	ck_assert_str_eq(info.error, why);
}
