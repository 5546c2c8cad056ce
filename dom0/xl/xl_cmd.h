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
 * domain shuts down. */
int xl_console_attach(xc_interface *xch, uint32_t domid, xen_pfn_t mfn);

/* The name and console frame of a domain xl made (xl_state.c); recall
 * gives -1 for one it did not make. */
void xl_domain_remember(uint32_t domid, const char *name, xen_pfn_t console_mfn);
int xl_domain_recall(uint32_t domid, char *name, size_t size, unsigned long *console_mfn);
void xl_domain_forget(uint32_t domid);

/* Parses a domain id, saying what is wrong with it if it is not one. */
int xl_domid(const char *arg, uint32_t *domid);

#endif
