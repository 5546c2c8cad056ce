/* What the files of the native port share among themselves. */
#ifndef NATIVE_H
#define NATIVE_H

#include "arch.h"
#include "boot.h"

#define PTE_PWT 0x8UL
#define PTE_PCD 0x10UL
#define PTE_GLOBAL 0x100UL
#define KERNEL_RW (PTE_PRESENT | PTE_RW | PTE_ACCESSED | PTE_DIRTY | PTE_GLOBAL)
#define KERNEL_RO (PTE_PRESENT | PTE_ACCESSED | PTE_GLOBAL)

/* Usable RAM in whole pages, from the boot loader (multiboot.c). */
struct mem_range {
	phys_addr_t start, end;
};
#define MEM_RANGES_MAX 32
extern struct mem_range mem_ranges[];
extern unsigned nr_mem_ranges;
void multiboot_read(uint32_t magic, uint32_t info, struct boot_info *bi);

/* Memory (boot_mm.c, kernel_tables.c). */
extern struct arch_aspace kernel_as;
void boot_mm_init(const struct boot_info *bi);
phys_addr_t table_page(void);
void kernel_tables_build(void);
volatile void *kernel_map_mmio(phys_addr_t pa);

/* The CPU (cpu_setup.c, gdt.c, idt.c). */
void cpu_setup(void);
void gdt_init(void);
void idt_init(void);
void tss_set_kernel_stack(uintptr_t top);

/* Devices and time (serial.c, lapic.c, pit.c, rtc.c, time.c). */
void serial_init(void);
void lapic_init(void);
uint32_t lapic_timer_count(void);
void lapic_timer_periodic(uint32_t count);
void lapic_eoi(void);
void pit_oneshot_start(unsigned us);
bool pit_oneshot_done(void);
uint64_t rtc_seconds(void);
void clock_init(void);
void timer_interrupt(void);

#endif
