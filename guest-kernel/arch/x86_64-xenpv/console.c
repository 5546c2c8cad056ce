/*
 * The console. Domain 0's is the hypervisor's serial line, through
 * console_io. A domU's is its console ring (io/console.h), served by the
 * backend in domain 0: console_io is dom0-only on release builds of Xen.
 * The ring is shared with that backend, so its indices are read once and
 * checked before they are used.
 */
#include "hypercall.h"
#include "lib.h"
#include "xenpv.h"
#include "cons_ring.h"

static bool is_dom0(void)
{
	return xen_start.flags & SIF_INITDOMAIN;
}

extern char console_ring_page[];

static struct xencons_interface *const ring = (struct xencons_interface *)console_ring_page;

/* Mapped over a page of the image, as shared_info is, so that it is there
 * from the first printk and stays when the kernel moves to its own tables. */
void console_map_ring(void)
{
	if (!is_dom0() &&
	    HYPERVISOR_update_va_mapping((unsigned long)console_ring_page,
					 ((uint64_t)xen_start.console.domU.mfn << PAGE_SHIFT) |
						 KERNEL_RW,
					 UVMF_INVLPG))
		arch_crash();
}

/* Before the backend binds its end, Xen drops the notification. */
static void notify_backend(void)
{
	event_send(xen_start.console.domU.evtchn);
}

/* Output waits for room rather than being dropped: the backend catches
 * up. Indices that claim more than the ring holds are not believed: the
 * output is dropped. */
static void ring_write(struct xencons_interface *r, const char *s, size_t n)
{
	int done;

	while (n && (done = cons_ring_write_out(r, s, n)) >= 0) {
		s += done;
		n -= (size_t)done;
		if (n) {
			notify_backend();
			HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
		}
	}
	notify_backend();
}

/* Indices that claim more input than the ring holds: nothing is read. */
static size_t ring_read(struct xencons_interface *r, char *buf, size_t n)
{
	int got = cons_ring_read_in(r, buf, n);

	if (got <= 0)
		return 0;
	notify_backend();
	return (size_t)got;
}

void arch_console_write(const char *s, size_t n)
{
	if (is_dom0())
		HYPERVISOR_console_io(CONSOLEIO_write, n, s);
	else
		ring_write(ring, s, n);
}

size_t arch_console_poll(char *buf, size_t n)
{
	long got;

	if (!is_dom0())
		return ring_read(ring, buf, n);
	got = HYPERVISOR_console_io(CONSOLEIO_read, n, buf);
	return got > 0 ? (size_t)got : 0;
}
