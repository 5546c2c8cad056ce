#include "../common/bench.h"
#include "io.h"
#include "native.h"

#define COM1 0x3f8
#define THR 0	/* transmit holding register */
#define DLL 0	/* divisor latch, while LCR_DLAB is set */
#define IER 1
#define DLM 1
#define FCR 2
#define LCR 3
#define MCR 4
#define LSR 5
#define LCR_DLAB 0x80
#define LCR_8N1 0x03
#define LSR_THRE 0x20

/* 115200 baud, 8N1, FIFOs on, no interrupts: the kernel polls. */
void serial_init(void)
{
	outb(0, COM1 + IER);
	outb(LCR_DLAB, COM1 + LCR);
	outb(1, COM1 + DLL);
	outb(0, COM1 + DLM);
	outb(LCR_8N1, COM1 + LCR);
	outb(0x07, COM1 + FCR);
	outb(0x03, COM1 + MCR);
}

static void serial_putc(char c)
{
	while (!(inb(COM1 + LSR) & LSR_THRE))
		;
	outb(c, COM1 + THR);
}

void bench_write(const char *s, unsigned long len)
{
	for (unsigned long i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}
