/* xl's commands, one function each: 0 on success, else xl's exit status. */
#ifndef XL_CMD_H
#define XL_CMD_H

#include <stdbool.h>
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
int xl_shutdown(xc_interface *xch, char **argv);

int xl_console(xc_interface *xch, char **argv);
/* Attaches to domid's console until Ctrl-] or the domain shuts down. */
int xl_console_attach(xc_interface *xch, uint32_t domid);

/* xenstore (xl_store.c): a new domain's entries, written and introduced;
 * a node below /local/domain/ID read (malloc'd; NULL if absent) or
 * written; the domain's entries removed. */
struct domu;
int xl_store_introduce(const struct domu *d, const char *name, unsigned memory_mib);
char *xl_store_read(uint32_t domid, const char *node);
bool xl_store_write(uint32_t domid, const char *node, const char *value);
void xl_store_forget(uint32_t domid);
/* The connection, opened on first use; NULL (said on stderr) if none. */
struct xs_handle *xl_store(void);

/* The domain cfg describes, built, in xenstore and running (xl_create.c);
 * its id, or -1 with the reason said. */
struct xl_domain_config;
long xl_create_domain(const struct xl_domain_config *cfg);
/* xl's per-domain daemon (xl_monitor.c): a child that applies cfg's
 * on_poweroff, on_reboot and on_crash when domid stops; the caller goes
 * on at once. monitor_check warns of actions done another way. */
void xl_monitor_start(xc_interface *xch, const struct xl_domain_config *cfg, uint32_t domid);
void xl_monitor_check(const char *file, const struct xl_domain_config *cfg);
/* In a new process: a connection of its own from the next use on. */
void xl_store_reopen(void);

/* A domain's state from getdomaininfo (xl_domain.c): XL_DOMAIN_GONE (gone
 * or dying), XL_DOMAIN_RUNNING, or the SHUTDOWN_* reason it stopped for. */
#define XL_DOMAIN_RUNNING (-1)
#define XL_DOMAIN_GONE (-2)
int xl_domain_state(xc_interface *xch, uint32_t domid);
/* Destroys the domain and removes its xenstore entries. */
void xl_domain_remove(xc_interface *xch, uint32_t domid);

/* Parses a domain id, saying what is wrong with it if it is not one. */
int xl_domid(const char *arg, uint32_t *domid);

#endif
