/* The device table and /dev. Numbers and modes are Linux's. */
#include "arch.h"
#include "dev.h"
#include "errno.h"
#include "file.h"
#include "lib.h"
#include "path.h"
#include "printk.h"

static const struct device devices[] = {
	{ "null", DEV_NUMBER(1, 3), 0666, &null_ops },
	{ "console", DEV_NUMBER(5, 1), 0600, &console_ops },
};

/* The i-th device: the generic ones, then the port's; NULL past the last. */
static const struct device *device_at(unsigned i)
{
	const struct device *port = arch_devices();

	if (i < ARRAY_SIZE(devices))
		return &devices[i];
	for (i -= ARRAY_SIZE(devices); port->name; port++)
		if (!i--)
			return port;
	return NULL;
}

void dev_init(void)
{
	const struct device *d;
	char path[32];
	struct rnode *n;

	for (unsigned i = 0; (d = device_at(i)); i++) {
		snprintf(path, sizeof(path), "/dev/%s", d->name);
		if (path_make(path, S_IFCHR | d->mode, &n))
			panic("cannot make %s", path);
		n->rdev = d->number;
	}
}

/* A node whose number no driver has: ENXIO, as on Linux. */
int dev_open(struct rnode *n, int flags, struct file **out)
{
	const struct device *d;
	int rc;

	for (unsigned i = 0; (d = device_at(i)); i++) {
		if (d->number != n->rdev)
			continue;
		*out = file_alloc(d->ops, n, flags);
		if (!*out)
			return -ENOMEM;
		rc = d->ops->open ? d->ops->open(*out) : 0;
		if (rc)
			file_put(*out);
		return rc;
	}
	return -ENXIO;
}
