#include <stdlib.h>
#include <string.h>
#include "event.h"

struct xs_event *event_new(const char *path, bool exact,
			   const struct xs_node *node)
{
	struct xs_event *e = calloc(1, sizeof(*e));

	if (!e)
		return NULL;
	e->path = strdup(path);
	e->exact = exact;
	if (node) {
		e->perms = malloc(node->nperms * sizeof(*e->perms));
		if (e->perms) {
			memcpy(e->perms, node->perms,
			       node->nperms * sizeof(*e->perms));
			e->nperms = node->nperms;
		}
	}
	if (!e->path || (node && !e->perms)) {
		event_free(e);
		return NULL;
	}
	return e;
}

void event_free(struct xs_event *e)
{
	if (!e)
		return;
	free(e->path);
	free(e->perms);
	free(e);
}
