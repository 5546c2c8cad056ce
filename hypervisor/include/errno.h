/* Xen's error numbers under their usual names (EINVAL ...), taken from the
 * public header the way it invites: by supplying XEN_ERRNO(). */
#ifndef XENITH_ERRNO_H
#define XENITH_ERRNO_H

enum xen_errno_names {
#define XEN_ERRNO(name, value) name = value,
#include <xen/errno.h>
};

#endif
