/* reboot(): the system call wants Linux's two magic numbers before the
 * command, so that a stray call cannot stop the machine. */
#include <linux/reboot.h>
#include <sys/reboot.h>

#include "syscall.h"

_Static_assert(RB_AUTOBOOT == LINUX_REBOOT_CMD_RESTART, "RB_AUTOBOOT");
_Static_assert(RB_HALT_SYSTEM == LINUX_REBOOT_CMD_HALT, "RB_HALT_SYSTEM");
_Static_assert(RB_POWER_OFF == LINUX_REBOOT_CMD_POWER_OFF, "RB_POWER_OFF");

int reboot(int howto)
{
	return sys_result(syscall3(__NR_reboot, LINUX_REBOOT_MAGIC1,
				   LINUX_REBOOT_MAGIC2, howto));
}
