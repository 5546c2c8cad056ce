/* kill [-SIGNAL] PID...: sends SIGNAL (a number; SIGTERM by default). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	int sig = SIGTERM, first = 1, status = 0;

	if (argc > 1 && argv[1][0] == '-') {
		sig = atoi(argv[1] + 1);
		first = 2;
	}
	if (first >= argc) {
		fprintf(stderr, "usage: kill [-SIGNAL] PID...\n");
		return 2;
	}
	for (int i = first; i < argc; i++)
		if (kill(atoi(argv[i]), sig)) {
			fprintf(stderr, "kill: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	return status;
}
