/* Devices of the native port's own: none yet (the UART is /dev/console). */
#include "dev.h"

const struct device *arch_devices(void)
{
	static const struct device none[] = { { 0 } };

	return none;
}
