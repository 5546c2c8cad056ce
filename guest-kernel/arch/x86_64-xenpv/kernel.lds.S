/*
 * The image runs at KERNBASE and loads at 0: Xen places it at VIRT_BASE +
 * p_paddr, so the first page of text is pseudo-physical page 0.
 */
#include "layout.h"

OUTPUT_FORMAT("elf64-x86-64")
ENTRY(_start)

PHDRS
{
	text PT_LOAD FLAGS(5);
	data PT_LOAD FLAGS(6);
	note PT_NOTE FLAGS(4);
}

SECTIONS
{
	. = KERNBASE;
	.text : AT(ADDR(.text) - KERNBASE) { *(.text.head) *(.text .text.*) *(.fixup) } :text
	.note : AT(ADDR(.note) - KERNBASE) { *(.note.Xen) } :text :note
	.rodata : AT(ADDR(.rodata) - KERNBASE) { *(.rodata .rodata.*) } :text
	.extable : AT(ADDR(.extable) - KERNBASE) {
		__extable_start = .;
		*(.extable)
		__extable_end = .;
	} :text
	. = ALIGN(4096);
	__rodata_end = .;

	.data : AT(ADDR(.data) - KERNBASE) { *(.data .data.*) } :data
	.bss : AT(ADDR(.bss) - KERNBASE) { *(.bss .bss.*) *(COMMON) } :data
	. = ALIGN(4096);
	__image_end = .;

	/DISCARD/ : { *(.comment) *(.eh_frame) *(.note.GNU-stack) *(.note.gnu.property) }
}
