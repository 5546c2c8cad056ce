/* The smallest user program: proves that crt0, the glue and newlib link,
 * and that stdio reaches write() and exit() flushes it. */
#include <stdio.h>

int main(int argc, char **argv)
{
	printf("hello from %s, %d argument%s\n", argv[0], argc - 1,
	       argc == 2 ? "" : "s");
	return 0;
}
