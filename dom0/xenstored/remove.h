/* Removing a node and everything below it, as XS_RM does. */
#ifndef XENSTORED_REMOVE_H
#define XENSTORED_REMOVE_H

#include "conn.h"

/* The caller checked c may write path, which exists and is not "/". Each
 * node removed fires its watches, from the deepest up, as in Xen: those
 * below path only watches on themselves. */
int remove_node(struct xs_conn *c, const char *path);

#endif
