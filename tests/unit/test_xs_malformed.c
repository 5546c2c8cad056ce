/* Hostile and broken input: unknown types, bad lengths, missing or extra
 * NULs, oversized payloads, split and batched messages, and random
 * messages from dom0 and a guest, after which the store must still be a
 * consistent tree. Under ASan and UBSan, any stray access fails too. */
#include <stdlib.h>
#include <string.h>
#include "path.h"
#include "store.h"
#include "xs_harness.h"

static struct xs_conn *dom0, *dom1;

static void setup(void)
{
	harness_setup();
	dom0 = connect_as(0);
	dom1 = connect_as(1);
}

static bool lists(const struct xs_node *node, const char *name)
{
	unsigned int off;

	for (off = 0; off < node->children_len;
	     off += (unsigned int)strlen(node->children + off) + 1)
		if (!strcmp(node->children + off, name))
			return true;
	return false;
}

/* Each node's parent lists it, each name listed is a node, and the
 * per-domain counts match the owners. */
static void check_store(void)
{
	static unsigned int owned[UINT16_MAX + 1];
	const struct xs_store *s = &xsd.store;
	char parent[XS_PATH_BUF], child[XS_PATH_BUF];
	struct strmap_iter it;
	struct strmap_link *link;
	const struct xs_node *node, *up;
	unsigned int off, i;

	memset(owned, 0, sizeof(owned));
	for (link = strmap_first(&s->nodes, &it); link;
	     link = strmap_next(&s->nodes, &it)) {
		node = container_of(link, struct xs_node, link);
		owned[node_owner(node)]++;
		ck_assert_uint_ge(node->nperms, 1);
		for (off = 0; off < node->children_len;
		     off += (unsigned int)strlen(node->children + off) + 1) {
			ck_assert_int_eq(path_child(node->path,
						    node->children + off, child), 0);
			ck_assert_ptr_nonnull(store_committed(s, child));
		}
		if (path_is_special(node->path) || !strcmp(node->path, "/"))
			continue;
		path_parent(node->path, parent);
		up = store_committed(s, parent);
		ck_assert_msg(up, "%s has no parent", node->path);
		ck_assert(lists(up, path_basename(node->path)));
	}
	for (i = 0; i <= UINT16_MAX; i++)
		ck_assert_uint_eq(owned[i], s->owned[i]);
}

START_TEST(unknown_types_are_enosys)
{
	static const uint32_t types[] = {
		XS_WATCH_EVENT, XS_ERROR, XS_RESUME, XS_SET_TARGET,
		XS_SET_TARGET + 1, XS_TYPE_COUNT, XS_INVALID, 0xffffffffu,
	};
	const struct reply *r;
	unsigned int i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		r = request(dom0, types[i], 42, "/\0", 2);
		ck_assert_error(r, "ENOSYS");
	}
}
END_TEST

START_TEST(one_string_requests)
{
	ck_assert_error(request(dom0, XS_READ, 0, "/tool", 5), "EINVAL");
	ck_assert_error(request(dom0, XS_READ, 0, "/\0/", 4), "EINVAL");
	ck_assert_error(request(dom0, XS_READ, 0, "/\0\0", 3), "EINVAL");
	ck_assert_error(request(dom0, XS_READ, 0, "", 0), "EINVAL");
	ck_assert_error(request(dom0, XS_DIRECTORY, 0, "\0", 1), "EINVAL");
	ck_assert_error(request(dom0, XS_MKDIR, 0, "/x", 2), "EINVAL");
	ck_assert_error(request(dom0, XS_RM, 0, "", 0), "EINVAL");
	ck_assert_error(request(dom0, XS_GET_PERMS, 0, "/", 1), "EINVAL");
	ck_assert_error(request(dom0, XS_TRANSACTION_END, 0, "T", 1), "EINVAL");
	ck_assert_error(request(dom0, XS_RELEASE, 0, "5", 1), "EINVAL");
	ck_assert_error(request(dom0, XS_GET_DOMAIN_PATH, 0, "", 0), "EINVAL");
	ck_assert_error(request(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "5\0", 3),
			"EINVAL");
}
END_TEST

START_TEST(write_needs_its_path_ended)
{
	ck_assert_error(request(dom0, XS_WRITE, 0, "/no-nul", 7), "EINVAL");
	ck_assert_error(request(dom0, XS_WRITE, 0, "", 0), "EINVAL");
	ck_assert_error(request(dom0, XS_WRITE, 0, "\0value", 6), "EINVAL");
	ck_assert_error(read_value(dom0, 0, "/no-nul"), "ENOENT");
}
END_TEST

START_TEST(directory_part_arguments)
{
	ck_assert_error(request1(dom0, XS_DIRECTORY_PART, 0, "/"), "EINVAL");
	ck_assert_error(request2(dom0, XS_DIRECTORY_PART, 0, "/", "x"),
			"EINVAL");
	ck_assert_error(request2(dom0, XS_DIRECTORY_PART, 0, "/", "-1"),
			"EINVAL");
	ck_assert_error(request2(dom0, XS_DIRECTORY_PART, 0, "/",
				 "99999999999999999999"), "EINVAL");
	ck_assert_error(request(dom0, XS_DIRECTORY_PART, 0, "/\0" "0\0" "0", 6),
			"EINVAL");
	ck_assert_error(request2(dom0, XS_DIRECTORY_PART, 0, "/none", "0"),
			"ENOENT");
}
END_TEST

START_TEST(control_commands)
{
	ck_assert_error(request(dom0, XS_CONTROL, 0, "", 0), "EINVAL");
	ck_assert_error(request1(dom0, XS_CONTROL, 0, "no-such-command"),
			"EINVAL");
	ck_assert_error(request2(dom0, XS_CONTROL, 0, "help", "extra"),
			"EINVAL");
	ck_assert_ok(request2(dom0, XS_CONTROL, 0, "print", "marker"));
	ck_assert_ptr_nonnull(strstr(request1(dom0, XS_CONTROL, 0,
					      "help")->data, "quota"));
}
END_TEST

/* The largest payload the wire allows is served. */
START_TEST(the_largest_payload)
{
	static char payload[XENSTORE_PAYLOAD_MAX];

	strcpy(payload, "/max");
	memset(payload + 5, 'm', sizeof(payload) - 5);
	ck_assert_ok(request(dom0, XS_WRITE, 0, payload, sizeof(payload)));
	ck_assert_uint_eq(read_value(dom0, 0, "/max")->hdr.len,
			  sizeof(payload) - 5);
}
END_TEST

/* A header announcing more breaks the protocol: Xen drops the client. */
START_TEST(an_oversized_payload_ends_the_client)
{
	struct xsd_sockmsg hdr = { XS_READ, 1, 0, XENSTORE_PAYLOAD_MAX + 1 };

	feed(dom1, &hdr, sizeof(hdr));
	ck_assert_uint_eq(failed_with(dom1), XENSTORE_ERROR_PROTO);
	ck_assert_ptr_null(next_message(dom1));
	feed(dom1, "/\0", 2);
	ck_assert_ptr_null(next_message(dom1));
	ck_assert_ok(write_value(dom0, 0, "/fine", ""));
}
END_TEST

START_TEST(byte_by_byte)
{
	struct xsd_sockmsg hdr = { XS_WRITE, 5, 0, 8 };
	char msg[sizeof(hdr) + 8];
	const struct reply *r;
	unsigned int i;

	memcpy(msg, &hdr, sizeof(hdr));
	memcpy(msg + sizeof(hdr), "/slow\0ab", 8);
	for (i = 0; i < sizeof(msg); i++) {
		ck_assert_ptr_null(next_message(dom0));
		feed(dom0, msg + i, 1);
	}
	r = next_message(dom0);
	ck_assert_ok(r);
	ck_assert_uint_eq(r->hdr.req_id, 5);
	ck_assert(is_value(read_value(dom0, 0, "/slow"), "ab"));
}
END_TEST

START_TEST(many_in_one_go)
{
	struct xsd_sockmsg hdr = { XS_READ, 0, 0, 2 };
	char msg[10 * (sizeof(hdr) + 2)];
	const struct reply *r;
	unsigned int i;

	for (i = 0; i < 10; i++) {
		hdr.req_id = 100 + i;
		memcpy(msg + i * (sizeof(hdr) + 2), &hdr, sizeof(hdr));
		memcpy(msg + i * (sizeof(hdr) + 2) + sizeof(hdr), "/", 2);
	}
	feed(dom0, msg, sizeof(msg));
	for (i = 0; i < 10; i++) {
		r = next_message(dom0);
		ck_assert_ptr_nonnull(r);
		ck_assert_uint_eq(r->hdr.req_id, 100 + i);
	}
}
END_TEST

/* A client that does not read its replies is not served new requests
 * past a few dozen; once it reads, the rest are answered. */
START_TEST(a_client_not_reading)
{
	struct xsd_sockmsg hdr = { XS_READ, 0, 0, 2 };
	static char msg[500 * (sizeof(hdr) + 2)];
	unsigned int i, replies = 0;

	for (i = 0; i < 500; i++) {
		memcpy(msg + i * (sizeof(hdr) + 2), &hdr, sizeof(hdr));
		memcpy(msg + i * (sizeof(hdr) + 2) + sizeof(hdr), "/", 2);
	}
	stall(dom0);
	feed(dom0, msg, sizeof(msg));
	ck_assert_uint_lt(dom0->nout, 100);
	unstall(dom0);
	for (i = 0; i < 50; i++)
		feed(dom0, NULL, 0);
	while (next_message(dom0))
		replies++;
	ck_assert_uint_eq(replies, 500);
}
END_TEST

/* Random requests of every type, from dom0 and a guest, paths and
 * strings drawn from a small alphabet so that they often name real
 * nodes: nothing crashes, every reply is well-formed, the tree holds. */
/* Replies that were not errors, and errors. */
static unsigned int answered[2];

static void random_request(struct xs_conn *c, unsigned int *seed)
{
	const struct reply *r;
	static const char alphabet[] = "/ab@0\0\0//T5n0r1";
	char payload[64];
	unsigned int len = (unsigned int)rand_r(seed) % sizeof(payload), i;
	uint32_t type = (uint32_t)rand_r(seed) % (XS_TYPE_COUNT + 2);
	uint32_t tx = rand_r(seed) % 8 ? 0 : (uint32_t)rand_r(seed) % 4;
	struct xsd_sockmsg hdr = { type, 1, tx, len };
	char msg[sizeof(hdr) + sizeof(payload)];

	for (i = 0; i < len; i++)
		payload[i] = alphabet[rand_r(seed) % (sizeof(alphabet) - 1)];
	memcpy(msg, &hdr, sizeof(hdr));
	memcpy(msg + sizeof(hdr), payload, len);
	feed(c, msg, sizeof(hdr) + len);
	while ((r = next_message(c)))
		answered[r->hdr.type == XS_ERROR]++;
}

START_TEST(random_requests)
{
	unsigned int seed = 1, i;

	set_perms(dom0, "/", "n0 b1");
	for (i = 0; i < 20000; i++) {
		random_request(i % 3 ? dom1 : dom0, &seed);
		ck_assert_uint_eq(failed_with(dom0), 0);
		ck_assert_uint_eq(failed_with(dom1), 0);
	}
	check_store();
	/* Most requests are nonsense, but enough are not. */
	ck_assert_uint_gt(answered[0], 1000);
	ck_assert_uint_gt(answered[1], 1000);
}
END_TEST

/* The same with raw bytes: lengths and all. The guest will soon break
 * the protocol; until then and after, the daemon stands. */
START_TEST(random_bytes)
{
	unsigned int seed = 7, i, j;
	unsigned char bytes[64];

	for (i = 0; i < 2000; i++) {
		struct xs_conn *c = connect_as(1 + i % 50);

		for (j = 0; j < sizeof(bytes); j++)
			bytes[j] = (unsigned char)rand_r(&seed);
		if (i % 2)
			bytes[12] = bytes[13] = bytes[14] = bytes[15] = 0;
		feed(c, bytes, sizeof(bytes));
		while (next_message(c))
			;
		conn_end(c);
		daemon_reap(&xsd);
	}
	check_store();
	ck_assert_ok(write_value(dom0, 0, "/alive", ""));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xs_malformed");
	TCase *args = tcase_create("arguments");
	TCase *framing = tcase_create("framing");
	TCase *fuzz = tcase_create("fuzz");

	tcase_add_checked_fixture(args, setup, harness_teardown);
	tcase_add_test(args, unknown_types_are_enosys);
	tcase_add_test(args, one_string_requests);
	tcase_add_test(args, write_needs_its_path_ended);
	tcase_add_test(args, directory_part_arguments);
	tcase_add_test(args, control_commands);
	suite_add_tcase(s, args);

	tcase_add_checked_fixture(framing, setup, harness_teardown);
	tcase_add_test(framing, the_largest_payload);
	tcase_add_test(framing, an_oversized_payload_ends_the_client);
	tcase_add_test(framing, byte_by_byte);
	tcase_add_test(framing, many_in_one_go);
	tcase_add_test(framing, a_client_not_reading);
	suite_add_tcase(s, framing);

	tcase_add_checked_fixture(fuzz, setup, harness_teardown);
	tcase_set_timeout(fuzz, 60);
	tcase_add_test(fuzz, random_requests);
	tcase_add_test(fuzz, random_bytes);
	suite_add_tcase(s, fuzz);
	return s;
}
