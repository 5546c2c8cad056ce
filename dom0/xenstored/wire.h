/* xen/io/xs_wire.h with what it needs in front: <stdint.h> for its types,
 * and <errno.h>, without which it leaves out its xsd_errors table. */
#ifndef XENSTORED_WIRE_H
#define XENSTORED_WIRE_H

#include <errno.h>
#include <stdint.h>
#include <xen/io/xs_wire.h>

#endif
