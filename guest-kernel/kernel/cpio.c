/*
 * cpio "newc" (the SVR4 format with no checksum, magic 070701, as Linux's
 * initramfs uses): a 110-byte header of thirteen 8-digit hex fields, the
 * NUL-terminated name, padding to 4 bytes, the data, padding to 4 bytes;
 * the entry named TRAILER!!! ends it. Every length is checked against the
 * archive before it is used.
 */
#include "cpio.h"
#include "errno.h"
#include "lib.h"
#include "path.h"
#include "printk.h"

#define HEADER_SIZE 110
#define FIELD_MODE 1
#define FIELD_FILESIZE 6
#define FIELD_NAMESIZE 11
#define TRAILER "TRAILER!!!"

struct entry {
	const char *name;
	uint32_t mode;
	const uint8_t *data;
	size_t size;
};

static bool field(const uint8_t *header, unsigned index, uint32_t *out)
{
	const uint8_t *f = header + 6 + index * 8;
	uint32_t v = 0;

	for (unsigned i = 0; i < 8; i++) {
		uint8_t c = f[i];
		unsigned digit;

		if (c >= '0' && c <= '9')
			digit = c - '0';
		else if (c >= 'a' && c <= 'f')
			digit = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			digit = c - 'A' + 10;
		else
			return false;
		v = v << 4 | digit;
	}
	*out = v;
	return true;
}

/* Parses the entry at *off; moves *off past it. */
static int parse(const uint8_t *a, size_t size, size_t *off, struct entry *e)
{
	const uint8_t *h = a + *off;
	uint32_t namesize, filesize;
	size_t name_end, data_end;

	if (size - *off < HEADER_SIZE || memcmp(h, "070701", 6) ||
	    !field(h, FIELD_MODE, &e->mode) || !field(h, FIELD_FILESIZE, &filesize) ||
	    !field(h, FIELD_NAMESIZE, &namesize))
		return -EINVAL;
	name_end = *off + HEADER_SIZE + namesize;
	if (namesize == 0 || namesize > size - *off - HEADER_SIZE || a[name_end - 1])
		return -EINVAL;
	e->name = (const char *)h + HEADER_SIZE;
	e->data = a + ALIGN_UP(name_end, 4);
	data_end = ALIGN_UP(name_end, 4) + filesize;
	if (ALIGN_UP(name_end, 4) > size || filesize > size - ALIGN_UP(name_end, 4))
		return -EINVAL;
	e->size = filesize;
	*off = MIN(ALIGN_UP(data_end, 4), size);
	return 0;
}

static int add(const struct entry *e)
{
	struct rnode *n;
	int rc;

	if (!strcmp(e->name, ".") || !strcmp(e->name, "./"))
		return 0;
	if (!S_ISDIR(e->mode) && !S_ISREG(e->mode) && (e->mode & S_IFMT) != S_IFLNK) {
		printk("initrd: skipping %s (not a file, directory or link)\n", e->name);
		return 0;
	}
	rc = path_make(e->name, e->mode, &n);
	if (!rc && !S_ISDIR(e->mode))
		rc = ramfs_set_data(n, e->data, e->size);
	return rc;
}

int cpio_unpack(const void *archive, size_t size)
{
	const uint8_t *a = archive;
	size_t off = 0;
	struct entry e;
	int count = 0, rc;

	while (off < size) {
		rc = parse(a, size, &off, &e);
		if (rc)
			return rc;
		if (!strcmp(e.name, TRAILER))
			return count;
		rc = add(&e);
		if (rc)
			return rc;
		count++;
	}
	return -EINVAL;
}
