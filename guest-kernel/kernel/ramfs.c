/* The RAM filesystem's tree: nodes, their names and their lifetimes. */
#include "arch.h"
#include "clock.h"
#include "errno.h"
#include "heap.h"
#include "lib.h"
#include "ramfs.h"

/* Cookies 0 and 1 are getdents64's "." and "..". */
#define FIRST_COOKIE 2

static struct rnode root = { .name = "", .mode = S_IFDIR | 0755, .ino = 1,
			     .next_cookie = FIRST_COOKIE };
static unsigned long next_ino = 2;

void ramfs_init(void)
{
	root.parent = &root;
	root.mtime = arch_realtime_ns() / NSEC_PER_SEC;
}

struct rnode *ramfs_root(void)
{
	return &root;
}

bool ramfs_linked(const struct rnode *n)
{
	return n->parent != NULL;
}

struct rnode *ramfs_step(struct rnode *dir, const char *name, size_t n)
{
	if (!S_ISDIR(dir->mode))
		return NULL;
	if (n == 1 && name[0] == '.')
		return dir;
	if (n == 2 && !strncmp(name, "..", 2))
		return dir->parent;
	ramfs_refresh(dir);
	for (struct rnode *c = dir->children; c; c = c->next_sibling)
		if (strlen(c->name) == n && !strncmp(c->name, name, n))
			return c;
	return NULL;
}

void ramfs_refresh(struct rnode *dir)
{
	if (dir->synth && dir->synth->refresh)
		dir->synth->refresh(dir);
}

static struct rnode *node_new(const char *name, size_t n, uint32_t mode)
{
	struct rnode *c = kzalloc(sizeof(*c));

	if (!c || !(c->name = kmalloc(n + 1))) {
		kfree(c);
		return NULL;
	}
	memcpy(c->name, name, n);
	c->name[n] = '\0';
	c->mode = mode;
	c->ino = next_ino++;
	c->next_cookie = FIRST_COOKIE;
	c->mtime = arch_realtime_ns() / NSEC_PER_SEC;
	return c;
}

static void append_child(struct rnode *dir, struct rnode *c)
{
	struct rnode **link = &dir->children;

	while (*link)
		link = &(*link)->next_sibling;
	*link = c;
	c->parent = dir;
	c->cookie = dir->next_cookie++;
	dir->mtime = c->mtime;
}

int ramfs_add(struct rnode *dir, const char *name, size_t n, uint32_t mode,
	      struct rnode **out)
{
	struct rnode *c;

	if (n > NAME_MAX)
		return -ENAMETOOLONG;
	/* A removed directory takes no new entries, as on Linux. */
	if (!ramfs_linked(dir))
		return -ENOENT;
	c = node_new(name, n, mode);
	if (!c)
		return -ENOMEM;
	append_child(dir, c);
	*out = c;
	return 0;
}

struct rnode *ramfs_anon(uint32_t mode)
{
	return node_new("", 0, mode);
}

static void node_free(struct rnode *n)
{
	kfree(n->data);
	kfree(n->name);
	kfree(n);
}

void ramfs_unlink(struct rnode *n)
{
	struct rnode **link = &n->parent->children;

	while (*link != n)
		link = &(*link)->next_sibling;
	*link = n->next_sibling;
	n->parent->mtime = arch_realtime_ns() / NSEC_PER_SEC;
	n->parent = NULL;
	n->next_sibling = NULL;
	if (!n->refs)
		node_free(n);
}

struct rnode *ramfs_get(struct rnode *n)
{
	n->refs++;
	return n;
}

void ramfs_put(struct rnode *n)
{
	if (!--n->refs && !ramfs_linked(n))
		node_free(n);
}

struct rnode *ramfs_child_from(struct rnode *dir, unsigned long from)
{
	struct rnode *c = dir->children;

	while (c && c->cookie < from)
		c = c->next_sibling;
	return c;
}

unsigned long ramfs_subdirs(const struct rnode *dir)
{
	unsigned long n = 0;

	for (const struct rnode *c = dir->children; c; c = c->next_sibling)
		n += S_ISDIR(c->mode);
	return n;
}
