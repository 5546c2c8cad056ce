/* xs_read, xs_write, xs_mkdir, xs_rm and xs_directory. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "handle.h"

void *xs_read(struct xs_handle *h, xs_transaction_t t, const char *path,
	      unsigned int *len)
{
	return talk_string(h, t, XS_READ, path, len);
}

bool xs_write(struct xs_handle *h, xs_transaction_t t, const char *path,
	      const void *data, unsigned int len)
{
	size_t plen = strlen(path) + 1;
	char buf[XENSTORE_PAYLOAD_MAX];

	if (plen + len > sizeof(buf)) {
		errno = E2BIG;
		return false;
	}
	memcpy(buf, path, plen);
	memcpy(buf + plen, data, len);
	return talk_ok(h, &h->req, t, XS_WRITE, buf, (unsigned int)plen + len);
}

bool xs_mkdir(struct xs_handle *h, xs_transaction_t t, const char *path)
{
	return talk_ok(h, &h->req, t, XS_MKDIR, path,
		       (unsigned int)strlen(path) + 1);
}

bool xs_rm(struct xs_handle *h, xs_transaction_t t, const char *path)
{
	return talk_ok(h, &h->req, t, XS_RM, path,
		       (unsigned int)strlen(path) + 1);
}

char **string_vector(const char *strings, unsigned int len, unsigned int *num)
{
	unsigned int n = xs_count_strings(strings, len), i;
	char **vec = malloc(n * sizeof(char *) + len + 1);
	char *s;

	if (!vec)
		return NULL;
	s = memcpy(vec + n, strings, len);
	for (i = 0; i < n; i++, s += strlen(s) + 1)
		vec[i] = s;
	*num = n;
	return vec;
}

/* One part of a long listing: its generation, then names from off; true
 * in *last when it ends the listing (an empty name marks the end). */
static char *directory_part(struct xs_handle *h, xs_transaction_t t,
			    const char *path, unsigned int off, char *gen,
			    unsigned int *len, bool *last)
{
	char req[XENSTORE_PAYLOAD_MAX];
	int n = snprintf(req, sizeof(req), "%s%c%u", path, '\0', off);
	char *reply;
	size_t glen;

	if (n < 0 || (size_t)n >= sizeof(req)) {
		errno = E2BIG;
		return NULL;
	}
	reply = talk(h, &h->req, t, XS_DIRECTORY_PART, req,
		     (unsigned int)n + 1, len);
	if (!reply)
		return NULL;
	glen = strlen(reply) + 1;
	if (glen > *len || glen > 24) {
		free(reply);
		errno = EBADMSG;
		return NULL;
	}
	memcpy(gen, reply, glen);
	*len -= (unsigned int)glen;
	memmove(reply, reply + glen, *len);
	*last = *len && reply[*len - 1] == '\0' &&
		(*len == 1 || reply[*len - 2] == '\0');
	*len -= *last;
	return reply;
}

/* A listing too long for one reply (E2BIG), gathered part by part as
 * Xen's libxenstore does; if the node changes meanwhile, from scratch. */
static char *directory_parts(struct xs_handle *h, xs_transaction_t t,
			     const char *path, unsigned int *total)
{
	char first[24], gen[24], *names = NULL, *part, *grown;
	unsigned int len;
	bool last = false;

	for (*total = 0; !last; *total += len) {
		part = directory_part(h, t, path, *total, gen, &len, &last);
		if (!part)
			break;
		if (!*total)
			strcpy(first, gen);
		if (strcmp(first, gen)) {
			free(part);
			len = *total = 0;
			last = false;
			continue;
		}
		grown = len || last ? realloc(names, *total + len + 1) : NULL;
		if (grown)
			memcpy(grown + *total, part, len);
		else
			errno = len || last ? ENOMEM : EBADMSG;
		free(part);
		if (!grown)
			break;
		names = grown;
	}
	if (!last) {
		free(names);
		return NULL;
	}
	return names;
}

char **xs_directory(struct xs_handle *h, xs_transaction_t t, const char *path,
		    unsigned int *num)
{
	unsigned int len;
	char *names = talk_string(h, t, XS_DIRECTORY, path, &len);
	char **vec;

	if (!names && errno == E2BIG)
		names = directory_parts(h, t, path, &len);
	if (!names)
		return NULL;
	vec = string_vector(names, len, num);
	free(names);
	return vec;
}
