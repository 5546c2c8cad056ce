/*
 * Event channels, Xen's interrupts: 2-level pending and mask bitmaps in
 * shared_info, delivered through the event callback while the vCPU's
 * evtchn_upcall_mask (the virtual interrupt flag) is clear.
 */
#include "errno.h"
#include "hypercall.h"
#include "lib.h"
#include "printk.h"
#include "xenpv.h"

#define BITS_PER_WORD (8 * sizeof(xen_ulong_t))
#define WORD_OF(port) ((port) / BITS_PER_WORD)
#define BIT_OF(port) ((xen_ulong_t)1 << ((port) % BITS_PER_WORD))

extern char shared_info_page[];
void event_callback(void), failsafe_callback(void), syscall_callback(void);

shared_info_t *const shared_info = (shared_info_t *)shared_info_page;

static struct {
	event_handler_fn *fn;
	void *arg;
} handlers[EVENT_PORTS];

/* start_info gives only its machine address; it goes over a page of ours. */
void map_shared_info(void)
{
	if (HYPERVISOR_update_va_mapping((unsigned long)shared_info_page,
					 xen_start.shared_info | PTE_PRESENT | PTE_RW |
						 PTE_ACCESSED | PTE_DIRTY,
					 UVMF_INVLPG))
		arch_crash();
}

static void register_callback(unsigned type, void (*fn)(void))
{
	/* The syscall callback masks events too: the kernel runs with them masked. */
	struct callback_register cb = {
		.type = (uint16_t)type,
		.flags = CALLBACKF_mask_events,
		.address = (unsigned long)fn,
	};
	long rc = HYPERVISOR_callback_op(CALLBACKOP_register, &cb);

	if (rc)
		panic("callback_op register type %u: error %ld", type, rc);
}

void events_init(void)
{
	for (unsigned i = 0; i < ARRAY_SIZE(shared_info->evtchn_mask); i++)
		shared_info->evtchn_mask[i] = ~(xen_ulong_t)0;
	register_callback(CALLBACKTYPE_event, event_callback);
	register_callback(CALLBACKTYPE_failsafe, failsafe_callback);
	register_callback(CALLBACKTYPE_syscall, syscall_callback);
}

void event_mask(unsigned port)
{
	__atomic_fetch_or(&shared_info->evtchn_mask[WORD_OF(port)], BIT_OF(port), __ATOMIC_SEQ_CST);
}

static bool pending(unsigned port)
{
	return __atomic_load_n(&shared_info->evtchn_pending[WORD_OF(port)], __ATOMIC_SEQ_CST) &
	       BIT_OF(port);
}

/* An event that came while the port was masked is still pending: it is
 * raised again here, as Linux's 2-level unmask does, and the upcall
 * follows as soon as events are unmasked (Xen checks on every return). */
void event_unmask(unsigned port)
{
	__atomic_fetch_and(&shared_info->evtchn_mask[WORD_OF(port)], ~BIT_OF(port),
			   __ATOMIC_SEQ_CST);
	if (!pending(port))
		return;
	__atomic_fetch_or(&vcpu()->evtchn_pending_sel, (xen_ulong_t)1 << WORD_OF(port),
			  __ATOMIC_SEQ_CST);
	vcpu()->evtchn_upcall_pending = 1;
}

void event_handle(unsigned port, event_handler_fn *fn, void *arg)
{
	handlers[port].fn = fn;
	handlers[port].arg = arg;
	event_unmask(port);
}

int event_bind_virq(unsigned virq, event_handler_fn *fn, void *arg)
{
	struct evtchn_bind_virq bind = { .virq = virq, .vcpu = 0 };
	long rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bind);

	if (rc)
		return (int)rc;
	event_handle(bind.port, fn, arg);
	return (int)bind.port;
}

/* Xen clears the port's pending bit as it frees it. */
void event_close(unsigned port)
{
	struct evtchn_close close = { .port = port };

	event_mask(port);
	handlers[port].fn = NULL;
	HYPERVISOR_event_channel_op(EVTCHNOP_close, &close);
}

long event_send(unsigned port)
{
	struct evtchn_send send = { .port = port };

	return HYPERVISOR_event_channel_op(EVTCHNOP_send, &send);
}

static void dispatch_word(unsigned word)
{
	xen_ulong_t ready = shared_info->evtchn_pending[word] & ~shared_info->evtchn_mask[word];

	while (ready) {
		unsigned bit = (unsigned)__builtin_ctzl(ready);
		unsigned port = word * BITS_PER_WORD + bit;

		ready &= ready - 1;
		__atomic_fetch_and(&shared_info->evtchn_pending[word], ~BIT_OF(port),
				   __ATOMIC_SEQ_CST);
		if (handlers[port].fn)
			handlers[port].fn(port, handlers[port].arg);
		else
			printk("event on unbound port %u\n", port);
	}
}

/*
 * Runs with events masked. Pending bits are cleared before their handlers
 * run, so an event raised meanwhile sets them again and Xen calls back
 * once the mask drops.
 */
void event_upcall(void)
{
	xen_ulong_t words;

	vcpu()->evtchn_upcall_pending = 0;
	words = __atomic_exchange_n(&vcpu()->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
	while (words) {
		unsigned word = (unsigned)__builtin_ctzl(words);

		words &= words - 1;
		dispatch_word(word);
	}
}

/* SCHEDOP_block unmasks events and returns once one is pending: its upcall
 * runs on the way out, and the mask goes back on for the kernel. */
void arch_idle(void)
{
	HYPERVISOR_sched_op(SCHEDOP_block, NULL);
	vcpu()->evtchn_upcall_mask = 1;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
}
