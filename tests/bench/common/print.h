/* Output helpers over bench_write(); the native kernel has no other printer. */
#ifndef BENCH_PRINT_H
#define BENCH_PRINT_H

void print_str(const char *s);
void print_dec(unsigned long v);
void print_hex(unsigned long v);

#endif
