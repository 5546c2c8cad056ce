/* Process system calls: getpid, exit, reboot. */
#include "arch.h"
#include "errno.h"
#include "printk.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/syscall_nr.h"

long sys_getpid(const unsigned long *arg)
{
	(void)arg;
	return current->pid;
}

/* wait(2) sees a normal exit as the low byte of the code, shifted by 8. */
long sys_exit(const unsigned long *arg)
{
	proc_exit(((int)arg[0] & 0xff) << 8);
}

/* Linux accepts any of four second magic numbers (dates); we take its first. */
long sys_reboot(const unsigned long *arg)
{
	if ((unsigned)arg[0] != LINUX_REBOOT_MAGIC1 || (unsigned)arg[1] != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	switch ((unsigned)arg[2]) {
	case LINUX_REBOOT_CMD_POWER_OFF:
		printk("reboot: power down\n");
		arch_poweroff();
	case LINUX_REBOOT_CMD_RESTART:
		printk("reboot: restarting system\n");
		arch_reboot();
	}
	return -EINVAL;
}
