/*
 * /proc: what the kernel knows, as read-only text in Linux's formats,
 * made when a file is opened (file_snapshot.c). procfs.c has /proc itself,
 * uptime and meminfo; procfs_pid.c a directory per process.
 */
#ifndef PROCFS_H
#define PROCFS_H

struct rnode;

void procfs_init(void);
/* /proc's refresh: a directory for each process, none for one gone. */
void procfs_refresh_pids(struct rnode *proc_dir);

#endif
