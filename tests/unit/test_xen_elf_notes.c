/* common/xen_elf.c, part 2: the Xen ELF notes of a PV kernel and the
 * address rules Xen's libelf applies to them (elf_xen_note_check and
 * elf_xen_addr_calc_check). */
#include "elf_image.h"
#include "lib.h"
#include "support.h"

#define NO_XEN_NOTES    "no Xen ELF notes: not a PV kernel"
#define BAD_VERSION     "XEN_VERSION note is not xen-3.0"
#define BAD_LOADER      "LOADER note is not \"generic\""
#define BAD_RANGE       "kernel addresses wrap or lie below VIRT_BASE"
#define BAD_ENTRY       "entry point outside the kernel"
#define BAD_HYPERCALL   "hypercall page outside the kernel or unaligned"

#define ADDRESS_NOTES   (NOTE(XEN_ELFNOTE_VIRT_BASE) | NOTE(XEN_ELFNOTE_PADDR_OFFSET) | \
			 NOTE(XEN_ELFNOTE_ENTRY) | NOTE(XEN_ELFNOTE_HYPERCALL_PAGE))

static struct elf_image img;
static struct xen_elf_info info;

static void parses(void)
{
	ck_assert_int_eq(image_parse(&img, &info), 0);
}

/* The standard image, with ENTRY (or HYPERCALL_PAGE) at another address. */
static void with_note(uint32_t type, uint64_t value)
{
	image_build(&img, NOTE(type));
	image_note_u64(&img, type, value);
}

/* Addresses placed by VIRT_BASE and PADDR_OFFSET alone. */
static void with_base(uint64_t virt_base, uint64_t paddr_offset)
{
	image_build(&img, ADDRESS_NOTES);
	image_note_u64(&img, XEN_ELFNOTE_VIRT_BASE, virt_base);
	image_note_u64(&img, XEN_ELFNOTE_PADDR_OFFSET, paddr_offset);
	image_ehdr(&img)->e_entry = KERNEL_PADDR + virt_base - paddr_offset;
}

/* As Xen's libelf: an offset with no base to apply it to is an error. */
START_TEST(paddr_offset_without_virt_base)
{
	image_build(&img, ADDRESS_NOTES);
	image_note_u64(&img, XEN_ELFNOTE_PADDR_OFFSET, 0);
	ck_assert_rejected(&img, "PADDR_OFFSET note without VIRT_BASE");
}
END_TEST

START_TEST(other_owners_notes_are_ignored)
{
	image_build(&img, 0);
	image_note(&img, "GNU", XEN_ELFNOTE_ENTRY, "\1\2\3\4\5\6\7\10", 8);
	image_note(&img, "Xen2", XEN_ELFNOTE_XEN_VERSION, "xen-2.0", 8);
	parses();
	ck_assert_uint_eq(info.virt_entry, KERNEL_ENTRY);
	ck_assert_str_eq(info.xen_version, "xen-3.0");
}
END_TEST

START_TEST(no_xen_notes)
{
	image_build(&img, 0);
	image_phdr(&img, 1)->p_filesz = 0;
	image_note(&img, "GNU", XEN_ELFNOTE_XEN_VERSION, "xen-3.0", 8);
	ck_assert_rejected(&img, NO_XEN_NOTES);
}
END_TEST

START_TEST(no_note_segment)
{
	image_build(&img, 0);
	image_ehdr(&img)->e_phnum = 1;
	ck_assert_rejected(&img, NO_XEN_NOTES);
}
END_TEST

START_TEST(missing_xen_version)
{
	image_build(&img, NOTE(XEN_ELFNOTE_XEN_VERSION));
	ck_assert_rejected(&img, BAD_VERSION);
}
END_TEST

START_TEST(wrong_xen_version)
{
	static const char *const bad[] = { "", "xen-2.0", "xen-3", "Xen-3.0", "xen-4.17" };

	for (unsigned i = 0; i < ARRAY_SIZE(bad); i++) {
		image_build(&img, NOTE(XEN_ELFNOTE_XEN_VERSION));
		image_note_str(&img, XEN_ELFNOTE_XEN_VERSION, bad[i]);
		ck_assert_rejected(&img, BAD_VERSION);
	}
}
END_TEST

/* Only the first seven characters count, as in Xen. */
START_TEST(xen_version_with_suffix)
{
	image_build(&img, NOTE(XEN_ELFNOTE_XEN_VERSION));
	image_note_str(&img, XEN_ELFNOTE_XEN_VERSION, "xen-3.0-x86_64");
	parses();
}
END_TEST

/* A string descriptor without its NUL ends where the descriptor does. */
START_TEST(string_without_nul)
{
	image_build(&img, NOTE(XEN_ELFNOTE_XEN_VERSION));
	image_note(&img, "Xen", XEN_ELFNOTE_XEN_VERSION, "xen-3.0garbage", 7);
	parses();
	ck_assert_str_eq(info.xen_version, "xen-3.0");
}
END_TEST

START_TEST(long_string_is_cut_to_fit)
{
	const char *name = "a-guest-os-name-longer-than-the-field-holds";

	image_build(&img, NOTE(XEN_ELFNOTE_GUEST_OS));
	image_note_str(&img, XEN_ELFNOTE_GUEST_OS, name);
	parses();
	ck_assert_uint_eq(strlen(info.guest_os), sizeof(info.guest_os) - 1);
	ck_assert_int_eq(strncmp(info.guest_os, name, sizeof(info.guest_os) - 1), 0);
}
END_TEST

/* Xen loads a "generic" kernel, or a "linux" one without a LOADER. */
START_TEST(generic_loader_any_os)
{
	image_build(&img, NOTE(XEN_ELFNOTE_GUEST_OS));
	image_note_str(&img, XEN_ELFNOTE_GUEST_OS, "Mini-OS");
	parses();
}
END_TEST

START_TEST(linux_without_loader)
{
	image_build(&img, NOTE(XEN_ELFNOTE_LOADER));
	parses();
	ck_assert_str_eq(info.loader, "");
}
END_TEST

/* Xen compares only the prefixes: "linux-2.6" is a linux kernel. */
START_TEST(linux_prefix_without_loader)
{
	image_build(&img, NOTE(XEN_ELFNOTE_LOADER) | NOTE(XEN_ELFNOTE_GUEST_OS));
	image_note_str(&img, XEN_ELFNOTE_GUEST_OS, "linux-2.6");
	parses();
}
END_TEST

START_TEST(other_loader_and_os)
{
	image_build(&img, NOTE(XEN_ELFNOTE_LOADER) | NOTE(XEN_ELFNOTE_GUEST_OS));
	image_note_str(&img, XEN_ELFNOTE_LOADER, "bsdboot");
	image_note_str(&img, XEN_ELFNOTE_GUEST_OS, "NetBSD");
	ck_assert_rejected(&img, BAD_LOADER);
}
END_TEST

START_TEST(no_loader_and_no_os)
{
	image_build(&img, NOTE(XEN_ELFNOTE_LOADER) | NOTE(XEN_ELFNOTE_GUEST_OS));
	ck_assert_rejected(&img, BAD_LOADER);
}
END_TEST

/* Numbers may be 4 bytes wide; longer ones use their first 8. */
START_TEST(narrow_and_wide_numbers)
{
	uint32_t narrow = 0x2000;
	uint64_t wide[2] = { 0x40000000, 0xdeadbeef };

	image_build(&img, 0);
	image_note(&img, "Xen", XEN_ELFNOTE_INIT_P2M, &narrow, sizeof(narrow));
	image_note(&img, "Xen", XEN_ELFNOTE_MOD_START_PFN, wide, sizeof(wide));
	parses();
	ck_assert_uint_eq(info.init_p2m, 0x2000);
	ck_assert(info.mod_start_pfn);
}
END_TEST

START_TEST(entry_defaults_to_e_entry)
{
	image_build(&img, NOTE(XEN_ELFNOTE_ENTRY));
	image_ehdr(&img)->e_entry = KERNEL_START + 0x100;
	parses();
	ck_assert_uint_eq(info.virt_entry, KERNEL_START + 0x100);
}
END_TEST

START_TEST(e_entry_outside_the_kernel)
{
	image_build(&img, NOTE(XEN_ELFNOTE_ENTRY));
	image_ehdr(&img)->e_entry = KERNEL_PADDR;
	ck_assert_rejected(&img, BAD_ENTRY);
}
END_TEST

START_TEST(entry_at_either_end_of_the_kernel)
{
	with_note(XEN_ELFNOTE_ENTRY, KERNEL_START);
	parses();
	with_note(XEN_ELFNOTE_ENTRY, KERNEL_END - 1);
	parses();
}
END_TEST

START_TEST(entry_just_outside_the_kernel)
{
	with_note(XEN_ELFNOTE_ENTRY, KERNEL_START - 1);
	ck_assert_rejected(&img, BAD_ENTRY);
	with_note(XEN_ELFNOTE_ENTRY, KERNEL_END);
	ck_assert_rejected(&img, BAD_ENTRY);
	with_note(XEN_ELFNOTE_ENTRY, 0);
	ck_assert_rejected(&img, BAD_ENTRY);
}
END_TEST

START_TEST(no_hypercall_page)
{
	image_build(&img, NOTE(XEN_ELFNOTE_HYPERCALL_PAGE));
	parses();
	ck_assert_uint_eq(info.virt_hypercall, UNSET_ADDR);
}
END_TEST

/* The builder writes a whole page of stubs there. */
START_TEST(unaligned_hypercall_page)
{
	with_note(XEN_ELFNOTE_HYPERCALL_PAGE, HYPERCALL_PAGE + 8);
	ck_assert_rejected(&img, BAD_HYPERCALL);
	with_note(XEN_ELFNOTE_HYPERCALL_PAGE, HYPERCALL_PAGE - 0x800);
	ck_assert_rejected(&img, BAD_HYPERCALL);
}
END_TEST

START_TEST(hypercall_page_outside_the_kernel)
{
	with_note(XEN_ELFNOTE_HYPERCALL_PAGE, KERNEL_END);
	ck_assert_rejected(&img, BAD_HYPERCALL);
	with_note(XEN_ELFNOTE_HYPERCALL_PAGE, KERNEL_START - 0x1000);
	ck_assert_rejected(&img, BAD_HYPERCALL);
	with_note(XEN_ELFNOTE_HYPERCALL_PAGE, 0);
	ck_assert_rejected(&img, BAD_HYPERCALL);
}
END_TEST

START_TEST(hypercall_page_first_and_last_kernel_page)
{
	with_note(XEN_ELFNOTE_HYPERCALL_PAGE, KERNEL_START);
	parses();
	with_note(XEN_ELFNOTE_HYPERCALL_PAGE, KERNEL_END - 0x1000);
	parses();
}
END_TEST

/* Without VIRT_BASE and PADDR_OFFSET the paddrs are the addresses. */
START_TEST(addresses_default_to_paddr)
{
	image_build(&img, ADDRESS_NOTES);
	image_ehdr(&img)->e_entry = KERNEL_PADDR;
	parses();
	ck_assert_uint_eq(info.virt_base, 0);
	ck_assert_uint_eq(info.paddr_offset, 0);
	ck_assert_uint_eq(info.virt_kstart, KERNEL_PADDR);
	ck_assert_uint_eq(info.virt_kend, KERNEL_PADDR + KERNEL_MEMSZ);
}
END_TEST

/* Old kernels put __PAGE_OFFSET into paddr and said so in PADDR_OFFSET. */
START_TEST(paddr_offset_shifts_the_kernel)
{
	with_base(VIRT_BASE, 0x800000);
	parses();
	ck_assert_uint_eq(info.virt_offset, VIRT_BASE - 0x800000);
	ck_assert_uint_eq(info.virt_kstart, KERNEL_START - 0x800000);
	ck_assert_uint_eq(info.virt_kend, KERNEL_END - 0x800000);
}
END_TEST

START_TEST(virt_base_at_the_kernel_start)
{
	with_base(KERNEL_START, KERNEL_PADDR);
	parses();
	ck_assert_uint_eq(info.virt_kstart, KERNEL_START);
}
END_TEST

/* The builder maps pfn 0 at VIRT_BASE: the kernel cannot lie below it. */
START_TEST(virt_base_above_the_kernel)
{
	with_base(KERNEL_START + 0x1000, KERNEL_PADDR + 0x1000);
	image_ehdr(&img)->e_entry = KERNEL_START;
	ck_assert_rejected(&img, BAD_RANGE);
}
END_TEST

/* VIRT_BASE + paddr passes 2^64: the kernel would start at 0. */
START_TEST(kernel_start_wraps)
{
	with_base(-KERNEL_PADDR, 0);
	ck_assert_rejected(&img, BAD_RANGE);
}
END_TEST

/* Only the end passes 2^64: kend would sit below kstart. */
START_TEST(kernel_end_wraps)
{
	with_base(-KERNEL_PADDR - 0x1000, 0);
	ck_assert_rejected(&img, BAD_RANGE);
}
END_TEST

static void add_note_tests(Suite *s)
{
	TCase *tc = tcase_create("notes");

	tcase_add_test(tc, other_owners_notes_are_ignored);
	tcase_add_test(tc, no_xen_notes);
	tcase_add_test(tc, no_note_segment);
	tcase_add_test(tc, missing_xen_version);
	tcase_add_test(tc, wrong_xen_version);
	tcase_add_test(tc, xen_version_with_suffix);
	tcase_add_test(tc, string_without_nul);
	tcase_add_test(tc, long_string_is_cut_to_fit);
	tcase_add_test(tc, generic_loader_any_os);
	tcase_add_test(tc, linux_without_loader);
	tcase_add_test(tc, linux_prefix_without_loader);
	tcase_add_test(tc, paddr_offset_without_virt_base);
	tcase_add_test(tc, other_loader_and_os);
	tcase_add_test(tc, no_loader_and_no_os);
	tcase_add_test(tc, narrow_and_wide_numbers);
	suite_add_tcase(s, tc);
}

static void add_address_tests(Suite *s)
{
	TCase *tc = tcase_create("addresses");

	tcase_add_test(tc, entry_defaults_to_e_entry);
	tcase_add_test(tc, e_entry_outside_the_kernel);
	tcase_add_test(tc, entry_at_either_end_of_the_kernel);
	tcase_add_test(tc, entry_just_outside_the_kernel);
	tcase_add_test(tc, no_hypercall_page);
	tcase_add_test(tc, unaligned_hypercall_page);
	tcase_add_test(tc, hypercall_page_outside_the_kernel);
	tcase_add_test(tc, hypercall_page_first_and_last_kernel_page);
	tcase_add_test(tc, addresses_default_to_paddr);
	tcase_add_test(tc, paddr_offset_shifts_the_kernel);
	tcase_add_test(tc, virt_base_at_the_kernel_start);
	tcase_add_test(tc, virt_base_above_the_kernel);
	tcase_add_test(tc, kernel_start_wraps);
	tcase_add_test(tc, kernel_end_wraps);
	suite_add_tcase(s, tc);
}

Suite *unit_suite(void)
{
	Suite *s = suite_create("xen_elf_notes");

	add_note_tests(s);
	add_address_tests(s);
	return s;
}
