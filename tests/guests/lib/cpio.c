#include "cpio.h"
#include "string.h"

#define NEWC_HEADER 110
#define NEWC_MAGIC "070701"

static unsigned long hex_field(const char *header, unsigned int index)
{
	unsigned long v = 0;

	for (const char *c = header + 6 + 8 * index; c < header + 14 + 8 * index; c++)
		v = v * 16 + (unsigned long)(*c <= '9' ? *c - '0' : (*c | 0x20) - 'a' + 10);
	return v;
}

static size_t align4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

const void *cpio_find(const char *archive, size_t len, const char *name, size_t *size)
{
	size_t off = 0;

	while (len - off >= NEWC_HEADER && !strncmp(archive + off, NEWC_MAGIC, 6)) {
		const char *h = archive + off;
		size_t namesize = hex_field(h, 11), filesize = hex_field(h, 6);
		size_t data = align4(off + NEWC_HEADER + namesize);

		if (namesize > len - off - NEWC_HEADER || data > len || filesize > len - data)
			return NULL;
		if (!strncmp(h + NEWC_HEADER, name, namesize)) {
			*size = filesize;
			return archive + data;
		}
		off = align4(data + filesize);
	}
	return NULL;
}
