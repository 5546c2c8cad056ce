/* libxenstore's helpers shared with the daemon, under the names and types
 * of Xen's xenstore_lib.h (tools/include/xenstore_lib.h), so that dom0 tools
 * written for Xen build against it unchanged. The wire structures come from
 * xen/io/xs_wire.h; struct xs_permissions is Xen's library type, not part
 * of the public ABI headers, so it is declared here with Xen's layout. */
#ifndef XENSTORE_LIB_H
#define XENSTORE_LIB_H

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xen/io/xs_wire.h>

struct xs_permissions {
	unsigned int id;
	unsigned int perms;	/* XS_PERM_* bits */
#define XS_PERM_NONE		0x00
#define XS_PERM_READ		0x01
#define XS_PERM_WRITE		0x02
	/* The daemon's own, as in Xen: may set permissions. */
#define XS_PERM_OWNER		0x08
};

/* Room for an unsigned integer in decimal, as Xen sizes it. */
#define MAX_STRLEN(x) ((sizeof(x) * CHAR_BIT + CHAR_BIT - 1) / 10 * 3 + 2)

/* The daemon's socket: $XENSTORED_PATH, else $XENSTORED_RUNDIR/socket,
 * else /run/xenstored/socket. */
const char *xs_daemon_rundir(void);
const char *xs_daemon_socket(void);

/* Parses num permission strings ("r5", "w0", "b3", "n1"), NUL-separated.
 * False with errno EINVAL on a malformed one. */
bool xs_strings_to_perms(struct xs_permissions *perms, unsigned int num,
			 const char *strings);

/* Xenith additions (Xen keeps these internal to its daemon). */

/* One permission as its wire string; false if buf_len is too small. */
bool xs_perm_to_string(const struct xs_permissions *perm, char *buffer,
		       size_t buf_len);

/* A decimal number up to max, digits only (no sign, space or base). */
bool xs_parse_ulong(const char *s, unsigned long max, unsigned long *value);
bool xs_parse_uint(const char *s, unsigned int max, unsigned int *value);

/* An xsd_errors name ("ENOENT") and its errno value, both ways: EINVAL's
 * for one the table lacks, as Xen's daemon and library do. */
const char *xs_error_name(int errnum);
int xs_error_number(const char *name);

/* The number of NUL-terminated strings in a payload of len bytes. */
unsigned int xs_count_strings(const char *strings, unsigned int len);

#endif
