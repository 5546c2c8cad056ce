/* Xen's error numbers under their usual names (EINVAL ...), taken from the
 * public header the way it invites: by supplying XEN_ERRNO(). __XEN__ is
 * defined around it for ERESTART, which Xen keeps internal: it marks a
 * hypercall continuation and never reaches a guest. */
#ifndef XENITH_ERRNO_H
#define XENITH_ERRNO_H

#ifndef __XEN__
#define __XEN__
#define XENITH_UNDEF_XEN
#endif

enum xen_errno_names {
#define XEN_ERRNO(name, value) name = value,
#include <xen/errno.h>
};

#ifdef XENITH_UNDEF_XEN
#undef __XEN__
#undef XENITH_UNDEF_XEN
#endif

#endif
