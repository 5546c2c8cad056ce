/* Offsets into struct percpu used by the entry code (checked in percpu.c). */
#ifndef XENITH_ENTRY_OFFSETS_H
#define XENITH_ENTRY_OFFSETS_H
#define PCPU_FRAME_TOP   8
#define PCPU_SCRATCH_RSP 16
#endif
