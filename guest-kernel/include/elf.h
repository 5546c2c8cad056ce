/* The parts of the ELF-64 format (System V gABI) that exec reads. */
#ifndef ELF_H
#define ELF_H

#include "types.h"

#define ELFMAG "\177ELF"
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define ET_EXEC 2
#define EM_X86_64 62
#define PT_LOAD 1
#define PF_W 2

/* Auxiliary-vector tags a static program may look for. */
#define AT_NULL 0
#define AT_PAGESZ 6
#define AT_ENTRY 9

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

#define EI_CLASS 4
#define EI_DATA 5

#endif
