#include "perms.h"

#define ALL (XS_PERM_READ | XS_PERM_WRITE | XS_PERM_OWNER)

unsigned int perms_for(unsigned int domid, bool privileged,
		       const struct xs_permissions *perms, unsigned int nperms)
{
	unsigned int i;

	if (privileged || perms[0].id == domid)
		return ALL;
	for (i = 1; i < nperms; i++)
		if (perms[i].id == domid)
			return perms[i].perms & ALL;
	return perms[0].perms & ALL;
}
