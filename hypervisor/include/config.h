/* Fixed facts about the hypervisor's address space and limits. */
#ifndef XENITH_CONFIG_H
#define XENITH_CONFIG_H

/* The image is linked here (as Xen's is) and loaded at PHYS_START. The
 * first GiB of machine memory is mapped at XEN_VIRT_START, so an image
 * address minus XEN_VIRT_START is its machine address. */
#define XEN_VIRT_START      0xffff82d040000000
#define PHYS_START          0x200000

/* Every machine frame, mapped writable for ring 0 only (L4 slot 262). */
#define DIRECTMAP_VIRT_START 0xffff830000000000
#define DIRECTMAP_SIZE      (16UL << 30)

#define NR_CPUS             8
#define STACK_ORDER         2
#define STACK_SIZE          (4096UL << STACK_ORDER)

/* The top of each CPU's stack holds its guest's registers (a struct
 * cpu_user_regs and the four selector slots after it); C code runs below. */
#define GUEST_FRAME_RESERVE 256

#define PAGE_SHIFT          12
#define PAGE_SIZE           (1UL << PAGE_SHIFT)

/* L4 slots 256..271 belong to the hypervisor in every address space. */
#define HV_FIRST_L4_SLOT    256
#define HV_LAST_L4_SLOT     271

/* Hypervisor selectors, laid out around Xen's flat ring-3 ones so that
 * SYSRET (CS = STAR[63:48] + 16, SS = STAR[63:48] + 8) lands on them. */
#define HYPERVISOR_CS       0xe008
#define HYPERVISOR_DS       0xe010
#define TSS_SELECTOR        0xe040

/* The Xen release whose ABI Xenith speaks (xen_version, CPUID leaf 1). */
#define XEN_MAJOR           4
#define XEN_MINOR           17

#endif
