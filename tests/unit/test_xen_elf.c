/* common/xen_elf.c, part 1: the ELF header and the program headers of an
 * untrusted PV kernel image. The notes are in test_xen_elf_notes.c. */
#include "elf_image.h"
#include "lib.h"
#include "support.h"

#define NOT_ELF         "not an ELF image"
#define NOT_X86_64      "not an x86-64 ELF executable"
#define BAD_PHDRS       "program headers outside the image"
#define BAD_LOAD        "a loadable segment lies outside the image or wraps"
#define BAD_NOTES       "a note segment lies outside the image"
#define NOTE_OVERRUN    "an ELF note runs past its segment"

static struct elf_image img;
static struct xen_elf_info info;

static void setup(void)
{
	image_build(&img, 0);
}

/* Where a program header returned by the parser sits in the image. */
static uint64_t phdr_offset(const Elf64_Phdr *ph)
{
	return (const uint8_t *)ph - info.image;
}

START_TEST(linux_style_kernel_parses)
{
	ck_assert_int_eq(image_parse(&img, &info), 0);
	ck_assert_ptr_null(info.error);
	ck_assert_uint_eq(info.size, IMAGE_SIZE);
	ck_assert_uint_eq(info.virt_base, VIRT_BASE);
	ck_assert_uint_eq(info.paddr_offset, 0);
	ck_assert_uint_eq(info.virt_offset, VIRT_BASE);
	ck_assert_uint_eq(info.virt_kstart, KERNEL_START);
	ck_assert_uint_eq(info.virt_kend, KERNEL_END);
	ck_assert_uint_eq(info.virt_entry, KERNEL_ENTRY);
	ck_assert_uint_eq(info.virt_hypercall, HYPERCALL_PAGE);
	ck_assert_uint_eq(info.init_p2m, UNSET_ADDR);
	ck_assert_str_eq(info.guest_os, "linux");
	ck_assert_str_eq(info.loader, "generic");
	ck_assert_str_eq(info.xen_version, "xen-3.0");
}
END_TEST

START_TEST(load_segments_skip_notes_and_empty_ones)
{
	*image_add_phdr(&img) = (Elf64_Phdr){ .p_type = PT_LOAD, .p_paddr = 0x5000000 };
	*image_add_phdr(&img) = (Elf64_Phdr){
		.p_type = PT_LOAD, .p_paddr = KERNEL_PADDR + KERNEL_MEMSZ, .p_memsz = 0x1000,
	};
	ck_assert_int_eq(image_parse(&img, &info), 0);
	ck_assert_uint_eq(phdr_offset(xen_elf_load_segment(&info, 0)), sizeof(Elf64_Ehdr));
	ck_assert_uint_eq(phdr_offset(xen_elf_load_segment(&info, 1)),
			  sizeof(Elf64_Ehdr) + 3 * sizeof(Elf64_Phdr));
	ck_assert_ptr_null(xen_elf_load_segment(&info, 2));
	ck_assert_uint_eq(info.virt_kend, KERNEL_END + 0x1000);
}
END_TEST

/* The kernel is everything from the lowest segment to the end of the
 * highest, whatever their order in the table. */
START_TEST(kernel_spans_every_load_segment)
{
	*image_add_phdr(&img) = (Elf64_Phdr){
		.p_type = PT_LOAD, .p_paddr = KERNEL_PADDR + 0x8000, .p_memsz = 0x800,
	};
	*image_add_phdr(&img) = (Elf64_Phdr){
		.p_type = PT_LOAD, .p_paddr = KERNEL_PADDR - 0x4000, .p_memsz = 0x1000,
	};
	ck_assert_int_eq(image_parse(&img, &info), 0);
	ck_assert_uint_eq(info.virt_kstart, KERNEL_START - 0x4000);
	ck_assert_uint_eq(info.virt_kend, KERNEL_START + 0x8800);
}
END_TEST

START_TEST(truncated_header)
{
	img.size = 0;
	ck_assert_rejected(&img, NOT_ELF);
	img.size = 4;
	ck_assert_rejected(&img, NOT_ELF);
	img.size = sizeof(Elf64_Ehdr) - 1;
	ck_assert_rejected(&img, NOT_ELF);
}
END_TEST

START_TEST(bad_magic)
{
	image_ehdr(&img)->e_ident[3] = 'f';
	ck_assert_rejected(&img, NOT_ELF);
}
END_TEST

START_TEST(elf32_class)
{
	image_ehdr(&img)->e_ident[4] = 1;
	ck_assert_rejected(&img, NOT_X86_64);
}
END_TEST

START_TEST(big_endian)
{
	image_ehdr(&img)->e_ident[5] = 2;
	ck_assert_rejected(&img, NOT_X86_64);
}
END_TEST

START_TEST(wrong_machine)
{
	image_ehdr(&img)->e_machine = 3;                /* EM_386 */
	ck_assert_rejected(&img, NOT_X86_64);
}
END_TEST

START_TEST(not_an_executable)
{
	image_ehdr(&img)->e_type = 3;                   /* ET_DYN */
	ck_assert_rejected(&img, NOT_X86_64);
	image_ehdr(&img)->e_type = 1;                   /* ET_REL */
	ck_assert_rejected(&img, NOT_X86_64);
}
END_TEST

/* 32-byte entries are ELF32's: read as ELF64 they would overlap. */
START_TEST(wrong_phdr_size)
{
	image_ehdr(&img)->e_phentsize = 32;
	ck_assert_rejected(&img, BAD_PHDRS);
}
END_TEST

START_TEST(no_phdrs)
{
	image_ehdr(&img)->e_phnum = 0;
	ck_assert_rejected(&img, BAD_PHDRS);
}
END_TEST

START_TEST(phdrs_past_the_end)
{
	image_ehdr(&img)->e_phoff = IMAGE_SIZE;
	ck_assert_rejected(&img, BAD_PHDRS);
	image_ehdr(&img)->e_phoff = IMAGE_SIZE - sizeof(Elf64_Phdr);
	ck_assert_rejected(&img, BAD_PHDRS);
}
END_TEST

/* The file ends one byte into the second program header. */
START_TEST(phdrs_cut_short)
{
	img.size = sizeof(Elf64_Ehdr) + 2 * sizeof(Elf64_Phdr) - 1;
	ck_assert_rejected(&img, BAD_PHDRS);
}
END_TEST

START_TEST(phdr_count_past_the_end)
{
	image_ehdr(&img)->e_phnum = 0xffff;
	ck_assert_rejected(&img, BAD_PHDRS);
}
END_TEST

/* An offset near 2^64 plus the table's size wraps to a small number. */
START_TEST(phdr_offset_wraps)
{
	image_ehdr(&img)->e_phoff = -(uint64_t)sizeof(Elf64_Phdr);
	ck_assert_rejected(&img, BAD_PHDRS);
}
END_TEST

START_TEST(phdrs_misaligned)
{
	memmove(img.bytes + 0x44, img.bytes + 0x40, 2 * sizeof(Elf64_Phdr));
	image_ehdr(&img)->e_phoff = 0x44;
	ck_assert_rejected(&img, BAD_PHDRS);
}
END_TEST

/* Headers complete, but the segment's bytes are not all there. */
START_TEST(image_cut_inside_the_segment)
{
	img.size = IMAGE_SIZE - 1;
	ck_assert_rejected(&img, BAD_LOAD);
}
END_TEST

START_TEST(load_offset_past_the_end)
{
	image_phdr(&img, 0)->p_offset = IMAGE_SIZE + 1;
	image_phdr(&img, 0)->p_filesz = 0;
	ck_assert_rejected(&img, BAD_LOAD);
}
END_TEST

START_TEST(load_offset_plus_size_wraps)
{
	image_phdr(&img, 0)->p_filesz = -TEXT_OFFSET;
	ck_assert_rejected(&img, BAD_LOAD);
	image_phdr(&img, 0)->p_offset = -(uint64_t)0x100;
	image_phdr(&img, 0)->p_filesz = 0x200;
	ck_assert_rejected(&img, BAD_LOAD);
}
END_TEST

START_TEST(filesz_above_memsz)
{
	image_phdr(&img, 0)->p_memsz = image_phdr(&img, 0)->p_filesz - 1;
	ck_assert_rejected(&img, BAD_LOAD);
}
END_TEST

/* A bss-only segment has no file bytes, wherever its offset says. */
START_TEST(bss_only_segment_at_the_end)
{
	image_phdr(&img, 0)->p_offset = IMAGE_SIZE;
	image_phdr(&img, 0)->p_filesz = 0;
	ck_assert_int_eq(image_parse(&img, &info), 0);
}
END_TEST

START_TEST(segment_addresses_wrap)
{
	image_phdr(&img, 0)->p_paddr = -(uint64_t)0x1000;
	ck_assert_rejected(&img, BAD_LOAD);
	image_phdr(&img, 0)->p_paddr = -KERNEL_MEMSZ;    /* ends at exactly 2^64 */
	ck_assert_rejected(&img, BAD_LOAD);
}
END_TEST

/* A broken segment is refused even when the kernel would not need it. */
START_TEST(bad_second_segment)
{
	*image_add_phdr(&img) = (Elf64_Phdr){
		.p_type = PT_LOAD, .p_paddr = KERNEL_PADDR + 0x4000, .p_memsz = 0x1000,
		.p_offset = TEXT_OFFSET, .p_filesz = IMAGE_SIZE,
	};
	ck_assert_rejected(&img, BAD_LOAD);
}
END_TEST

START_TEST(no_load_segment)
{
	image_phdr(&img, 0)->p_type = 0;                /* PT_NULL */
	ck_assert_rejected(&img, "no loadable segment");
}
END_TEST

START_TEST(only_empty_load_segment)
{
	image_phdr(&img, 0)->p_memsz = 0;
	image_phdr(&img, 0)->p_filesz = 0;
	ck_assert_rejected(&img, "no loadable segment");
}
END_TEST

START_TEST(note_segment_past_the_end)
{
	image_phdr(&img, 1)->p_offset = IMAGE_SIZE - 8;
	ck_assert_rejected(&img, BAD_NOTES);
	image_phdr(&img, 1)->p_offset = -(uint64_t)4;
	ck_assert_rejected(&img, BAD_NOTES);
}
END_TEST

START_TEST(note_segment_misaligned)
{
	memmove(img.bytes + NOTES_OFFSET + 2, img.bytes + NOTES_OFFSET, image_phdr(&img, 1)->p_filesz);
	image_phdr(&img, 1)->p_offset += 2;
	ck_assert_rejected(&img, BAD_NOTES);
}
END_TEST

/* The segment ends in the middle of the last note's descriptor. */
START_TEST(note_cut_by_its_segment)
{
	image_phdr(&img, 1)->p_filesz -= 4;
	ck_assert_rejected(&img, NOTE_OVERRUN);
}
END_TEST

START_TEST(note_descriptor_too_long)
{
	Elf64_Nhdr *n = image_note(&img, "Xen", XEN_ELFNOTE_INIT_P2M, "", 1);

	n->n_descsz = 0xffffffff;
	ck_assert_rejected(&img, NOTE_OVERRUN);
}
END_TEST

START_TEST(note_name_too_long)
{
	Elf64_Nhdr *n = image_note(&img, "Xen", XEN_ELFNOTE_INIT_P2M, "", 1);

	n->n_namesz = 0xfffffffd;
	ck_assert_rejected(&img, NOTE_OVERRUN);
}
END_TEST

/* Fewer bytes than a note header are padding, not a note. */
START_TEST(short_tail_of_note_segment_is_ignored)
{
	image_phdr(&img, 1)->p_filesz += sizeof(Elf64_Nhdr) - 4;
	ck_assert_int_eq(image_parse(&img, &info), 0);
}
END_TEST

static void add_header_tests(Suite *s)
{
	TCase *tc = tcase_create("header");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, linux_style_kernel_parses);
	tcase_add_test(tc, truncated_header);
	tcase_add_test(tc, bad_magic);
	tcase_add_test(tc, elf32_class);
	tcase_add_test(tc, big_endian);
	tcase_add_test(tc, wrong_machine);
	tcase_add_test(tc, not_an_executable);
	tcase_add_test(tc, wrong_phdr_size);
	tcase_add_test(tc, no_phdrs);
	tcase_add_test(tc, phdrs_past_the_end);
	tcase_add_test(tc, phdrs_cut_short);
	tcase_add_test(tc, phdr_count_past_the_end);
	tcase_add_test(tc, phdr_offset_wraps);
	tcase_add_test(tc, phdrs_misaligned);
	suite_add_tcase(s, tc);
}

static void add_segment_tests(Suite *s)
{
	TCase *tc = tcase_create("segments");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, load_segments_skip_notes_and_empty_ones);
	tcase_add_test(tc, kernel_spans_every_load_segment);
	tcase_add_test(tc, image_cut_inside_the_segment);
	tcase_add_test(tc, load_offset_past_the_end);
	tcase_add_test(tc, load_offset_plus_size_wraps);
	tcase_add_test(tc, filesz_above_memsz);
	tcase_add_test(tc, bss_only_segment_at_the_end);
	tcase_add_test(tc, segment_addresses_wrap);
	tcase_add_test(tc, bad_second_segment);
	tcase_add_test(tc, no_load_segment);
	tcase_add_test(tc, only_empty_load_segment);
	tcase_add_test(tc, note_segment_past_the_end);
	tcase_add_test(tc, note_segment_misaligned);
	tcase_add_test(tc, note_cut_by_its_segment);
	tcase_add_test(tc, note_descriptor_too_long);
	tcase_add_test(tc, note_name_too_long);
	tcase_add_test(tc, short_tail_of_note_segment_is_ignored);
	suite_add_tcase(s, tc);
}

Suite *unit_suite(void)
{
	Suite *s = suite_create("xen_elf");

	add_header_tests(s);
	add_segment_tests(s);
	return s;
}
