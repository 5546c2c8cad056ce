/*
 * The guest-facing ABI: one do_<family>() per Xen public header, each of
 * which checks every guest-supplied value before the core sees it.
 */
#ifndef XENITH_HYPERCALLS_H
#define XENITH_HYPERCALLS_H

#include "domain.h"
#include "errno.h"
#include "guest_access.h"
#include <xen/xen.h>

typedef long (*hypercall_fn)(unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long, unsigned long);

long hypercall_dispatch(unsigned long nr, const unsigned long args[6]);

long do_set_trap_table(unsigned long traps);
long do_stack_switch(unsigned long ss, unsigned long sp);
long do_set_callbacks(unsigned long event, unsigned long failsafe, unsigned long syscall);
long do_fpu_taskswitch(unsigned long set);
long do_memory_op(unsigned long cmd, unsigned long arg);
long do_multicall(unsigned long calls, unsigned long nr_calls);
long do_update_va_mapping(unsigned long va, unsigned long val, unsigned long flags);
long do_set_timer_op(unsigned long timeout);
long do_xen_version(unsigned long cmd, unsigned long arg);
long do_console_io(unsigned long cmd, unsigned long count, unsigned long buffer);
long do_iret(void);
long do_vcpu_op(unsigned long cmd, unsigned long vcpuid, unsigned long arg);
long do_set_segment_base(unsigned long which, unsigned long base);
long do_mmuext_op(unsigned long ops, unsigned long count, unsigned long pdone,
		  unsigned long foreigndom);
long do_sched_op(unsigned long cmd, unsigned long arg);
long do_callback_op(unsigned long cmd, unsigned long arg);
long do_event_channel_op(unsigned long cmd, unsigned long arg);
long do_physdev_op(unsigned long cmd, unsigned long arg);
long do_set_gdt(unsigned long frame_list, unsigned long entries);
long do_update_descriptor(unsigned long maddr, unsigned long desc);
bool guest_gdt_descriptor(const struct vcpu *v, unsigned int sel, uint64_t *desc);

/* A hypercall that returns -ERESTART has updated its argument registers
 * and is re-executed from where it stopped (table.c). */
bool hypercall_preempt_check(void);

/* The batch shape shared by mmu_update and mmuext_op (mmu.c). */
typedef long (*batch_entry_fn)(struct vcpu *v, domid_t pg_owner, const void *entry);
long run_batch(unsigned long list, unsigned long count, unsigned long pdone,
	       size_t size, domid_t pg_owner, batch_entry_fn one);
long resolve_pg_owner(const struct domain *d, unsigned long foreigndom, domid_t *pg_owner);
/* A frame that is not a page table is written as data, as Xen does: under
 * a writable type reference, or the error of taking one (mmu.c). */
long write_data_entry(unsigned long maddr, uint64_t val, domid_t owner);
long do_domctl(unsigned long arg);
long do_vm_assist(unsigned long cmd, unsigned long type);
long do_event_channel_op_compat(unsigned long arg);
long do_physdev_op_compat(unsigned long arg);
long do_sched_op_compat(unsigned long cmd, unsigned long arg);
long do_sysctl(unsigned long arg);
struct xen_domctl_getdomaininfo;
void fill_domain_info(const struct domain *d, struct xen_domctl_getdomaininfo *info);
long do_grant_table_op(unsigned long cmd, unsigned long uop, unsigned long count);
struct xen_domctl_vcpucontext;
long set_vcpu_context(struct domain *d, struct xen_domctl_vcpucontext *vc);
long load_vcpu_context(struct vcpu *v, unsigned long guest_ctx);
long do_update_va_mapping_otherdomain(unsigned long va, unsigned long val,
				      unsigned long flags, unsigned long domid);
long do_mmu_update(unsigned long ureqs, unsigned long count, unsigned long pdone,
		   unsigned long foreigndom);

#endif
