/* The xenstored tests' daemon: connections over a fake transport that the
 * tests feed with requests and whose replies and watch events they read
 * back decoded; and a fake platform whose "domains" are ring pages in
 * memory. */
#ifndef XS_HARNESS_H
#define XS_HARNESS_H

#include <stdbool.h>
#include <stdint.h>
#include "conn.h"
#include "daemon.h"
#include "support.h"

struct reply {
	struct xsd_sockmsg hdr;
	char data[XENSTORE_PAYLOAD_MAX + 1];	/* NUL after hdr.len bytes */
};

extern struct xs_daemon xsd;

/* Checked fixture: a fresh daemon with the fake platform; the last
 * ends every connection and frees everything (under ASan, a leak or
 * stale pointer fails the test). */
void harness_setup(void);
void harness_teardown(void);

/* A connection as domain domid: dom0 is privileged. */
struct xs_conn *connect_as(unsigned int domid);
/* Feeds raw bytes to c, then lets the daemon read and answer. */
void feed(struct xs_conn *c, const void *bytes, unsigned int len);
/* Sends a request and returns its reply: the next message that is not a
 * watch event (events stay queued for next_event()). */
const struct reply *request(struct xs_conn *c, uint32_t type, uint32_t tx,
			    const void *payload, unsigned int len);
/* One string and its NUL; two strings with theirs. */
const struct reply *request1(struct xs_conn *c, uint32_t type, uint32_t tx,
			     const char *arg);
const struct reply *request2(struct xs_conn *c, uint32_t type, uint32_t tx,
			     const char *a, const char *b);
/* The next message c got, NULL if none: any reply or event. */
const struct reply *next_message(struct xs_conn *c);
/* The next watch event c got, as "path token"; NULL if none. */
const char *next_event(struct xs_conn *c);
/* c's client stops reading: the daemon's writes to it move nothing;
 * until it reads again. */
void stall(struct xs_conn *c);
void unstall(struct xs_conn *c);
/* Whether c was failed (XENSTORE_ERROR_*; 0: not) or closed. */
unsigned int failed_with(const struct xs_conn *c);

/* Request shorthands, checking nothing. */
const struct reply *write_value(struct xs_conn *c, uint32_t tx,
				const char *path, const char *value);
const struct reply *read_value(struct xs_conn *c, uint32_t tx,
			       const char *path);
/* perms as "n0 r1": one string each on the wire. */
const struct reply *set_perms(struct xs_conn *c, const char *path,
			      const char *perms);
/* A transaction id from c, failing the test if none. */
uint32_t start_tx(struct xs_conn *c);

/* Whether r is OK, an error named name, or the value value. */
bool is_ok(const struct reply *r);
bool is_error(const struct reply *r, const char *name);
bool is_value(const struct reply *r, const char *value);
/* r's NUL-separated strings joined with spaces ("a b c"). */
const char *joined(const struct reply *r);

#define ck_assert_ok(r) ck_assert_msg(is_ok(r), "not OK: %s", joined(r))
#define ck_assert_error(r, name) \
	ck_assert_msg(is_error(r, name), "not " name ": %s", joined(r))

/* The fake platform's view of domain domid's ring page, once mapped. */
struct xenstore_domain_interface *fake_page(unsigned int domid);
/* What the fake getdomaininfo says of an introduced domain from now on. */
void fake_set_state(unsigned int domid, enum xs_domain_state state);
unsigned int fake_notifications(unsigned int domid);

#endif
