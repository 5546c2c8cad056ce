/* xl's commands, one function each: 0 on success, else xl's exit status. */
#ifndef XL_CMD_H
#define XL_CMD_H

#include "xc.h"

struct xl_cmd {
	const char *name, *args;
	int min_args, max_args;
	int (*run)(xc_interface *xch, char **argv);
};

int xl_list(xc_interface *xch, char **argv);
int xl_info(xc_interface *xch, char **argv);
int xl_pause(xc_interface *xch, char **argv);
int xl_unpause(xc_interface *xch, char **argv);
int xl_destroy(xc_interface *xch, char **argv);
int xl_create(xc_interface *xch, char **argv);

int xl_console(xc_interface *xch, char **argv);
/* Attaches to domid's console, its ring at frame mfn, until Ctrl-] or the
 * domain shuts down; remembers where a new domain's ring is. */
int xl_console_attach(xc_interface *xch, uint32_t domid, xen_pfn_t mfn);
void xl_console_remember(uint32_t domid, xen_pfn_t mfn);

/* Parses a domain id, saying what is wrong with it if it is not one. */
int xl_domid(const char *arg, uint32_t *domid);

#endif
