/* Domains: XS_INTRODUCE connects a domain's ring page and event channel
 * (here the harness's fake platform), requests and replies cross the
 * rings, XS_RELEASE ends it. The guest's side uses xs_ring.h as well. */
#include <stdio.h>
#include <string.h>
#include "domain.h"
#include "xs_ring.h"
#include "xs_harness.h"

static struct xs_conn *dom0;

static void setup(void)
{
	harness_setup();
	dom0 = connect_as(0);
}

static const struct reply *introduce(unsigned int domid, const char *mfn,
				     const char *port)
{
	char buf[64];
	int len = snprintf(buf, sizeof(buf), "%u%c%s%c%s", domid, 0, mfn, 0,
			   port);

	return request(dom0, XS_INTRODUCE, 0, buf, (unsigned int)len + 1);
}

static void release(unsigned int domid, const char *error)
{
	char arg[16];

	snprintf(arg, sizeof(arg), "%u", domid);
	if (error)
		ck_assert_msg(is_error(request1(dom0, XS_RELEASE, 0, arg), error),
			      "release %u: not %s", domid, error);
	else
		ck_assert_ok(request1(dom0, XS_RELEASE, 0, arg));
}

/* What the guest's xenbus does: its message into req, as much as fits at
 * a time, the daemon serving between. */
static void guest_send(unsigned int domid, uint32_t type, uint32_t tx,
		       const void *payload, unsigned int len)
{
	struct xenstore_domain_interface *page = fake_page(domid);
	struct xsd_sockmsg hdr = { type, 77, tx, len };
	char msg[sizeof(hdr) + XENSTORE_PAYLOAD_MAX + 16];
	unsigned int sent = 0, total = sizeof(hdr) + len;
	int n;

	memcpy(msg, &hdr, sizeof(hdr));
	memcpy(msg + sizeof(hdr), payload, len);
	while (sent < total) {
		n = xs_ring_write(page->req, &page->req_cons, &page->req_prod,
				  msg + sent, total - sent);
		ck_assert_int_ge(n, 0);
		sent += (unsigned int)n;
		domains_service(&xsd);
	}
}

/* The next message in rsp; NULL if none is whole there. */
static const struct reply *guest_receive(unsigned int domid)
{
	static struct reply r;
	struct xenstore_domain_interface *page = fake_page(domid);
	unsigned int avail = page->rsp_prod - page->rsp_cons;

	if (avail < sizeof(r.hdr))
		return NULL;
	xs_ring_read(page->rsp, &page->rsp_cons, &page->rsp_prod, &r.hdr,
		     sizeof(r.hdr));
	ck_assert_uint_le(r.hdr.len, avail - sizeof(r.hdr));
	xs_ring_read(page->rsp, &page->rsp_cons, &page->rsp_prod, r.data,
		     r.hdr.len);
	r.data[r.hdr.len] = '\0';
	return &r;
}

static const struct reply *guest_request(unsigned int domid, uint32_t type,
					 const char *arg)
{
	const struct reply *r;

	guest_send(domid, type, 0, arg, (unsigned int)strlen(arg) + 1);
	r = guest_receive(domid);
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->hdr.req_id, 77);
	return r;
}

START_TEST(introduce_connects_the_ring)
{
	struct xenstore_domain_interface *page;

	ck_assert_ok(introduce(5, "1234", "7"));
	page = fake_page(5);
	ck_assert_ptr_nonnull(page);
	ck_assert_uint_eq(page->connection, XENSTORE_CONNECTED);
	ck_assert(page->server_features & XENSTORE_SERVER_FEATURE_ERROR);
	ck_assert_uint_gt(fake_notifications(5), 0);
	ck_assert_str_eq(request1(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "5")->data,
			 "T");
	ck_assert_str_eq(request1(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "6")->data,
			 "F");
}
END_TEST

START_TEST(dom0_and_self_are_introduced)
{
	ck_assert_str_eq(request1(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "0")->data,
			 "T");
	ck_assert_str_eq(request1(dom0, XS_IS_DOMAIN_INTRODUCED, 0,
				  "32752")->data, "T");
}
END_TEST

/* The guest's relative paths start at its home, which the toolstack
 * made for it. */
START_TEST(a_guest_talks_over_its_ring)
{
	const struct reply *r;

	request1(dom0, XS_MKDIR, 0, "/local/domain/5");
	set_perms(dom0, "/local/domain/5", "n5");
	write_value(dom0, 0, "/local/domain/5/name", "guest");
	introduce(5, "1234", "7");
	r = guest_request(5, XS_READ, "name");
	ck_assert_uint_eq(r->hdr.type, XS_READ);
	ck_assert_str_eq(r->data, "guest");
	r = guest_request(5, XS_READ, "/local/domain/0");
	ck_assert_str_eq(r->data, "EACCES");
	guest_send(5, XS_WRITE, 0, "data/x\0y", 8);
	ck_assert_str_eq(guest_receive(5)->data, "OK");
	ck_assert(is_value(read_value(dom0, 0, "/local/domain/5/data/x"), "y"));
	ck_assert_str_eq(joined(request1(dom0, XS_GET_PERMS, 0,
					 "/local/domain/5/data/x")), "n5");
}
END_TEST

/* Requests four times the ring's size, so that the indices wrap: each
 * arrives whole (its value is too big for the node-size quota). */
START_TEST(messages_longer_than_the_ring)
{
	static char payload[XENSTORE_PAYLOAD_MAX];
	const struct reply *r;
	unsigned int i;

	introduce(5, "1234", "7");
	request1(dom0, XS_MKDIR, 0, "/local/domain/5");
	set_perms(dom0, "/local/domain/5", "n5");
	strcpy(payload, "big");
	memset(payload + 4, 'v', sizeof(payload) - 4);
	for (i = 0; i < 10; i++) {
		guest_send(5, XS_WRITE, 0, payload, sizeof(payload));
		r = guest_receive(5);
		ck_assert_ptr_nonnull(r);
		ck_assert_str_eq(r->data, "ENOSPC");
	}
	ck_assert_uint_gt(fake_page(5)->req_prod, 10 * XENSTORE_PAYLOAD_MAX);
	payload[2000] = '\0';
	guest_send(5, XS_WRITE, 0, payload, 2000);
	ck_assert_str_eq(guest_receive(5)->data, "OK");
	r = read_value(dom0, 0, "/local/domain/5/big");
	ck_assert_uint_eq(r->hdr.len, 2000 - 4);
}
END_TEST

/* Requests the domain wrote before it was introduced are not lost. */
START_TEST(early_requests_are_served)
{
	struct xenstore_domain_interface *page;
	struct xsd_sockmsg hdr = { XS_READ, 9, 0, 2 };

	introduce(5, "1234", "7");
	release(5, NULL);
	page = fake_page(5);
	page->req_cons = page->req_prod = page->rsp_cons = page->rsp_prod = 0;
	xs_ring_write(page->req, &page->req_cons, &page->req_prod, &hdr,
		      sizeof(hdr));
	xs_ring_write(page->req, &page->req_cons, &page->req_prod, "/", 2);
	introduce(5, "1234", "7");
	domains_service(&xsd);
	ck_assert_ptr_nonnull(guest_receive(5));
}
END_TEST

START_TEST(watches_over_the_ring)
{
	const struct reply *r;

	introduce(5, "1234", "7");
	write_value(dom0, 0, "/open", "");
	set_perms(dom0, "/open", "r0");
	guest_send(5, XS_WATCH, 0, "/open\0tok", 10);
	ck_assert_str_eq(guest_receive(5)->data, "OK");
	r = guest_receive(5);
	ck_assert_uint_eq(r->hdr.type, XS_WATCH_EVENT);
	ck_assert_str_eq(joined(r), "/open tok");
	write_value(dom0, 0, "/open", "changed");
	domains_service(&xsd);
	ck_assert_str_eq(joined(guest_receive(5)), "/open tok");
}
END_TEST

START_TEST(bad_introductions)
{
	ck_assert_error(introduce(5, "0", "7"), "EINVAL");
	ck_assert_error(introduce(5, "1234", "57005"), "EINVAL");
	ck_assert_error(introduce(0, "1234", "7"), "EINVAL");
	ck_assert_error(introduce(32752, "1234", "7"), "EINVAL");
	ck_assert_error(introduce(5, "1234", "0"), "EINVAL");
	ck_assert_error(introduce(5, "12x", "7"), "EINVAL");
	ck_assert_error(introduce(5, "1234", "-7"), "EINVAL");
	ck_assert_error(request(dom0, XS_INTRODUCE, 0, "5\0" "1234", 7),
			"EINVAL");
	ck_assert_str_eq(request1(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "5")->data,
			 "F");
}
END_TEST

/* Introduced again (a new channel), a domain starts afresh, without a
 * second @introduceDomain. */
START_TEST(introduce_again)
{
	const struct reply *r;

	request2(dom0, XS_WATCH, 0, "@introduceDomain", "in");
	ck_assert_str_eq(next_event(dom0), "@introduceDomain in");
	introduce(5, "1234", "7");
	ck_assert_str_eq(next_event(dom0), "@introduceDomain in");
	guest_send(5, XS_WATCH, 0, "/x\0tok", 7);
	ck_assert_ok(introduce(5, "1234", "8"));
	ck_assert_ptr_null(next_event(dom0));
	ck_assert_uint_eq(fake_page(5)->rsp_prod, 0);
	write_value(dom0, 0, "/x", "1");
	domains_service(&xsd);
	ck_assert_ptr_null(guest_receive(5));
	r = guest_request(5, XS_READ, "/x");
	ck_assert_str_eq(r->data, "EACCES");
}
END_TEST

START_TEST(release_ends_the_domain)
{
	request2(dom0, XS_WATCH, 0, "@releaseDomain", "out");
	next_event(dom0);
	release(5, "ENOENT");
	introduce(5, "1234", "7");
	release(5, NULL);
	ck_assert_str_eq(next_event(dom0), "@releaseDomain out");
	release(5, "ENOENT");
	release(0, "EINVAL");
	ck_assert_error(request1(dom0, XS_RELEASE, 0, "five"), "EINVAL");
	ck_assert_str_eq(request1(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "5")->data,
			 "F");
}
END_TEST

/* What the main loop does on VIRQ_DOM_EXC: check, then write out. */
static void check_exits(void)
{
	domains_check(&xsd);
	feed(dom0, NULL, 0);
}

/* VIRQ_DOM_EXC: a domain that shut down is announced once and stays
 * introduced; one that is gone is released, and announced again. */
START_TEST(exits_are_announced)
{
	request2(dom0, XS_WATCH, 0, "@releaseDomain", "out");
	next_event(dom0);
	introduce(5, "1234", "7");
	introduce(6, "1235", "8");
	check_exits();
	ck_assert_ptr_null(next_event(dom0));
	fake_set_state(5, XS_DOMAIN_SHUTDOWN);
	check_exits();
	ck_assert_str_eq(next_event(dom0), "@releaseDomain out");
	check_exits();
	ck_assert_ptr_null(next_event(dom0));
	ck_assert_str_eq(request1(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "5")->data, "T");
	fake_set_state(5, XS_DOMAIN_GONE);
	check_exits();
	ck_assert_str_eq(next_event(dom0), "@releaseDomain out");
	ck_assert_str_eq(request1(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "5")->data, "F");
	ck_assert_str_eq(request1(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "6")->data, "T");
}
END_TEST

/* A released domain's nodes go to dom0 and its entries vanish, so that
 * a new domain with the same id inherits nothing. */
START_TEST(release_disowns)
{
	introduce(5, "1234", "7");
	write_value(dom0, 0, "/mine", "");
	set_perms(dom0, "/mine", "n5 r3");
	write_value(dom0, 0, "/shared", "");
	set_perms(dom0, "/shared", "n0 r5 b6 w5");
	release(5, NULL);
	ck_assert_str_eq(joined(request1(dom0, XS_GET_PERMS, 0, "/mine")),
			 "n0 r3");
	ck_assert_str_eq(joined(request1(dom0, XS_GET_PERMS, 0, "/shared")),
			 "n0 b6");
}
END_TEST

/* Ring indices that cannot be: Xen's XENSTORE_ERROR_RINGIDX, and the
 * daemon stops serving the domain. */
START_TEST(corrupt_indices_stop_the_domain)
{
	struct xenstore_domain_interface *page;

	introduce(5, "1234", "7");
	page = fake_page(5);
	page->req_prod = page->req_cons + 2 * XENSTORE_RING_SIZE;
	domains_service(&xsd);
	ck_assert_uint_eq(page->error, XENSTORE_ERROR_RINGIDX);
	page->req_prod = page->req_cons;
	guest_send(5, XS_READ, 0, "/", 2);
	ck_assert_ptr_null(guest_receive(5));
	ck_assert_str_eq(request1(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "5")->data,
			 "T");
	release(5, NULL);
}
END_TEST

START_TEST(an_oversized_request_stops_the_domain)
{
	struct xenstore_domain_interface *page;
	struct xsd_sockmsg hdr = { XS_READ, 1, 0, XENSTORE_PAYLOAD_MAX + 1 };

	introduce(5, "1234", "7");
	page = fake_page(5);
	xs_ring_write(page->req, &page->req_cons, &page->req_prod, &hdr,
		      sizeof(hdr));
	domains_service(&xsd);
	ck_assert_uint_eq(page->error, XENSTORE_ERROR_PROTO);
	ck_assert_ptr_null(guest_receive(5));
}
END_TEST

/* A guest's corrupt response indices stop its replies, nothing else. */
START_TEST(corrupt_response_indices)
{
	struct xenstore_domain_interface *page;

	introduce(5, "1234", "7");
	page = fake_page(5);
	page->rsp_cons = page->rsp_prod + 5;
	guest_send(5, XS_READ, 0, "/", 2);
	ck_assert_uint_eq(page->error, XENSTORE_ERROR_RINGIDX);
	ck_assert_ok(write_value(dom0, 0, "/still", "serving"));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xs_domain");
	TCase *rings = tcase_create("rings");
	TCase *life = tcase_create("life");

	tcase_add_checked_fixture(rings, setup, harness_teardown);
	tcase_add_test(rings, introduce_connects_the_ring);
	tcase_add_test(rings, dom0_and_self_are_introduced);
	tcase_add_test(rings, a_guest_talks_over_its_ring);
	tcase_add_test(rings, messages_longer_than_the_ring);
	tcase_add_test(rings, early_requests_are_served);
	tcase_add_test(rings, watches_over_the_ring);
	tcase_add_test(rings, corrupt_indices_stop_the_domain);
	tcase_add_test(rings, an_oversized_request_stops_the_domain);
	tcase_add_test(rings, corrupt_response_indices);
	suite_add_tcase(s, rings);

	tcase_add_checked_fixture(life, setup, harness_teardown);
	tcase_add_test(life, bad_introductions);
	tcase_add_test(life, introduce_again);
	tcase_add_test(life, release_ends_the_domain);
	tcase_add_test(life, release_disowns);
	tcase_add_test(life, exits_are_announced);
	suite_add_tcase(s, life);
	return s;
}
