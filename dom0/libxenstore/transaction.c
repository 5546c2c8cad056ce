/* xs_transaction_start and xs_transaction_end. */
#include <stdlib.h>
#include "handle.h"

xs_transaction_t xs_transaction_start(struct xs_handle *h)
{
	char *id = talk(h, &h->req, XBT_NULL, XS_TRANSACTION_START, "", 1, NULL);
	unsigned long t = XBT_NULL;

	if (id && !xs_parse_ulong(id, UINT32_MAX, &t))
		errno = EBADMSG;
	free(id);
	return (xs_transaction_t)t;
}

bool xs_transaction_end(struct xs_handle *h, xs_transaction_t t, bool abort)
{
	return talk_ok(h, &h->req, t, XS_TRANSACTION_END, abort ? "F" : "T", 2);
}
