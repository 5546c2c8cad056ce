/*
 * The console: a 16550 UART on COM1, 115200 baud 8N1, polled both ways
 * (the tick collects input, as the Xen port's does from console_io).
 */
#include "cpu.h"
#include "native.h"

#define COM1 0x3f8
#define THR 0           /* transmit holding register */
#define RBR 0           /* receive buffer register */
#define DLL 0           /* divisor latch, while LCR_DLAB is set */
#define IER 1
#define DLM 1
#define FCR 2
#define LCR 3
#define MCR 4
#define LSR 5
#define LCR_DLAB 0x80
#define LCR_8N1 0x03
#define FCR_ENABLE_AND_CLEAR 0x07
#define MCR_DTR_RTS 0x03
#define LSR_DATA_READY 0x01
#define LSR_THRE 0x20

void serial_init(void)
{
	outb(COM1 + IER, 0);
	outb(COM1 + LCR, LCR_DLAB);
	outb(COM1 + DLL, 1);
	outb(COM1 + DLM, 0);
	outb(COM1 + LCR, LCR_8N1);
	outb(COM1 + FCR, FCR_ENABLE_AND_CLEAR);
	outb(COM1 + MCR, MCR_DTR_RTS);
}

static void put(char c)
{
	while (!(inb(COM1 + LSR) & LSR_THRE))
		;
	outb(COM1 + THR, (uint8_t)c);
}

/* A terminal wants "\r\n"; on Xen, Xen's serial driver adds the '\r'. */
void arch_console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			put('\r');
		put(s[i]);
	}
}

size_t arch_console_poll(char *buf, size_t n)
{
	size_t got = 0;

	while (got < n && (inb(COM1 + LSR) & LSR_DATA_READY))
		buf[got++] = (char)inb(COM1 + RBR);
	return got;
}
