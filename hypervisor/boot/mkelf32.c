/*
 * mkelf32 IMAGE64 IMAGE32 VIRT_OFFSET
 *
 * QEMU's -kernel and GRUB's multiboot loader take only 32-bit ELF images,
 * while the hypervisor is linked as ELF64 at a high address. This wraps
 * the single loadable segment of the ELF64 image in an ELF32 one whose
 * addresses are machine addresses (link address minus VIRT_OFFSET), as
 * Xen's own mkelf32 does.
 */
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *what, const char *path)
{
	fprintf(stderr, "mkelf32: %s: %s\n", path, what);
	exit(1);
}

static unsigned char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die(strerror(errno), path);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	unsigned char *buf = malloc(*len);
	if (!buf || fread(buf, 1, *len, f) != *len)
		die("cannot read", path);
	fclose(f);
	return buf;
}

static const Elf64_Phdr *only_load_segment(const unsigned char *img, size_t len,
					   const char *path)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)img;
	const Elf64_Phdr *load = NULL;

	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_machine != EM_X86_64)
		die("not an x86-64 ELF64 image", path);
	if (eh->e_phoff + (size_t)eh->e_phnum * sizeof(Elf64_Phdr) > len)
		die("program headers run past the end", path);
	for (unsigned i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *ph = (const Elf64_Phdr *)(img + eh->e_phoff) + i;
		if (ph->p_type != PT_LOAD)
			continue;
		if (load)
			die("more than one loadable segment", path);
		load = ph;
	}
	if (!load || load->p_offset + load->p_filesz > len)
		die("no loadable segment inside the file", path);
	return load;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: mkelf32 IMAGE64 IMAGE32 VIRT_OFFSET\n");
		return 2;
	}
	size_t len;
	unsigned char *img = read_file(argv[1], &len);
	unsigned long long offset = strtoull(argv[3], NULL, 0);
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)img;
	const Elf64_Phdr *seg = only_load_segment(img, len, argv[1]);

	Elf32_Ehdr out = {
		.e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS32,
			     ELFDATA2LSB, EV_CURRENT },
		.e_type = ET_EXEC, .e_machine = EM_386, .e_version = EV_CURRENT,
		.e_entry = (Elf32_Addr)(eh->e_entry - offset),
		.e_phoff = sizeof(Elf32_Ehdr), .e_ehsize = sizeof(Elf32_Ehdr),
		.e_phentsize = sizeof(Elf32_Phdr), .e_phnum = 1,
	};
	Elf32_Phdr ph = {
		.p_type = PT_LOAD, .p_offset = 4096,
		.p_vaddr = (Elf32_Addr)(seg->p_vaddr - offset),
		.p_paddr = (Elf32_Addr)(seg->p_vaddr - offset),
		.p_filesz = (Elf32_Word)seg->p_filesz,
		.p_memsz = (Elf32_Word)seg->p_memsz,
		.p_flags = PF_R | PF_W | PF_X, .p_align = 4096,
	};
	if (seg->p_vaddr - offset + seg->p_memsz > 0xffffffffULL)
		die("image does not fit below 4 GiB", argv[1]);

	FILE *f = fopen(argv[2], "wb");
	if (!f)
		die(strerror(errno), argv[2]);
	static const unsigned char pad[4096];
	size_t hdrs = sizeof(out) + sizeof(ph);
	if (fwrite(&out, sizeof(out), 1, f) != 1 || fwrite(&ph, sizeof(ph), 1, f) != 1 ||
	    fwrite(pad, 4096 - hdrs, 1, f) != 1 ||
	    fwrite(img + seg->p_offset, seg->p_filesz, 1, f) != 1 || fclose(f))
		die("cannot write", argv[2]);
	free(img);
	return 0;
}
