/* What the hypervisor reads from the firmware's ACPI tables (arch/x86/acpi.c). */
#ifndef XENITH_ACPI_H
#define XENITH_ACPI_H

#include "lib.h"

/* The APIC IDs of the enabled processors the MADT lists, in its order, at
 * most max of them; 0 when there is no MADT that passes its checks. */
unsigned int acpi_madt_apic_ids(uint8_t *ids, unsigned int max);

#endif
