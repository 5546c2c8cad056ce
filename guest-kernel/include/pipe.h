/* Pipes: a one-page ring between a read end and a write end. */
#ifndef PIPE_H
#define PIPE_H

struct file;

/* Both ends of a new pipe; flags may hold O_NONBLOCK. */
int pipe_create(int flags, struct file **read_end, struct file **write_end);

#endif
