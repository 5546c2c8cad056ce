/* Interrupt vectors beyond the exceptions, and the system call's pseudo vector. */
#ifndef VECTORS_H
#define VECTORS_H

/* The first vector above the 32 the CPU reserves. */
#define VECTOR_TIMER 0x20
/* The local APIC's spurious vector: the low four bits must be set. */
#define VECTOR_SPURIOUS 0xff
/* Not a real vector: marks a struct uregs built by syscall_entry. */
#define VECTOR_SYSCALL 256

#endif
