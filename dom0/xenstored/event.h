/* A change to the store that watches may have to hear of: fired at once,
 * or at commit for a change made in a transaction. */
#ifndef XENSTORED_EVENT_H
#define XENSTORED_EVENT_H

#include <stdbool.h>
#include "node.h"

struct xs_event {
	struct xs_event *next;
	char *path;
	/* Only watches on path itself fire: a node removed below the one a
	 * request removed (Xen's watch_exact). */
	bool exact;
	/* The node's permissions when it changed: a watcher who could read
	 * it then hears of it, even if a removal or new permissions would
	 * now hide it. */
	struct xs_permissions *perms;
	unsigned int nperms;
};

/* NULL if memory is short: the event is then lost, as in Xen. */
struct xs_event *event_new(const char *path, bool exact,
			   const struct xs_node *node);
void event_free(struct xs_event *e);

#endif
