/* The hypervisor's console: a 16550 UART on COM1 at 115200 8N1. */
#include "console.h"
#include "x86.h"

#define COM1        0x3f8
#define UART_DATA   0
#define UART_IER    1
#define UART_FCR    2
#define UART_LCR    3
#define UART_MCR    4
#define UART_LSR    5
#define LSR_DR      0x01
#define LSR_THRE    0x20
#define LCR_DLAB    0x80

void serial_init(void)
{
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, LCR_DLAB);
	outb(COM1 + UART_DATA, 1);      /* 115200 baud: divisor 1 */
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, 0x03);    /* 8N1 */
	outb(COM1 + UART_FCR, 0x07);    /* FIFOs on and cleared */
	outb(COM1 + UART_MCR, 0x03);    /* DTR, RTS */
}

void serial_putc(char c)
{
	if (c == '\n')
		serial_putc('\r');
	while (!(inb(COM1 + UART_LSR) & LSR_THRE))
		cpu_relax();
	outb(COM1 + UART_DATA, (uint8_t)c);
}

int serial_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & LSR_DR))
		return -1;
	return inb(COM1 + UART_DATA);
}
