/* One designated initialiser indexed by XS_* type; empty slots, the
 * daemon-to-client types and XS_RESUME/XS_SET_TARGET (not implemented)
 * answer ENOSYS, as Xen answers types it does not know. */
#include <errno.h>
#include "dispatch.h"
#include "messages.h"

#define PRIV	(1u << 0)	/* dom0 only: EACCES for others */
#define NOTID	(1u << 1)	/* the transaction id is ignored */

static const struct {
	msg_handler *run;
	unsigned int flags;
} handlers[XS_TYPE_COUNT] = {
	[XS_CONTROL]		  = { msg_control, PRIV },
	[XS_DIRECTORY]		  = { msg_directory, 0 },
	[XS_READ]		  = { msg_read, 0 },
	[XS_GET_PERMS]		  = { msg_get_perms, 0 },
	[XS_WATCH]		  = { msg_watch, NOTID },
	[XS_UNWATCH]		  = { msg_unwatch, NOTID },
	[XS_TRANSACTION_START]	  = { msg_transaction_start, 0 },
	[XS_TRANSACTION_END]	  = { msg_transaction_end, 0 },
	[XS_INTRODUCE]		  = { msg_introduce, PRIV },
	[XS_RELEASE]		  = { msg_release, PRIV },
	[XS_GET_DOMAIN_PATH]	  = { msg_get_domain_path, 0 },
	[XS_WRITE]		  = { msg_write, 0 },
	[XS_MKDIR]		  = { msg_mkdir, 0 },
	[XS_RM]			  = { msg_rm, 0 },
	[XS_SET_PERMS]		  = { msg_set_perms, 0 },
	[XS_IS_DOMAIN_INTRODUCED] = { msg_is_domain_introduced, PRIV },
	[XS_RESET_WATCHES]	  = { msg_reset_watches, NOTID },
	[XS_DIRECTORY_PART]	  = { msg_directory_part, 0 },
};

static int run(struct xs_conn *c, const struct xs_request *req)
{
	uint32_t type = req->hdr->type, tx_id = req->hdr->tx_id;
	int rc;

	if (type >= XS_TYPE_COUNT || !handlers[type].run)
		return ENOSYS;
	if ((handlers[type].flags & PRIV) && !c->privileged)
		return EACCES;
	if (!(handlers[type].flags & NOTID) && tx_id) {
		c->tx = conn_find_tx(c, tx_id);
		if (!c->tx)
			return ENOENT;
	}
	rc = handlers[type].run(c, req);
	c->tx = NULL;
	return rc;
}

void dispatch(struct xs_conn *c, const struct xsd_sockmsg *hdr,
	      const char *payload)
{
	struct xs_request req = { hdr, payload, hdr->len };
	int rc = run(c, &req);

	if (rc)
		reply_error(c, &req, rc);
}
