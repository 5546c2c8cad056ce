/* The guest consoles xenconsoled serves: each domain's console ring
 * (io/console.h) and channel, whose output goes to its log. */
#ifndef XENCONSOLED_CONSOLES_H
#define XENCONSOLED_CONSOLES_H

#include <stdbool.h>
#include <stdint.h>
#include <xc.h>

struct xs_handle;

struct consoles {
	xc_interface *xch;
	struct xs_handle *xsh;
	int evtchn_fd;
	struct console *list;
};

/* Serves the domains that have console entries in xenstore and forgets
 * those that are gone: what @introduceDomain and @releaseDomain call. */
void consoles_scan(struct consoles *cs);
/* Drains the console whose channel is local_port into its log. */
void consoles_service(struct consoles *cs, uint32_t local_port);

#endif
