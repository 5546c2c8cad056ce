/*
 * xsbench: make bench's xenstore rows (docs/bench/README.md), each one
 * request or three from a dom0 process through libxenstore, on the bench
 * kernels' measurement loop (tests/bench/common/bench.c) as lmbench's rows
 * are. A request is a write(2) on /dev/xen/xenbus, the kernel's ring to
 * xenstored (a process of this dom0, woken through /dev/xen/evtchn), its
 * reply on the ring, and the read(2)s that take it: with one vCPU a region
 * holds all of it, xenstored's part too. The bench root's /etc/rc starts
 * xenstored, then this; a request sent before xenstored serves dom0's ring
 * waits until it does, so the first row's probe is also the wait.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xenstore.h>

#include "lmbench.h"

#define READ_PATH "/bench/read"
#define WRITE_PATH "/bench/write"
#define TX_PATH "/bench/transaction"
#define DIR_PATH "/bench/directory"
#define VALUE "0123456789"
#define DIR_CHILDREN 4

static struct xs_handle *xs;

static bool write_value(xs_transaction_t t, const char *path)
{
	return xs_write(xs, t, path, VALUE, strlen(VALUE));
}

static bool read_value(void)
{
	unsigned int len;
	char *v = xs_read(xs, XBT_NULL, READ_PATH, &len);
	bool same = v && len == strlen(VALUE) && !memcmp(v, VALUE, len);

	free(v);
	return same;
}

/* Committed, with no one else writing: nothing to conflict with. */
static bool transaction(void)
{
	xs_transaction_t t = xs_transaction_start(xs);

	if (t == XBT_NULL)
		return false;
	if (!write_value(t, TX_PATH)) {
		xs_transaction_end(xs, t, true);
		return false;
	}
	return xs_transaction_end(xs, t, false);
}

static bool list_directory(void)
{
	unsigned int n = 0;
	char **names = xs_directory(xs, XBT_NULL, DIR_PATH, &n);

	free(names);
	return names && n == DIR_CHILDREN;
}

static void xs_read_row(void)
{
	read_value();
}

static void xs_write_row(void)
{
	write_value(XBT_NULL, WRITE_PATH);
}

static void transaction_row(void)
{
	transaction();
}

static void directory_row(void)
{
	list_directory();
}

/* Natively there is no /dev/xen/xenbus: every row reads n/a, as the domain rows do. */
static const char *store_open(void)
{
	if (!xs)
		xs = xs_open(0);
	return xs ? NULL : failed("no xenstore: xs_open");
}

static const char *prepare_read(void)
{
	const char *why = store_open();

	if (why)
		return why;
	if (!write_value(XBT_NULL, READ_PATH))
		return failed("xs_write " READ_PATH);
	return read_value() ? NULL : failed("xs_read " READ_PATH);
}

static const char *prepare_write(void)
{
	const char *why = store_open();

	if (why)
		return why;
	return write_value(XBT_NULL, WRITE_PATH) ? NULL : failed("xs_write " WRITE_PATH);
}

static const char *prepare_transaction(void)
{
	const char *why = store_open();

	if (why)
		return why;
	return transaction() ? NULL : failed("transaction on " TX_PATH);
}

static const char *prepare_directory(void)
{
	static const char *const children[DIR_CHILDREN] = {
		DIR_PATH "/a", DIR_PATH "/b", DIR_PATH "/c", DIR_PATH "/d",
	};
	const char *why = store_open();

	if (why)
		return why;
	for (int i = 0; i < DIR_CHILDREN; i++)
		if (!write_value(XBT_NULL, children[i]))
			return failed("xs_write under " DIR_PATH);
	return list_directory() ? NULL : failed("xs_directory " DIR_PATH);
}

/* The console writes all of a line at once: print.c hands over whole lines. */
void bench_write(const char *s, unsigned long len)
{
	write(STDOUT_FILENO, s, len);
}

int main(void)
{
	static const struct bench_op xenstore_ops[] = {
		{ "xs_read", xs_read_row, prepare_read, 0, 0, 0, 0 },
		{ "xs_write", xs_write_row, prepare_write, 0, 0, 0, 0 },
		{ "xs_transaction", transaction_row, prepare_transaction, 0, 0, 0, 0 },
		{ "xs_directory", directory_row, prepare_directory, 0, 0, 0, 0 },
		{ 0 },
	};
	static const struct bench_op *const tables[] = { xenstore_ops, NULL };

	bench_run(tables);
	xs_close(xs);
	return 0;
}
