/*
 * The guest kernel as a 16 MiB domU, issue 5's "create to login prompt":
 * from XEN_DOMCTL_createdomain to the kernel's first console line, and to
 * its shell's prompt, each as dom0's console backend gets it; dom0 ends
 * the region then. The kernel (guest-kernel-pv.elf) and its root (sh.cpio,
 * whose init starts the shell on the console, as make run's guests boot)
 * are files of the second boot module beside the peer image (bench.mk).
 */
#include "peer.h"
#include "pv.h"
#include "string.h"

/* The shell's prompt on a terminal (guest-kernel/user/sh/). */
#define PROMPT "# "

static struct peer kernel;
static const char *failure;

static bool first_line(struct peer *p, unsigned int n)
{
	(void)n;
	return p->lines || p->shut_down;
}

/* The prompt ends without a newline: it is all the line the backend holds. */
static bool prompt(struct peer *p, unsigned int n)
{
	(void)n;
	return (p->cons.len == strlen(PROMPT) && !strncmp(p->cons.line, PROMPT, p->cons.len)) ||
	       p->shut_down;
}

static uint64_t to_first_line(void)
{
	return domu_create_once(&kernel, "console=hvc0", first_line, &failure);
}

static uint64_t to_prompt(void)
{
	return domu_create_once(&kernel, "console=hvc0", prompt, &failure);
}

/* Finds the kernel and its root, then creates it once, as a probe. */
static const char *prepare(uint64_t (*create)(void))
{
	kernel.image = bundle_file("kernel", &kernel.image_len);
	kernel.domu.ramdisk = bundle_file("ramdisk", &kernel.domu.ramdisk_len);
	if (!kernel.image || !kernel.domu.ramdisk)
		return why("no guest kernel and root in the boot module");
	create();
	return failure;
}

static const char *prepare_first_line(void)
{
	return prepare(to_first_line);
}

static const char *prepare_prompt(void)
{
	return prepare(to_prompt);
}

const struct bench_op pv_login_ops[] = {
	{ "domain_create_kernel", 0, prepare_first_line, 0, to_first_line, CREATIONS, 0 },
	{ "domain_create_prompt", 0, prepare_prompt, 0, to_prompt, CREATIONS, 0 },
	{ 0 },
};
