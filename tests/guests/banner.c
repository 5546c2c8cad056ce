/* The guest `make run` boots: proves a dom0 runs and reaches the console. */
#include "string.h"
#include "test.h"

const char test_name[] = "banner";

void test_main(void)
{
	printf("Xenith test dom0: hello from domain %u\n",
	       (xen_start_info->flags & SIF_INITDOMAIN) ? 0 : 1);
	expect(xen_start_info->flags & SIF_INITDOMAIN,
	       "start_info flags 0x%x lack SIF_INITDOMAIN", xen_start_info->flags);
	expect(!strncmp(xen_start_info->magic, "xen-3.0-x86_64", 14),
	       "start_info magic is \"%s\"", xen_start_info->magic);
}
