/*
 * The image runs at KERNBASE + LOAD_ADDR and loads at LOAD_ADDR. One
 * loadable segment, laid out in the file as in memory, because head.S's
 * multiboot header has the loader copy it as a flat image; the kernel's
 * own page tables make its text and read-only data read-only.
 */
#include "layout.h"

OUTPUT_FORMAT("elf64-x86-64")
ENTRY(_start)

PHDRS
{
	image PT_LOAD FLAGS(7);
}

SECTIONS
{
	. = KERNBASE + LOAD_ADDR;
	__image_start = .;
	.text : AT(ADDR(.text) - KERNBASE) {
		*(.multiboot) *(.text.head) *(.text .text.*) *(.fixup)
	} :image
	.rodata : AT(ADDR(.rodata) - KERNBASE) { *(.rodata .rodata.*) } :image
	.extable : AT(ADDR(.extable) - KERNBASE) {
		__extable_start = .;
		*(.extable)
		__extable_end = .;
	} :image
	. = ALIGN(4096);
	__rodata_end = .;

	.data : AT(ADDR(.data) - KERNBASE) { *(.data .data.*) } :image
	__load_end = .;
	.bss : AT(ADDR(.bss) - KERNBASE) { *(.bss .bss.*) *(COMMON) } :image
	. = ALIGN(4096);
	__image_end = .;

	/DISCARD/ : { *(.comment) *(.eh_frame) *(.note.GNU-stack) *(.note.gnu.property) }
}
