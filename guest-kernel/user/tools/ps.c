/* ps: every process, from /proc: its pid, its parent's, its state (R
 * running, S sleeping, Z zombie) and its command, the name the kernel
 * keeps for it (what ps -o comm shows), in pid order. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PROCS 256

struct process {
	int pid, ppid;
	char state;
	char comm[32];
};

/* Linux's stat line: "pid (comm) state ppid ...", where comm may hold
 * spaces and parentheses of its own, so it ends at the last ')'. */
static int read_stat(int pid, struct process *p)
{
	char path[32], line[256], *lparen, *rparen;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	lparen = fgets(line, sizeof(line), f) ? strchr(line, '(') : NULL;
	fclose(f);
	rparen = lparen ? strrchr(lparen, ')') : NULL;
	if (!rparen || sscanf(rparen + 1, " %c %d", &p->state, &p->ppid) != 2)
		return -1;
	p->pid = pid;
	snprintf(p->comm, sizeof(p->comm), "%.*s", (int)(rparen - lparen - 1), lparen + 1);
	return 0;
}

static int by_pid(const void *a, const void *b)
{
	return ((const struct process *)a)->pid - ((const struct process *)b)->pid;
}

/* A process that ends while it is being listed is left out. */
int main(void)
{
	static struct process procs[MAX_PROCS];
	DIR *dir = opendir("/proc");
	struct dirent *d;
	int n = 0;

	if (!dir) {
		perror("ps: /proc");
		return 1;
	}
	while ((d = readdir(dir)) && n < MAX_PROCS)
		if (strspn(d->d_name, "0123456789") == strlen(d->d_name) &&
		    read_stat(atoi(d->d_name), &procs[n]) == 0)
			n++;
	closedir(dir);
	qsort(procs, n, sizeof(procs[0]), by_pid);
	printf("  PID  PPID S COMMAND\n");
	for (int i = 0; i < n; i++)
		printf("%5d %5d %c %s\n", procs[i].pid, procs[i].ppid, procs[i].state, procs[i].comm);
	return 0;
}
