/* The RAM filesystem's tree: lookup and creation by path. */
#include "errno.h"
#include "heap.h"
#include "lib.h"
#include "ramfs.h"

#define NAME_MAX 255

static struct rnode root = { .name = "", .mode = S_IFDIR | 0755 };

void ramfs_init(void)
{
	root.parent = &root;
}

static struct rnode *child(struct rnode *dir, const char *name, size_t n)
{
	for (struct rnode *c = dir->children; c; c = c->next_sibling)
		if (strlen(c->name) == n && !strncmp(c->name, name, n))
			return c;
	return NULL;
}

/* Moves *path past one component; returns its length (0 at the end). */
static size_t next_component(const char **path)
{
	size_t n = 0;

	while (**path == '/')
		(*path)++;
	while ((*path)[n] && (*path)[n] != '/')
		n++;
	return n;
}

static struct rnode *step(struct rnode *dir, const char *name, size_t n)
{
	if (n == 1 && name[0] == '.')
		return dir;
	if (n == 2 && !strncmp(name, "..", 2))
		return dir->parent;
	return S_ISDIR(dir->mode) ? child(dir, name, n) : NULL;
}

struct rnode *ramfs_lookup(const char *path)
{
	struct rnode *n = &root;
	size_t len;

	while (n && (len = next_component(&path))) {
		n = step(n, path, len);
		path += len;
	}
	return n;
}

static struct rnode *add_child(struct rnode *dir, const char *name, size_t n, uint32_t mode)
{
	struct rnode *c = kzalloc(sizeof(*c));

	if (!c || !(c->name = kmalloc(n + 1))) {
		kfree(c);
		return NULL;
	}
	memcpy(c->name, name, n);
	c->name[n] = '\0';
	c->mode = mode;
	c->parent = dir;
	c->next_sibling = dir->children;
	dir->children = c;
	return c;
}

int ramfs_create(const char *path, uint32_t mode, struct rnode **out)
{
	struct rnode *dir = &root, *n = &root;
	size_t len;

	while ((len = next_component(&path))) {
		const char *name = path;
		bool last;

		path += len;
		last = !next_component(&path);
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (!S_ISDIR(dir->mode))
			return -ENOTDIR;
		n = step(dir, name, len);
		if (!n && !(n = add_child(dir, name, len, last ? mode : S_IFDIR | 0755)))
			return -ENOMEM;
		dir = n;
	}
	if ((n->mode & S_IFMT) != (mode & S_IFMT))
		return -EEXIST;
	n->mode = mode;
	*out = n;
	return 0;
}

int ramfs_set_data(struct rnode *n, const void *data, size_t size)
{
	uint8_t *copy = kmalloc(size ? size : 1);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, data, size);
	kfree(n->data);
	n->data = copy;
	n->size = size;
	return 0;
}
