/*
 * A domU's control/shutdown node, which the toolstack writes to ask it to
 * go ("xl shutdown"): "poweroff" and "halt" power it off, "reboot" reboots
 * it, as Linux's manage.c has them. The request is acknowledged by writing
 * the node empty before acting, so that the toolstack sees it was taken;
 * anything else (a "suspend" this kernel cannot do) is left unanswered.
 */
#include "arch.h"
#include "lib.h"
#include "printk.h"
#include "xenbus.h"

static const char node[] = "control/shutdown";
static char request[16];

static void act(void *arg, const struct xsd_sockmsg *hdr, const char *body)
{
	(void)arg;
	(void)hdr;
	(void)body;
	printk("xenbus: shutdown requested: %s\n", request);
	if (!strcmp(request, "reboot"))
		arch_reboot();
	arch_poweroff();
}

/* The node's path and an empty value: XS_WRITE's "path\0value". */
static void acknowledge(void)
{
	struct xsd_sockmsg hdr = { .type = XS_WRITE, .len = sizeof(node) };

	if (xenbus_send(&hdr, node, act, NULL))
		act(NULL, &hdr, node);
}

static void read_done(void *arg, const struct xsd_sockmsg *hdr, const char *body)
{
	(void)arg;
	if (hdr->type != XS_READ || !hdr->len || hdr->len >= sizeof(request))
		return;
	memcpy(request, body, hdr->len);
	request[hdr->len] = '\0';
	if (!strcmp(request, "poweroff") || !strcmp(request, "halt") ||
	    !strcmp(request, "reboot"))
		acknowledge();
	else
		printk("xenbus: shutdown request '%s' ignored\n", request);
}

static void changed(struct xenbus_watch *w, const char *path)
{
	struct xsd_sockmsg hdr = { .type = XS_READ, .len = sizeof(node) };

	(void)w;
	(void)path;
	xenbus_send(&hdr, node, read_done, NULL);
}

static struct xenbus_watch shutdown_watch = { .fire = changed };

void control_start(void)
{
	xenbus_watch(&shutdown_watch, node);
}
