/* The handler of each message type (dispatch.c's table), one file per
 * family: msg_node.c, msg_perms.c, msg_watch.c, msg_transaction.c,
 * msg_domain.c, msg_control.c. */
#ifndef XENSTORED_MESSAGES_H
#define XENSTORED_MESSAGES_H

#include "request.h"

typedef int msg_handler(struct xs_conn *c, const struct xs_request *req);

msg_handler msg_directory, msg_directory_part, msg_read, msg_write,
	msg_mkdir, msg_rm;
msg_handler msg_get_perms, msg_set_perms;
msg_handler msg_watch, msg_unwatch, msg_reset_watches;
msg_handler msg_transaction_start, msg_transaction_end;
msg_handler msg_introduce, msg_release, msg_get_domain_path,
	msg_is_domain_introduced;
msg_handler msg_control;

#endif
