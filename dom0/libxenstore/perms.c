/* xs_get_permissions and xs_set_permissions: permissions travel as
 * strings ("n0", "r5"...), the owner's first. */
#include <stdlib.h>
#include <string.h>
#include "handle.h"

struct xs_permissions *xs_get_permissions(struct xs_handle *h,
					  xs_transaction_t t,
					  const char *path, unsigned int *num)
{
	unsigned int len;
	char *strings = talk_string(h, t, XS_GET_PERMS, path, &len);
	struct xs_permissions *perms;

	if (!strings)
		return NULL;
	*num = xs_count_strings(strings, len);
	perms = malloc(*num * sizeof(*perms) + 1);
	if (perms && !xs_strings_to_perms(perms, *num, strings)) {
		free(perms);
		perms = NULL;
	}
	free(strings);
	return perms;
}

bool xs_set_permissions(struct xs_handle *h, xs_transaction_t t,
			const char *path, struct xs_permissions *perms,
			unsigned int num_perms)
{
	char buf[XENSTORE_PAYLOAD_MAX];
	size_t len = strlen(path) + 1;
	unsigned int i;

	if (len > sizeof(buf)) {
		errno = E2BIG;
		return false;
	}
	memcpy(buf, path, len);
	for (i = 0; i < num_perms; i++) {
		if (!xs_perm_to_string(&perms[i], buf + len, sizeof(buf) - len)) {
			errno = E2BIG;
			return false;
		}
		len += strlen(buf + len) + 1;
	}
	return talk_ok(h, &h->req, t, XS_SET_PERMS, buf, (unsigned int)len);
}
