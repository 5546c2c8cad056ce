/*
 * Tests of several domains at once: dom0 builds domUs ("peers") from its
 * second boot module with the framework's builder, serves their consoles
 * (each line printed as "(dN) LINE", the result line noted), and binds each
 * domU's xenstore channel as a doorbell that rings both ways: no xenstore
 * runs in these tests, and that channel is already there, unbound to dom0,
 * as libxl leaves it. Both ends are here: dom0's (peer_*) and the domU's
 * (doorbell_*, arg_*).
 */
#ifndef GUEST_PEER_H
#define GUEST_PEER_H

#include <stdbool.h>

#include "builder.h"
#include "xencons.h"

struct peer {
	struct domu domu;
	struct xencons_backend cons;
	evtchn_port_t doorbell;	/* dom0's end of the domU's xenstore channel */
	bool shut_down, passed;
	unsigned int lines;	/* console lines served since peer_create() */
	char cmdline[128];
	/* The kernel image; NULL: the second boot module. */
	const void *image;
	size_t image_len;
	/* The console line that says the domU passed; NULL: "RESULT: ...: PASS". */
	const char *pass_line;
};

/* Creates a domU of nr_pages, paused: its id is known, nothing runs yet. */
long peer_create(struct peer *p, unsigned long nr_pages);
/*
 * Loads the second boot module into it with the command line fmt makes,
 * attaches its console and binds its doorbell; it stays paused.
 */
long peer_load(struct peer *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
long peer_unpause(struct peer *p);

/*
 * Serves the peers' consoles and calls step after every wake-up (a console
 * line, a doorbell, a domain shutting down) until step says it is done (0)
 * or timeout_ns have passed (-XEN_ETIMEDOUT). Sleeps in SCHEDOP_poll, on
 * every bound console and doorbell of theirs at once: -XEN_E2BIG past 63
 * peers that have both (a destroyed peer has neither).
 */
long peers_run(struct peer *peers, unsigned int n, bool (*step)(struct peer *, unsigned int),
	       uint64_t timeout_ns);

/* Tests and clears the doorbell; rings the domU's. */
bool peer_rang(struct peer *p);
void peer_ring(struct peer *p);
/* Serves one peer until it rings (0), shuts down (-XEN_ESRCH) or timeout_ns pass. */
long peer_wait_ring(struct peer *p, uint64_t timeout_ns);

/* Waits for every peer to power off having printed PASS; fails the test if not. */
void peers_join(struct peer *peers, unsigned int n);
/* The same, for peers that take longer than peers_join's 20 s. */
void peers_join_within(struct peer *peers, unsigned int n, uint64_t timeout_ns);
/* Destroys them and waits until Xen no longer finds them. */
void peers_destroy(struct peer *peers, unsigned int n);
/* Waits, at most a second, until Xen no longer finds them: -XEN_ETIMEDOUT if it still does. */
long peers_gone(struct peer *peers, unsigned int n);

/*
 * The free pages once the hypervisor has freed what destroyed peers left:
 * Xen 4.17 frees a domain's last pages after an RCU grace period, then
 * raises VIRQ_DOM_EXC again; one that frees at once need not, so this
 * waits for that at most a second.
 */
uint64_t peers_free_pages(void);

/* Detaches the console, closes the doorbell and destroys the domain. */
long peer_destroy(struct peer *p);

/* The domU end: dom0's command-line argument KEY=N (decimal), or -1. */
long arg_value(const char *key);
void doorbell_ring(void);
/* Sleeps until dom0 rings (0, the ring consumed) or timeout_ns pass. */
long doorbell_wait(uint64_t timeout_ns);

#endif
