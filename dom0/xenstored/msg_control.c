/* XS_CONTROL (xenstore-control), dom0 only: a few of Xen's commands. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "messages.h"

typedef int command(struct xs_conn *c, const struct xs_request *req,
		    const char *const *args, unsigned int nargs);

/* Writes a line to the daemon's log: a marker in a test run. */
static int print(struct xs_conn *c, const struct xs_request *req,
		 const char *const *args, unsigned int nargs)
{
	if (nargs != 1)
		return EINVAL;
	daemon_log(c->daemon, "control: %s", args[0]);
	return reply_ok(c, req);
}

static int quota(struct xs_conn *c, const struct xs_request *req,
		 const char *const *args, unsigned int nargs)
{
	const struct xs_quotas *q = &c->daemon->quotas;
	char text[256];

	(void)args;
	if (nargs)
		return EINVAL;
	snprintf(text, sizeof(text),
		 "nodes: %u\nnode-size: %u\nwatches: %u\ntransactions: %u\n"
		 "node-permissions: %u\ntransaction-nodes: %u\n",
		 q->nodes, q->node_size, q->watches, q->transactions, q->perms,
		 q->tx_nodes);
	return reply_string(c, req, text);
}

static command help;

static const struct {
	const char *name;
	const char *usage;
	command *run;
} commands[] = {
	{ "help", "", help },
	{ "print", "<string>", print },
	{ "quota", "", quota },
};

#define NR_COMMANDS (sizeof(commands) / sizeof(commands[0]))
#define MAX_ARGS 8

static int help(struct xs_conn *c, const struct xs_request *req,
		const char *const *args, unsigned int nargs)
{
	char text[256];
	unsigned int i, len = 0;

	(void)args;
	if (nargs)
		return EINVAL;
	for (i = 0; i < NR_COMMANDS; i++)
		len += (unsigned int)snprintf(text + len, sizeof(text) - len,
					      "%-8s%s\n", commands[i].name,
					      commands[i].usage);
	return reply_string(c, req, text);
}

/* command, NUL, then its arguments, each with its NUL. */
int msg_control(struct xs_conn *c, const struct xs_request *req)
{
	const char *vec[MAX_ARGS + 1];
	unsigned int n = req_strings(req, vec, MAX_ARGS + 1), i;

	if (!n || n > MAX_ARGS + 1)
		return EINVAL;
	for (i = 0; i < NR_COMMANDS; i++)
		if (!strcmp(vec[0], commands[i].name))
			return commands[i].run(c, req, vec + 1, n - 1);
	return EINVAL;
}
