#ifndef XENITH_SETUP_H
#define XENITH_SETUP_H
/* The hypervisor's command line, as the boot loader gave it. */
extern char hypervisor_cmdline[1024];
/* The value of `name=` on the command line, or NULL. */
const char *cmdline_option(const char *name, char *buf, unsigned long size);
#endif
