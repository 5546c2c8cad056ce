/* Domains and their virtual CPUs. */
#ifndef XENITH_DOMAIN_H
#define XENITH_DOMAIN_H

#include "lib.h"
#include "spinlock.h"
#include <xen/xen.h>
#include <xen/event_channel.h>
#include <xen/grant_table.h>
#include <xen/vcpu.h>

/* Domain 0 and 127 domUs: as many 16 MiB domUs as 2 GiB holds and more
 * (make bench counts them); each id costs its tables here statically. */
#define MAX_DOMAINS      128
#define MAX_VCPUS        8
#define NR_EVTCHN_PORTS  1024        /* per domain; Xen's 2-level ABI allows 4096 */
#define MAX_POLL_PORTS   128         /* Xen's limit for SCHEDOP_poll */

/* Xen's event-channel states (EVTCHNSTAT_*) are the status values. */
struct evtchn {
	uint8_t state;               /* EVTCHNSTAT_closed, _virq, ... */
	uint8_t virq;
	uint16_t notify_vcpu;
	domid_t remote_dom;          /* unbound: who may bind; interdomain: peer */
	uint16_t remote_port;        /* interdomain: the peer's port */
};

/* Grant tables v1 (hypercalls/grant_table.c). */
#define GNT_MAX_FRAMES   4           /* 2048 grant references a domain */
#define GNT_MAX_MAPS     1024        /* grant mappings a domain holds */

struct grant_mapping {
	bool used;
	bool readonly;
	domid_t granter;
	grant_ref_t ref;
	unsigned long mfn;
	uint64_t host_addr;
};

struct vcpu {
	struct domain *domain;
	unsigned int vcpu_id;
	unsigned int processor;

	/* PV guest state beyond the general registers. */
	bool kernel_mode;
	unsigned long guest_table;       /* mfn of the kernel L4 */
	unsigned long guest_table_user;  /* mfn of the user L4, 0 if none */
	unsigned long kernel_ss, kernel_sp;
	unsigned long fs_base, gs_base_kernel, gs_base_user;
	bool fpu_ts;                     /* the guest's virtual CR0.TS */
	unsigned int iopl;               /* virtual IOPL (PHYSDEVOP_set_iopl) */
	unsigned long gdt_frames[FIRST_RESERVED_GDT_PAGE];   /* each holds a seg_desc type ref */
	unsigned int gdt_nr_frames;
	struct trap_info trap_ctxt[256];
	unsigned long event_callback, failsafe_callback, syscall_callback;
	bool syscall_masks_events, failsafe_masks_events;

	struct vcpu_info *vcpu_info;
	uint64_t timer_deadline;         /* system time in ns; 0 when unset */
	uint16_t virq_to_port[NR_VIRQS];

	/* Scheduling (sched/schedule.c): the registers live here while the
	 * vCPU is not running, and in its CPU's stack frame while it is. */
	struct cpu_user_regs regs;
	bool initialised;                /* has a context (builder or VCPUOP_initialise) */
	bool online;                     /* up: may run */
	bool blocked;                    /* waits for an event (block, poll) */
	uint64_t slice_end;
	uint64_t vruntime;               /* run time scaled by 256 / weight */
	uint64_t run_start;              /* when it was last charged */
	uint64_t cpu_time;               /* ns it has run, for getdomaininfo */
	struct vcpu_runstate_info runstate;    /* Xen's accounting of its states */
	unsigned long runstate_guest;    /* where the guest wants a copy; 0: nowhere */
	uint64_t period_start, period_used;   /* for the domain's cap */
	uint64_t poll_deadline;          /* 0: none */
	unsigned int poll_nr;            /* ports of an ongoing SCHEDOP_poll */
	evtchn_port_t poll_ports[MAX_POLL_PORTS];

	/* Lazily switched FPU/SSE state (fxsave format). */
	uint8_t fpu[512] __attribute__((aligned(16)));
	bool fpu_initialised;
};

struct domain {
	domid_t domain_id;
	bool in_use;
	bool dying;                      /* destroyed; frames others map remain */
	unsigned long orphans;           /* how many of them */
	bool is_privileged;
	spinlock_t lock;

	struct shared_info *shared_info;
	unsigned long shared_info_mfn;
	unsigned long tot_pages, max_pages;

	unsigned int max_vcpus;
	struct vcpu *vcpu[MAX_VCPUS];
	unsigned int pause_count;        /* runs only at 0 */
	uint16_t weight;                 /* share of a CPU against others, Xen's credit */
	uint16_t cap;                    /* at most this % of a CPU per vCPU; 0: none */

	unsigned long gnt_frames[GNT_MAX_FRAMES];      /* its shared grant entries */
	unsigned int gnt_nr_frames;
	uint16_t gnt_pins[GNT_MAX_FRAMES * 512];        /* peers' mappings per ref */
	struct grant_mapping maptrack[GNT_MAX_MAPS];   /* its mappings of peers' grants */
	bool is_shut_down;
	unsigned int shutdown_reason;
	struct evtchn evtchn[NR_EVTCHN_PORTS];
};

struct domain *domain_create(domid_t id, bool privileged, unsigned int max_vcpus);
domid_t domain_free_id(void);
void domain_pause(struct domain *d);
void domain_unpause(struct domain *d);
void domain_destroy(struct domain *d);
/* Drops the vCPU's references to its GDT frames (set_gdt, destruction). */
void vcpu_release_gdt(struct vcpu *v);

/* vCPU id of d, or NULL past its max_vcpus. */
static inline struct vcpu *domain_vcpu(struct domain *d, uint32_t id)
{
	return id < d->max_vcpus ? d->vcpu[id] : NULL;
}

/* Grant tables (hypercalls/grant_table.c). */
int grant_table_init(struct domain *d);
void grant_table_release(struct domain *d);
struct domain *domain_by_id(domid_t id);          /* NULL if dying */
struct domain *domain_by_id_any(domid_t id);
void domain_gone(struct domain *d);
void domain_shutdown(struct domain *d, unsigned int reason);
void __noreturn domain_crash(struct domain *d, const char *why);

static inline bool vcpu_events_pending(const struct vcpu *v)
{
	return v->vcpu_info->evtchn_upcall_pending && !v->vcpu_info->evtchn_upcall_mask;
}

#endif
