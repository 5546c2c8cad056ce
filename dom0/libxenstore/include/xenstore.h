/* libxenstore: the client API of Xen's xenstore.h (tools/include/xenstore.h),
 * with the same names, types and semantics, for dom0 tools. It talks to the
 * daemon over its Unix socket (xs_daemon_socket()) or, where that does not
 * exist, over a xenbus device file, speaking xen/io/xs_wire.h.
 *
 * On failure, functions set errno to the daemon's error (ENOENT, EACCES,
 * EAGAIN, ...) or to the local one. Everything returned is one malloc()ed
 * block: free() it once.
 *
 * A handle serves one thread at a time. Differences from Xen's library,
 * which runs a reader thread:
 * - Requests and watches use two connections to the daemon, so that a reply
 *   is never stuck behind unread watch events. xs_fileno() is the watch
 *   connection's descriptor: it is readable when an event waits there. An
 *   event that arrived while xs_watch() or xs_unwatch() waited for its own
 *   reply is kept in the handle; after those two calls, drain with
 *   xs_check_watch() before polling again.
 * - xs_unwatch() always drops the events it kept for the watch it removes,
 *   as Xen does only with XS_UNWATCH_FILTER. */
#ifndef XENSTORE_H
#define XENSTORE_H

#include <xenstore_lib.h>

#define XBT_NULL 0

/* Accepted and ignored, as in Xen. */
#define XS_OPEN_READONLY	(1UL << 0)
#define XS_OPEN_SOCKETONLY	(1UL << 1)
#define XS_UNWATCH_FILTER	(1UL << 2)

struct xs_handle;
typedef uint32_t xs_transaction_t;

struct xs_handle *xs_open(unsigned long flags);
void xs_close(struct xs_handle *xsh /* NULL ok */);

/* Names of path's children; *num is their count. */
char **xs_directory(struct xs_handle *h, xs_transaction_t t,
		    const char *path, unsigned int *num);

/* path's value, NUL-terminated; *len excludes the terminator. */
void *xs_read(struct xs_handle *h, xs_transaction_t t,
	      const char *path, unsigned int *len);

bool xs_write(struct xs_handle *h, xs_transaction_t t,
	      const char *path, const void *data, unsigned int len);

/* Succeeds if path already exists. */
bool xs_mkdir(struct xs_handle *h, xs_transaction_t t, const char *path);

/* Removes path and its children. */
bool xs_rm(struct xs_handle *h, xs_transaction_t t, const char *path);

/* perms[0] is the owner and the permissions of every domain not listed
 * after it. */
struct xs_permissions *xs_get_permissions(struct xs_handle *h,
					  xs_transaction_t t,
					  const char *path, unsigned int *num);
bool xs_set_permissions(struct xs_handle *h, xs_transaction_t t,
			const char *path, struct xs_permissions *perms,
			unsigned int num_perms);

/* Watches path and everything below it; the daemon fires once at once. */
bool xs_watch(struct xs_handle *h, const char *path, const char *token);
bool xs_unwatch(struct xs_handle *h, const char *path, const char *token);
int xs_fileno(struct xs_handle *h);
/* Whether child is parent or below it, by the strings alone. */
bool xs_path_is_subpath(const char *parent, const char *child);

/* The next event as {path, token} (index XS_WATCH_PATH, XS_WATCH_TOKEN):
 * xs_read_watch() blocks for it, xs_check_watch() fails with EAGAIN. */
char **xs_read_watch(struct xs_handle *h, unsigned int *num);
char **xs_check_watch(struct xs_handle *h);

/* XBT_NULL on failure. Ending with abort false fails with EAGAIN when
 * another change got in the way: start again. */
xs_transaction_t xs_transaction_start(struct xs_handle *h);
bool xs_transaction_end(struct xs_handle *h, xs_transaction_t t, bool abort);

bool xs_introduce_domain(struct xs_handle *h, unsigned int domid,
			 unsigned long mfn, unsigned int eventchn);
bool xs_release_domain(struct xs_handle *h, unsigned int domid);
char *xs_get_domain_path(struct xs_handle *h, unsigned int domid);
bool xs_is_domain_introduced(struct xs_handle *h, unsigned int domid);

#endif
