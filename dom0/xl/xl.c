/*
 * xl, dom0's toolstack command: list, info, pause, unpause, destroy and
 * shutdown by domain id, create from an xl.cfg file, and console (Ctrl-]
 * detaches). Names, consoles and shutdown requests go through xenstore:
 * xenstored must run in domain 0 (its /etc/rc starts it).
 * Each error is one line on stderr; the exit status is 1 then, 2 for a
 * usage error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xg_env.h"
#include "xl_cmd.h"

static const struct xl_cmd cmds[] = {
	{ "list", "", 0, 0, xl_list },
	{ "info", "", 0, 0, xl_info },
	{ "pause", "DOMID", 1, 1, xl_pause },
	{ "unpause", "DOMID", 1, 1, xl_unpause },
	{ "destroy", "DOMID", 1, 1, xl_destroy },
	{ "shutdown", "[-w] -a|DOMID", 1, 3, xl_shutdown },
	{ "create", "[-c] FILE", 1, 2, xl_create },
	{ "console", "DOMID", 1, 1, xl_console },
};

static int usage(void)
{
	fprintf(stderr, "usage: xl [-v] COMMAND [ARGS]; commands:");
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(stderr, " %s%s%s", cmds[i].name, *cmds[i].args ? " " : "", cmds[i].args);
	fprintf(stderr, "\n");
	return 2;
}

int main(int argc, char **argv)
{
	const struct xl_cmd *cmd = NULL;
	xc_interface *xch;
	int rc;

	/* xl -v: the domain builder says what each step got. */
	if (argc > 1 && !strcmp(argv[1], "-v")) {
		xg_verbose = true;
		argv++, argc--;
	}
	for (size_t i = 0; argc > 1 && i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(argv[1], cmds[i].name))
			cmd = &cmds[i];
	if (!cmd || argc - 2 < cmd->min_args || argc - 2 > cmd->max_args)
		return usage();
	xch = xc_interface_open(NULL, NULL, 0);
	if (!xch) {
		fprintf(stderr, "xl: cannot open /dev/xen/privcmd: %s (not domain 0?)\n",
			strerror(errno));
		return 1;
	}
	rc = cmd->run(xch, argv + 2);
	xc_interface_close(xch);
	return rc;
}

/* A domain id as xl takes it: decimal, below DOMID_FIRST_RESERVED. */
int xl_domid(const char *arg, uint32_t *domid)
{
	char *end;
	unsigned long v = strtoul(arg, &end, 10);

	if (!*arg || *end || v >= DOMID_FIRST_RESERVED) {
		fprintf(stderr, "xl: '%s' is not a domain id\n", arg);
		return -1;
	}
	*domid = (uint32_t)v;
	return 0;
}
