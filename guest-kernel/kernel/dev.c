/* The device table and /dev. Numbers and modes are Linux's. */
#include "dev.h"
#include "errno.h"
#include "file.h"
#include "lib.h"
#include "path.h"
#include "printk.h"

struct device {
	const char *name;
	uint32_t number, mode;
	const struct file_ops *ops;
};

static const struct device devices[] = {
	{ "null", DEV_NUMBER(1, 3), 0666, &null_ops },
	{ "console", DEV_NUMBER(5, 1), 0600, &console_ops },
};

void dev_init(void)
{
	char path[32];
	struct rnode *n;

	for (unsigned i = 0; i < ARRAY_SIZE(devices); i++) {
		snprintf(path, sizeof(path), "/dev/%s", devices[i].name);
		if (path_make(path, S_IFCHR | devices[i].mode, &n))
			panic("cannot make %s", path);
		n->rdev = devices[i].number;
	}
}

/* A node whose number no driver has: ENXIO, as on Linux. */
int dev_open(struct rnode *n, int flags, struct file **out)
{
	for (unsigned i = 0; i < ARRAY_SIZE(devices); i++) {
		if (devices[i].number != n->rdev)
			continue;
		*out = file_alloc(devices[i].ops, n, flags);
		return *out ? 0 : -ENOMEM;
	}
	return -ENXIO;
}
