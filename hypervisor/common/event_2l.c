/*
 * Xen's 2-level event delivery. A port is pending in shared_info's
 * evtchn_pending bitmap; if it is not masked, its word's bit in the vCPU's
 * evtchn_pending_sel selector and then evtchn_upcall_pending are set, and
 * the guest scans selector, then words, clearing as it goes. The order of
 * the atomic updates is what lets guest and hypervisor race safely.
 */
#include "event.h"

#define BITS_PER_WORD (sizeof(xen_ulong_t) * 8)

static bool test_and_set(xen_ulong_t *word, unsigned bit)
{
	xen_ulong_t m = (xen_ulong_t)1 << bit;
	return __atomic_fetch_or(word, m, __ATOMIC_SEQ_CST) & m;
}

static bool test_bit(const xen_ulong_t *word, unsigned bit)
{
	return __atomic_load_n(word, __ATOMIC_SEQ_CST) & ((xen_ulong_t)1 << bit);
}

static bool raise_upcall(struct vcpu_info *vi, unsigned port)
{
	if (test_and_set(&vi->evtchn_pending_sel, port / BITS_PER_WORD))
		return false;
	return !__atomic_exchange_n(&vi->evtchn_upcall_pending, 1, __ATOMIC_SEQ_CST);
}

bool evtchn_2l_set_pending(struct shared_info *s, struct vcpu_info *vi, unsigned int port)
{
	unsigned w = port / BITS_PER_WORD, b = port % BITS_PER_WORD;

	if (test_and_set(&s->evtchn_pending[w], b))
		return false;
	if (test_bit(&s->evtchn_mask[w], b))
		return false;
	return raise_upcall(vi, port);
}

bool evtchn_2l_unmask(struct shared_info *s, struct vcpu_info *vi, unsigned int port)
{
	unsigned w = port / BITS_PER_WORD, b = port % BITS_PER_WORD;
	xen_ulong_t m = (xen_ulong_t)1 << b;

	if (!(__atomic_fetch_and(&s->evtchn_mask[w], ~m, __ATOMIC_SEQ_CST) & m))
		return false;
	if (!test_bit(&s->evtchn_pending[w], b))
		return false;
	return raise_upcall(vi, port);
}

void evtchn_2l_clear_pending(struct shared_info *s, unsigned int port)
{
	__atomic_fetch_and(&s->evtchn_pending[port / BITS_PER_WORD],
			   ~((xen_ulong_t)1 << (port % BITS_PER_WORD)), __ATOMIC_SEQ_CST);
}

bool evtchn_2l_is_pending(const struct shared_info *s, unsigned int port)
{
	return test_bit(&s->evtchn_pending[port / BITS_PER_WORD], port % BITS_PER_WORD);
}
