/*
 * What the generic kernel asks of a port. Each port (arch/<port>/)
 * implements every function here and provides "arch_defs.h" with the
 * address-space constants, phys_to_virt()/virt_to_phys(), struct uregs and
 * struct arch_aspace / struct arch_context. Generic code never tests which
 * port it is built for.
 *
 * Concurrency: one CPU. The kernel runs with interrupts (on Xen: event
 * upcalls) off; they are on only in user mode and inside arch_idle().
 */
#ifndef ARCH_H
#define ARCH_H

#include "arch_defs.h"
#include "uapi/mman.h"
#include "types.h"

struct kernel_sigaction;
struct kernel_siginfo;
struct proc;

/* The stack the port starts the kernel on (KSTACK_SIZE bytes): the idle
 * thread's from then on. */
extern char boot_stack[];

/* Console: writes never fail; polling never blocks and returns a count. */
void arch_console_write(const char *s, size_t n);
size_t arch_console_poll(char *buf, size_t n);

/* Monotonic nanoseconds since boot; the time of day in nanoseconds since
 * 1970; calls tick() every period_ns. */
uint64_t arch_clock_ns(void);
uint64_t arch_realtime_ns(void);
void arch_timer_start(uint64_t period_ns, void (*tick)(void));

/* Waits for an interrupt with interrupts on; returns with them off. */
void arch_idle(void);

/* Devices only this port has (Xen's privcmd in domain 0), up to an entry
 * without a name. */
struct device;
const struct device *arch_devices(void);

void __attribute__((noreturn)) arch_poweroff(void);
void __attribute__((noreturn)) arch_reboot(void);
void __attribute__((noreturn)) arch_crash(void);

/*
 * User address spaces. Mappings may be queued: they are in force after
 * arch_aspace_commit(), which generic code calls before the pages are
 * used through their user addresses.
 */
int arch_aspace_init(struct arch_aspace *as);
/* Frees the tables and drops every page mapped (page_put); the space must
 * not be loaded. */
void arch_aspace_destroy(struct arch_aspace *as);
/*
 * A mapping's protection: mmap(2)'s PROT_WRITE (a page is always readable
 * and executable), or PROT_COW for a private page that fork shares
 * read-only and the first write copies (mm_fault). The port keeps
 * PROT_COW in its entry, outside the bits the hardware reads, and
 * PROT_FOREIGN likewise for a page that is not this kernel's (another
 * domain's, mapped through privcmd): it is never freed, shared or copied.
 */
#define PROT_COW 0x100
#define PROT_FOREIGN 0x200
int arch_map_page(struct arch_aspace *as, uintptr_t va, phys_addr_t pa, unsigned prot);
/* Changes a mapping that may be in force: the TLB forgets the old one by
 * arch_aspace_commit(). */
int arch_remap_page(struct arch_aspace *as, uintptr_t va, phys_addr_t pa, unsigned prot);
/* Returns the page mapped at va and unmaps it, or 0 if none was (or it was
 * foreign). The page may be reached through va until arch_aspace_commit():
 * free it after.
 * *next is the next address that may be mapped (past a missing table). */
phys_addr_t arch_unmap_page(struct arch_aspace *as, uintptr_t va, uintptr_t *next);
/* Returns the page mapped at va and, if prot is not NULL, its protection;
 * or 0 if there is none, or it is foreign. */
phys_addr_t arch_lookup_page(struct arch_aspace *as, uintptr_t va, unsigned *prot);
/* Calls fn for each mapped user page but foreign ones, in address order,
 * until it returns nonzero. */
int arch_for_each_page(struct arch_aspace *as,
		       int (*fn)(void *ctx, uintptr_t va, phys_addr_t pa, unsigned prot),
		       void *ctx);
void arch_aspace_commit(struct arch_aspace *as);
/* For exec: as is the address space in force from now on, and the one it
 * replaces is loaded nowhere (so that it may be destroyed). */
void arch_aspace_load(struct arch_aspace *as);

/*
 * Copies between kernel and the current process's user memory; a bad
 * user address gives -EFAULT instead of a kernel fault.
 */
int copy_from_user(void *dst, const void *user_src, size_t n);
int copy_to_user(void *user_dst, const void *src, size_t n);

/*
 * Processes. A new process first runs proc_first_run() (sched.c) on its
 * kernel stack, which then leaves for user mode with arch_enter_user().
 */
void arch_context_init(struct proc *p, void (*first)(void));
/* The same for a child of the current process, which inherits its FPU state. */
void arch_context_fork(struct proc *child, void (*first)(void));
/* For exec: the current process p's FPU state starts afresh, as
 * arch_context_init() makes it. */
void arch_context_exec(struct proc *p);
void arch_switch_to(struct proc *prev, struct proc *next);
void arch_uregs_init(struct uregs *r, uintptr_t entry, uintptr_t user_sp);
void __attribute__((noreturn)) arch_enter_user(struct uregs *r);

/*
 * Signal handlers (Linux's frame for the port's ABI). arch_signal_frame()
 * saves the current process's user registers r, its FPU state and mask
 * (the blocked signals to restore) in a frame on its user stack, and sets
 * r to enter act's handler with info; -EFAULT, r unchanged, if the frame
 * cannot be written or act cannot be entered. arch_signal_return() takes
 * them back from the frame at the user stack (rt_sigreturn), which user
 * mode may have changed: -EFAULT, r unchanged, if it cannot be read or
 * holds what user mode may not set.
 */
int arch_signal_frame(struct uregs *r, const struct kernel_sigaction *act,
		      const struct kernel_siginfo *info, uint64_t mask);
int arch_signal_return(struct uregs *r, uint64_t *mask);

#endif
