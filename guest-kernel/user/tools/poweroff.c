/* poweroff: turns the machine off at once; there are no disks to sync. */
#include <stdio.h>
#include <sys/reboot.h>

int main(void)
{
	reboot(RB_POWER_OFF);
	perror("poweroff");
	return 1;
}
