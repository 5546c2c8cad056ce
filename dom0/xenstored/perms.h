/* What a domain may do with a node, by Xen's rules (perm_for_conn()). */
#ifndef XENSTORED_PERMS_H
#define XENSTORED_PERMS_H

#include <stdbool.h>
#include <xenstore_lib.h>

/* XS_PERM_READ, XS_PERM_WRITE and XS_PERM_OWNER bits: all of them for a
 * privileged domain or the owner (perms[0].id); else the first entry
 * after perms[0] naming the domain; else perms[0]'s bits. */
unsigned int perms_for(unsigned int domid, bool privileged,
		       const struct xs_permissions *perms, unsigned int nperms);

#endif
