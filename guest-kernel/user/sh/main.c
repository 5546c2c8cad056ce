/*
 * sh, the shell: reads commands from a script given as its argument, or
 * from stdin with a "# " prompt when that is a terminal, and runs each
 * line's pipelines in turn. It exits with the last command's status.
 */
#include <stdio.h>
#include <unistd.h>

#include "sh.h"

#define LINE_MAX_LEN 1024
#define PROMPT "# "

static void run_line(const char *line)
{
	struct token toks[MAX_TOKENS];
	struct pipeline p;
	int n = lex(line, toks), pos = 0;

	if (n < 0) {
		last_status = 2;
		return;
	}
	while (pos < n)
		if (parse_pipeline(toks, n, &pos, &p)) {
			last_status = 2;
			break;
		} else {
			expand_pipeline(&p);
			run_pipeline(&p);
			free_expanded(&p);
		}
	free_tokens(toks, n);
}

int main(int argc, char **argv)
{
	char line[LINE_MAX_LEN];
	FILE *in = stdin;
	int interactive;

	if (argc > 1 && !(in = fopen(argv[1], "r"))) {
		perror(argv[1]);
		return 127;
	}
	interactive = in == stdin && isatty(0);
	for (;;) {
		if (interactive) {
			fputs(PROMPT, stderr);
			fflush(stderr);
		}
		if (!fgets(line, sizeof(line), in))
			break;
		run_line(line);
	}
	return last_status;
}
