#include "events.h"
#include "hypercall.h"
#include "pagetable.h"
#include "test.h"

extern char shared_info_page[];
void event_callback(void), failsafe_callback(void), syscall_callback(void);

shared_info_t *const shared_info = (shared_info_t *)shared_info_page;

static event_handler_t handlers[EVTCHN_2L_NR_CHANNELS];

#define BITS_PER_WORD (8 * sizeof(xen_ulong_t))

/*
 * start_info gives shared_info's machine address only; it is mapped over a
 * page of our own image, as XTF and Mini-OS do.
 */
long events_init(void)
{
	long rc;

	rc = HYPERVISOR_update_va_mapping((unsigned long)shared_info_page,
					  xen_start_info->shared_info |
						  PTE_PRESENT | PTE_RW,
					  UVMF_INVLPG);
	if (rc)
		return rc;
	return HYPERVISOR_set_callbacks(event_callback, failsafe_callback,
					syscall_callback);
}

void event_bind(evtchn_port_t port, event_handler_t fn)
{
	handlers[port] = fn;
	__atomic_fetch_and(&shared_info->evtchn_mask[port / BITS_PER_WORD],
			   ~(1UL << (port % BITS_PER_WORD)), __ATOMIC_SEQ_CST);
}

bool event_is_pending(evtchn_port_t port)
{
	return shared_info->evtchn_pending[port / BITS_PER_WORD] &
	       (1UL << (port % BITS_PER_WORD));
}

void event_clear(evtchn_port_t port)
{
	__atomic_fetch_and(&shared_info->evtchn_pending[port / BITS_PER_WORD],
			   ~(1UL << (port % BITS_PER_WORD)), __ATOMIC_SEQ_CST);
}

long event_poll(evtchn_port_t *ports, unsigned int nr, uint64_t deadline)
{
	struct sched_poll op = { .nr_ports = nr, .timeout = deadline };

	set_xen_guest_handle(op.ports, ports);
	return HYPERVISOR_sched_op(SCHEDOP_poll, &op);
}

void events_mask(void)
{
	vcpu()->evtchn_upcall_mask = 1;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
}

/* Xen delivers pending events on the way back from any hypercall. */
void events_unmask(void)
{
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	vcpu()->evtchn_upcall_mask = 0;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (vcpu()->evtchn_upcall_pending)
		HYPERVISOR_xen_version(XENVER_version, NULL);
}

static void dispatch_word(unsigned int word)
{
	xen_ulong_t ready = shared_info->evtchn_pending[word] &
			    ~shared_info->evtchn_mask[word];

	while (ready) {
		unsigned int bit = __builtin_ctzl(ready);
		evtchn_port_t port = word * BITS_PER_WORD + bit;

		ready &= ready - 1;
		__atomic_fetch_and(&shared_info->evtchn_pending[word],
				   ~(1UL << bit), __ATOMIC_SEQ_CST);
		if (handlers[port])
			handlers[port](port);
		else
			fail("event on unbound port %u", port);
	}
}

/* Pending is cleared before the scan so that a later event re-raises it. */
void event_upcall(void)
{
	xen_ulong_t words;

	vcpu()->evtchn_upcall_pending = 0;
	words = __atomic_exchange_n(&vcpu()->evtchn_pending_sel, 0,
				    __ATOMIC_SEQ_CST);
	while (words) {
		unsigned int word = __builtin_ctzl(words);

		words &= words - 1;
		dispatch_word(word);
	}
}
