/* What the native bench kernel's files provide one another. */
#ifndef NATIVE_H
#define NATIVE_H

#include <stdint.h>
#include "../common/bench.h"

/* isa-debug-exit: QEMU exits with status 2 * code + 1. */
#define EXIT_DONE 0
#define EXIT_FATAL 0x7f

void serial_init(void);
void gdt_load_tss(void);
void idt_init(void);
void syscall_init(void);
void print_cpu_model(void);
void mmu_init(void);
void __attribute__((noreturn)) debug_exit(unsigned int code);

/* boot.S: the page tables, identity-mapping the first GiB in 2 MiB pages */
extern uint64_t pml4[512], pd[512];

/* user_roundtrip.S */
void user_roundtrip(void);
extern const char syscall_entry[];

/* The rows of ops.c, those of mmu.c, then the interdomain rows (ops.c), n/a here. */
extern const struct bench_op native_ops[], native_mmu_ops[], native_domu_ops[];

#endif
