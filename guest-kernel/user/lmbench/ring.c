/*
 * Context switches, as lmbench's lat_ctx with no work per process: a ring
 * of n processes, pipe i from process i to process i+1 (mod n). The bench
 * process is process 0: it writes a byte into pipe 0 and reads it back
 * from pipe n-1, each child passing it on. Each process blocks in read()
 * once it has passed the byte, so a round is n switches, the op's batch:
 * the table shows one switch.
 */
#include <stdbool.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lmbench.h"

#define RING_MAX 8

static int ring[RING_MAX][2];
static pid_t child[RING_MAX];
static int ring_size;

/* Closing the descriptors it does not use lets the end of pipe 0 reach
 * each child in turn as end-of-file when the ring stops. */
static void pass_on(int i)
{
	int in = ring[i - 1][0], out = ring[i][1];
	char c;

	for (int j = 0; j < ring_size; j++)
		for (int end = 0; end < 2; end++)
			if (ring[j][end] != in && ring[j][end] != out)
				close(ring[j][end]);
	while (read(in, &c, 1) == 1 && write(out, &c, 1) == 1)
		;
	_exit(0);
}

static bool pass_round(void)
{
	char c = 0;

	return write(ring[0][1], &c, 1) == 1 && read(ring[ring_size - 1][0], &c, 1) == 1;
}

static void round_trip(void)
{
	pass_round();
}

/* The bench process keeps the write end of pipe 0 and the read end of pipe n-1. */
static void ring_stop(void)
{
	close(ring[0][1]);
	close(ring[ring_size - 1][0]);
	for (int i = 1; i < ring_size; i++)
		if (child[i] > 0)
			waitpid(child[i], NULL, 0);
}

static void close_pipes(int n)
{
	while (n--) {
		close(ring[n][0]);
		close(ring[n][1]);
	}
}

static const char *ring_start(int n)
{
	const char *why = NULL;

	ring_size = n;
	for (int i = 0; i < n; i++)
		if (pipe(ring[i])) {
			why = failed("pipe");
			close_pipes(i);
			return why;
		}
	for (int i = 1; i < n; i++) {
		child[i] = fork();
		if (child[i] == 0)
			pass_on(i);
		if (child[i] < 0 && !why)
			why = failed("fork");
	}
	for (int i = 0; i < n - 1; i++) {
		close(ring[i][0]);
		close(ring[i + 1][1]);
	}
	if (!why && !pass_round())
		why = "the byte did not come round the ring";
	if (why)
		ring_stop();
	return why;
}

static const char *prepare_ring_2(void)
{
	return ring_start(2);
}

static const char *prepare_ring_8(void)
{
	return ring_start(8);
}

const struct bench_op ring_ops[] = {
	{ "ctx_pipe_2", round_trip, prepare_ring_2, 2, 0, 0, ring_stop },
	{ "ctx_pipe_8", round_trip, prepare_ring_8, RING_MAX, 0, 0, ring_stop },
	{ 0 },
};
