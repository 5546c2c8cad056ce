/*
 * What xl keeps in xenstore for the domains it makes, laid out as libxl
 * lays it out under /local/domain/ID: name, domid, memory/target, the
 * console's ring-ref (a PV console's frame) and port, the store's, an
 * empty control/shutdown and data that the domain owns, read-only the
 * rest. The entries go in one transaction, and the domain is introduced
 * to xenstored before it first runs. There is no /vm/UUID tree: nothing
 * here reads it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xenstore.h>

#include "builder.h"
#include "xl_cmd.h"

static struct xs_handle *xsh;

static struct xs_handle *store(void)
{
	if (!xsh && !(xsh = xs_open(0)))
		fprintf(stderr, "xl: cannot reach xenstored: %s\n", strerror(errno));
	return xsh;
}

static void dom_path(uint32_t domid, const char *node, char *path, size_t size)
{
	snprintf(path, size, "/local/domain/%u%s%s", domid, *node ? "/" : "", node);
}

/* dom0 owns it and the domain may read it; or the domain owns it. */
static bool put(xs_transaction_t t, uint32_t domid, const char *node, const char *value,
		bool domain_owns)
{
	struct xs_permissions ro[2] = { { 0, XS_PERM_NONE }, { domid, XS_PERM_READ } };
	struct xs_permissions rw[1] = { { domid, XS_PERM_NONE } };
	char path[96];

	dom_path(domid, node, path, sizeof(path));
	return xs_write(store(), t, path, value, strlen(value)) &&
	       xs_set_permissions(store(), t, path, domain_owns ? rw : ro, domain_owns ? 1 : 2);
}

static bool put_entries(xs_transaction_t t, const struct domu *d, const char *name,
			unsigned memory_mib)
{
	char domid[12], kib[24], console_mfn[24], store_mfn[24], console_port[12],
		store_port[12];

	snprintf(domid, sizeof(domid), "%u", d->domid);
	snprintf(kib, sizeof(kib), "%u", memory_mib * 1024);
	snprintf(console_mfn, sizeof(console_mfn), "%lu", (unsigned long)d->p2m[d->layout.console]);
	snprintf(store_mfn, sizeof(store_mfn), "%lu", (unsigned long)d->p2m[d->layout.xenstore]);
	snprintf(console_port, sizeof(console_port), "%u", d->console_port);
	snprintf(store_port, sizeof(store_port), "%u", d->store_port);
	return put(t, d->domid, "", "", false) && put(t, d->domid, "name", name, false) &&
	       put(t, d->domid, "domid", domid, false) &&
	       put(t, d->domid, "memory", "", false) &&
	       put(t, d->domid, "memory/target", kib, false) &&
	       put(t, d->domid, "console", "", false) &&
	       put(t, d->domid, "console/ring-ref", console_mfn, false) &&
	       put(t, d->domid, "console/port", console_port, false) &&
	       put(t, d->domid, "console/type", "xenconsoled", false) &&
	       put(t, d->domid, "store", "", false) &&
	       put(t, d->domid, "store/ring-ref", store_mfn, false) &&
	       put(t, d->domid, "store/port", store_port, false) &&
	       put(t, d->domid, "control", "", false) &&
	       put(t, d->domid, "control/shutdown", "", true) &&
	       put(t, d->domid, "data", "", true) && put(t, d->domid, "device", "", false);
}

/* Retried while xenstored says another transaction got in first. */
static bool write_entries(const struct domu *d, const char *name, unsigned memory_mib)
{
	for (;;) {
		xs_transaction_t t = xs_transaction_start(store());
		bool ok;

		if (!t)
			return false;
		ok = put_entries(t, d, name, memory_mib);
		if (xs_transaction_end(store(), t, !ok))
			return ok;
		if (!ok || errno != EAGAIN)
			return false;
	}
}

int xl_store_introduce(const struct domu *d, const char *name, unsigned memory_mib)
{
	if (!store())
		return -1;
	if (!write_entries(d, name, memory_mib) ||
	    !xs_introduce_domain(store(), d->domid, d->p2m[d->layout.xenstore], d->store_port)) {
		fprintf(stderr, "xl: xenstore entries of domain %u: %s\n", d->domid,
			strerror(errno));
		return -1;
	}
	return 0;
}

char *xl_store_read(uint32_t domid, const char *node)
{
	char path[96];
	unsigned int len;

	dom_path(domid, node, path, sizeof(path));
	return store() ? xs_read(store(), XBT_NULL, path, &len) : NULL;
}

bool xl_store_write(uint32_t domid, const char *node, const char *value)
{
	char path[96];

	dom_path(domid, node, path, sizeof(path));
	return store() && xs_write(store(), XBT_NULL, path, value, strlen(value));
}

void xl_store_forget(uint32_t domid)
{
	char path[96];

	dom_path(domid, "", path, sizeof(path));
	if (store())
		xs_rm(store(), XBT_NULL, path);
}

struct xs_handle *xl_store(void)
{
	return store();
}

/* Requests and replies on one file cannot be shared between processes. */
void xl_store_reopen(void)
{
	xs_close(xsh);
	xsh = NULL;
}
