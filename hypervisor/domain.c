/* Creating domains, and what happens when one shuts down or crashes. */
#include "arch.h"
#include "domain.h"
#include "machine.h"
#include "frames.h"
#include "event.h"
#include "mm.h"
#include "page_type.h"
#include "pv_mmu.h"
#include "sched.h"
#include "time.h"
#include "x86.h"
#include <xen/sched.h>

static struct domain domains[MAX_DOMAINS];
static struct vcpu vcpus[MAX_DOMAINS][MAX_VCPUS];
static spinlock_t domains_lock;

static const char *const shutdown_names[] = {
	[SHUTDOWN_poweroff] = "poweroff", [SHUTDOWN_reboot] = "reboot",
	[SHUTDOWN_suspend] = "suspend", [SHUTDOWN_crash] = "crash",
	[SHUTDOWN_watchdog] = "watchdog", [SHUTDOWN_soft_reset] = "soft_reset",
};

struct domain *domain_by_id(domid_t id)
{
	return id < MAX_DOMAINS && domains[id].in_use && !domains[id].dying ? &domains[id] : NULL;
}

/* Room for n more vCPUs on the CPUs, which only domain creation fills
 * (under domains_lock): a toolstack asking for more gets -ENOMEM. */
static bool vcpu_room(unsigned n)
{
	unsigned room = 0;

	for (unsigned cpu = 0; cpu < nr_cpus_online; cpu++)
		room += PERCPU_MAX_VCPUS - percpu_of(cpu)->nr_vcpus;
	return room >= n;
}

/* By domain and number, past CPUs that are full (vcpu_room() said one is not). */
static unsigned vcpu_cpu(domid_t domid, unsigned id)
{
	unsigned cpu = (domid + id) % nr_cpus_online;

	while (percpu_of(cpu)->nr_vcpus == PERCPU_MAX_VCPUS)
		cpu = (cpu + 1) % nr_cpus_online;
	return cpu;
}

/* vCPUs are spread over the CPUs by domain and number, and stay there. */
static void vcpu_init(struct domain *d, unsigned id)
{
	struct vcpu *v = &vcpus[d->domain_id][id];

	memset(v, 0, sizeof(*v));
	v->domain = d;
	v->vcpu_id = id;
	v->processor = vcpu_cpu(d->domain_id, id);
	v->kernel_mode = true;
	v->vcpu_info = &d->shared_info->vcpu_info[id];
	v->runstate.state = RUNSTATE_offline;
	v->runstate.state_entry_time = now_ns();
	d->vcpu[id] = v;
	sched_add_vcpu(v);
}

/* Every legacy vcpu_info starts with events masked, as Xen leaves them. */
struct domain *domain_create(domid_t id, bool privileged, unsigned int max_vcpus)
{
	BUG_ON(id >= MAX_DOMAINS || max_vcpus > MAX_VCPUS || max_vcpus > XEN_LEGACY_MAX_VCPUS);
	spin_lock(&domains_lock);
	struct domain *d = &domains[id];
	BUG_ON(d->in_use);
	long mfn = vcpu_room(max_vcpus) ? alloc_frame(id) : -1;
	if (mfn < 0) {
		spin_unlock(&domains_lock);
		return NULL;
	}
	memset(d, 0, sizeof(*d));
	d->in_use = true;
	d->domain_id = id;
	d->is_privileged = privileged;
	d->max_vcpus = max_vcpus;
	d->weight = SCHED_DEFAULT_WEIGHT;
	d->shared_info_mfn = mfn;
	d->shared_info = mfn_to_virt(mfn);
	mfn_to_page(mfn)->flags |= PGF_xen_shared;
	for (unsigned i = 0; i < XEN_LEGACY_MAX_VCPUS; i++)
		d->shared_info->vcpu_info[i].evtchn_upcall_mask = 1;
	wallclock_publish(d->shared_info);
	for (unsigned i = 0; i < max_vcpus; i++)
		vcpu_init(d, i);
	spin_unlock(&domains_lock);
	if (grant_table_init(d))
		warn("domain %u: no frame for its grant table", id);
	return d;
}

/* VIRQ_DOM_EXC tells domain 0's toolstack that a domain shut down or is
 * gone, as on Xen. */
static void notify_toolstack(void)
{
	struct domain *dom0 = domain_by_id(0);

	if (dom0)
		send_guest_vcpu_virq(dom0->vcpu[0], VIRQ_DOM_EXC);
}

/* Domain 0 is the machine's owner: when it goes, the machine goes, and
 * QEMU's exit status carries the reason. */
/* Domain 0 is the machine's owner: when it goes, the machine goes, and
 * QEMU's exit status carries the reason. Any other domain stops running
 * and waits for the toolstack. */
void domain_shutdown(struct domain *d, unsigned int reason)
{
	printk("domain %u shut down: %s", d->domain_id,
	       reason < ARRAY_SIZE(shutdown_names) ? shutdown_names[reason] : "?");
	if (d->domain_id == 0)
		machine_exit(reason);
	d->is_shut_down = true;
	d->shutdown_reason = reason;
	sched_yield_current();
	notify_toolstack();
}

/* Whatever the crashed vCPU was doing is abandoned: the stack is reset and
 * the exit path schedules another vCPU. */
void domain_crash(struct domain *d, const char *why)
{
	struct cpu_user_regs *r = guest_regs();

	warn("domain %u crashed: %s (rip %016lx rsp %016lx)", d->domain_id, why, r->rip, r->rsp);
	domain_shutdown(d, SHUTDOWN_crash);
	return_to_guest();
}

bool domain_is_privileged(domid_t id)
{
	struct domain *d = domain_by_id(id);
	return d && d->is_privileged;
}

/* Nothing of the domain runs once this returns: its vCPUs on other CPUs
 * are made to leave the guest (an IPI), and waited for. */
void domain_pause(struct domain *d)
{
	__atomic_add_fetch(&d->pause_count, 1, __ATOMIC_SEQ_CST);
	for (unsigned i = 0; i < d->max_vcpus; i++) {
		struct vcpu *v = d->vcpu[i];
		struct percpu *p = percpu_of(v->processor);
		if (p == this_cpu())
			continue;
		apic_send_ipi(p->apic_id, EVENT_CHECK_VECTOR);
		while (__atomic_load_n(&p->curr, __ATOMIC_SEQ_CST) == v) {
			tlb_flush_service();
			cpu_relax();
		}
	}
}

void domain_unpause(struct domain *d)
{
	if (__atomic_sub_fetch(&d->pause_count, 1, __ATOMIC_SEQ_CST))
		return;
	for (unsigned i = 0; i < d->max_vcpus; i++)
		vcpu_wake(d->vcpu[i]);
}

/* The next free id after the last one handed out, as Xen's rover does,
 * so that a destroyed domain's id is not reused at once; 0 (domain 0's)
 * if every id is taken. */
domid_t domain_free_id(void)
{
	static domid_t last;

	for (unsigned n = 1; n < MAX_DOMAINS; n++) {
		domid_t id = (last + n) % MAX_DOMAINS;
		if (id && !domains[id].in_use)
			return last = id;
	}
	return 0;
}

void vcpu_release_gdt(struct vcpu *v)
{
	for (unsigned i = 0; i < v->gdt_nr_frames; i++)
		put_page_and_type(v->gdt_frames[i]);
	v->gdt_nr_frames = 0;
}

static void vcpu_release(struct vcpu *v)
{
	sched_remove_vcpu(v);
	if (v->guest_table)
		put_page_and_type(v->guest_table);
	if (v->guest_table_user)
		put_page_and_type(v->guest_table_user);
	vcpu_release_gdt(v);
}

/* Everything the domain held goes back: vCPUs, their base pointers and
 * GDTs, event channels, and (domain_release_frames) its memory. */
void domain_destroy(struct domain *d)
{
	domain_pause(d);
	grant_table_release(d);
	spin_lock(&mm_lock);
	for (unsigned i = 0; i < d->max_vcpus; i++)
		vcpu_release(d->vcpu[i]);
	spin_lock(&event_lock);
	for (unsigned port = 1; port < NR_EVTCHN_PORTS; port++)
		if (d->evtchn[port].state != EVTCHNSTAT_closed)
			evtchn_free_port(d, port);
	spin_unlock(&event_lock);
	d->dying = true;
	d->tot_pages = d->orphans = domain_release_frames(d->domain_id);
	/* As Xen's domain_kill(): the toolstack hears of a dying domain at
	 * once, so that its daemons let go of the frames they still map. */
	if (!d->orphans)
		domain_gone(d);
	else
		notify_toolstack();
	spin_unlock(&mm_lock);
}

/* The end of a destroyed domain: its id may be used again. Until then a
 * dying domain is found only by domain_by_id_any(), as getdomaininfo
 * reports it on Xen. Called with mm_lock held. */
void domain_gone(struct domain *d)
{
	printk("domain %u destroyed", d->domain_id);
	spin_lock(&domains_lock);
	d->in_use = false;
	d->shared_info = NULL;
	spin_unlock(&domains_lock);
	notify_toolstack();
}

struct domain *domain_by_id_any(domid_t id)
{
	return id < MAX_DOMAINS && domains[id].in_use ? &domains[id] : NULL;
}
