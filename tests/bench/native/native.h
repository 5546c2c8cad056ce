/* What the native bench kernel's files provide one another. */
#ifndef NATIVE_H
#define NATIVE_H

#include "../common/bench.h"

/* isa-debug-exit: QEMU exits with status 2 * code + 1. */
#define EXIT_DONE 0
#define EXIT_FATAL 0x7f

void serial_init(void);
void gdt_load_tss(void);
void idt_init(void);
void syscall_init(void);
void print_cpu_model(void);
void __attribute__((noreturn)) debug_exit(unsigned int code);

/* user_roundtrip.S */
void user_roundtrip(void);
extern const char syscall_entry[];

extern const struct bench_op native_ops[];
extern const unsigned long native_n_ops;

#endif
