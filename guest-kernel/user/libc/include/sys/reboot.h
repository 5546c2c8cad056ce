/* reboot(2) as glibc declares it: howto is one of Linux's commands, which
 * glibc and these names share (reboot.c checks them against Linux's). */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#define RB_AUTOBOOT 0x01234567
#define RB_HALT_SYSTEM 0xcdef0123
#define RB_POWER_OFF 0x4321fedc

int reboot(int howto);

#endif
