/* <xen/sys/xenbus_dev.h> asks for the ioctl encoding here; privcmd's
 * header finds it in <linux/types.h>, which has it for both. */
#ifndef PV_LINUX_IOCTL_H
#define PV_LINUX_IOCTL_H

#include <linux/types.h>

#endif
