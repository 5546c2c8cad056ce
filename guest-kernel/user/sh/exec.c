/* Running a pipeline: one child per command, each joined to the next by a
 * pipe; the shell waits for all of them unless the pipeline ends in &,
 * and $? is the last command's status. A lone built-in runs in the shell
 * itself, since cd and exit must change the shell's own state. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

#define PATH_PREFIX "/bin/"

int last_status;
pid_t last_background;

/* 128 + the signal for a killed command, as other shells report it. */
int status_of(int wait_status)
{
	return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

static void move_fd(int from, int to)
{
	if (from != to) {
		dup2(from, to);
		close(from);
	}
}

static int open_redirect(const char *path, int flags, int to)
{
	int fd = open(path, flags, 0644);

	if (fd < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		return -1;
	}
	move_fd(fd, to);
	return 0;
}

static int apply_redirects(const struct command *c)
{
	if (c->in && open_redirect(c->in, O_RDONLY, 0))
		return -1;
	if (c->out && open_redirect(c->out, O_WRONLY | O_CREAT |
				    (c->append ? O_APPEND : O_TRUNC), 1))
		return -1;
	return 0;
}

/* A name without a slash is looked for in /bin, the only directory of
 * programs there is. */
static void exec_command(char *const argv[])
{
	char path[256];

	if (strchr(argv[0], '/'))
		snprintf(path, sizeof(path), "%s", argv[0]);
	else
		snprintf(path, sizeof(path), PATH_PREFIX "%s", argv[0]);
	execve(path, argv, environ);
	if (errno == ENOENT) {
		fprintf(stderr, "sh: %s: not found\n", argv[0]);
		_exit(127);
	}
	fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(errno));
	_exit(126);
}

/* In the child: stdin from in_fd, stdout to out_fd, then the command. */
static void run_child(const struct command *c, int in_fd, int out_fd, int unused_fd)
{
	int status;

	if (unused_fd >= 0)
		close(unused_fd);
	move_fd(in_fd, 0);
	move_fd(out_fd, 1);
	if (apply_redirects(c))
		_exit(1);
	status = run_builtin(c->argv);
	if (status >= 0)
		_exit(status);
	exec_command(c->argv);
}

/* Starts command i reading in_fd; returns its pid and, through next_in,
 * the read end the next command takes (or -1 for the last). */
static pid_t start_command(const struct pipeline *p, int i, int in_fd, int *next_in)
{
	int fds[2] = { -1, 1 };
	pid_t pid;

	if (i + 1 < p->ncmds && pipe(fds)) {
		perror("sh: pipe");
		return -1;
	}
	/* Else the child would write out the shell's buffered output again. */
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		run_child(&p->cmds[i], in_fd, fds[1], fds[0]);
	if (pid < 0)
		perror("sh: fork");
	if (in_fd != 0)
		close(in_fd);
	if (fds[1] != 1)
		close(fds[1]);
	*next_in = fds[0];
	return pid;
}

static void wait_all(const pid_t *pids, int n)
{
	int status;

	for (int i = 0; i < n; i++)
		if (pids[i] > 0 && waitpid(pids[i], &status, 0) == pids[i] && i == n - 1)
			last_status = status_of(status);
}

void run_pipeline(const struct pipeline *p)
{
	pid_t pids[MAX_COMMANDS];
	int in_fd = 0;

	if (p->ncmds == 1 && !p->background && !p->cmds[0].in && !p->cmds[0].out) {
		int status = run_builtin(p->cmds[0].argv);

		if (status >= 0) {
			last_status = status;
			return;
		}
	}
	for (int i = 0; i < p->ncmds; i++) {
		pids[i] = start_command(p, i, in_fd, &in_fd);
		if (pids[i] < 0) {
			if (in_fd > 0)
				close(in_fd);
			wait_all(pids, i);
			last_status = 1;
			return;
		}
	}
	if (p->background)
		last_background = pids[p->ncmds - 1];
	else
		wait_all(pids, p->ncmds);
}
