/* The terminal ioctls, TCGETS (which isatty(3) asks) and TCSETS, and their
 * struct termios, as Linux's x86-64 ABI has them (asm/termbits.h,
 * asm/ioctls.h). */
#ifndef UAPI_TERMIOS_H
#define UAPI_TERMIOS_H

#define TCGETS 0x5401
#define TCSETS 0x5402

#define NCCS 19
#define VERASE 2
#define VEOF 4

#define ICRNL 0000400
#define OPOST 0000001
#define ONLCR 0000004
#define CS8 0000060
#define CREAD 0000200
#define ICANON 0000002
#define ECHO 0000010
#define ECHOE 0000020

struct kernel_termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[NCCS];
};

#endif
