/*
 * /proc: the text of uptime, meminfo and a process's stat and status in
 * Linux's formats, and how it reads (made at open: small reads and lseek
 * see one text); a child's directory from fork until wait; and nothing
 * under /proc taking a write, a new name or a removal.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#define BIG (4 << 20)
#define PAGE 4096
#define RETRIES 200

/* The file at path as a string, or "" if it cannot be read. */
static char *text_of(const char *path, char *buf, int size)
{
	int n = read_file(path, buf, size - 1);

	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

/* Hundredths of a second since boot and idle, if /proc/uptime has
 * exactly Linux's format. */
static int uptime(long *up, long *idle)
{
	char buf[64], again[64];
	long up_s, up_cs, idle_s, idle_cs;

	if (sscanf(text_of("/proc/uptime", buf, sizeof(buf)), "%ld.%ld %ld.%ld", &up_s, &up_cs,
		   &idle_s, &idle_cs) != 4)
		return 0;
	snprintf(again, sizeof(again), "%ld.%02ld %ld.%02ld\n", up_s, up_cs, idle_s, idle_cs);
	*up = up_s * 100 + up_cs;
	*idle = idle_s * 100 + idle_cs;
	return strcmp(buf, again) == 0;
}

static void test_uptime(void)
{
	long up, idle, up2, idle2;

	CHECK(uptime(&up, &idle) && up > 0 && idle <= up);
	nap_ms(50);
	CHECK(uptime(&up2, &idle2) && up2 >= up + 5 && idle2 > idle && idle2 <= up2);
}

/* A field of /proc/meminfo in kB, if it is there in Linux's layout. */
static long meminfo(const char *name)
{
	char buf[512], *line = strstr(text_of("/proc/meminfo", buf, sizeof(buf)), name);
	char *end;
	long kb;

	if (!line || (line != buf && line[-1] != '\n'))
		return -1;
	kb = strtol(line + strlen(name), &end, 10);
	return end - line == 24 && strncmp(end, " kB\n", 4) == 0 ? kb : -1;
}

/* The heap grown by hand, so that the pages are surely new, and each
 * one written, so that they are there even if made on first touch. */
static void test_meminfo(void)
{
	long total = meminfo("MemTotal:"), free = meminfo("MemFree:"), less, back;
	char *heap;

	CHECK(total > 0 && free > 0 && free <= total);
	CHECK(meminfo("MemAvailable:") >= free && meminfo("MemAvailable:") <= total);
	CHECK(meminfo("SwapTotal:") == 0);
	heap = sbrk(BIG);
	CHECK(heap != (void *)-1);
	for (int i = 0; heap != (void *)-1 && i < BIG; i += PAGE)
		heap[i] = 1;
	less = meminfo("MemFree:");
	CHECK(sbrk(-BIG) != (void *)-1);
	back = meminfo("MemFree:");
	CHECK(less > 0 && less <= free - BIG / 1024 && back >= less + BIG / 1024);
}

/* A snapshot: reads in pieces and after lseek give the text as it was at
 * open, however late. */
static void test_snapshot(void)
{
	char first[64], piece[64], c;
	int fd = open("/proc/uptime", O_RDONLY), n, len = 0;

	n = read(fd, first, sizeof(first));
	CHECK(n > 0 && first[n - 1] == '\n');
	nap_ms(20);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	while (len < (int)sizeof(piece) && read(fd, &c, 1) == 1)
		piece[len++] = c;
	CHECK(len == n && memcmp(piece, first, n) == 0);
	CHECK(lseek(fd, 3, SEEK_SET) == 3 && read(fd, piece, sizeof(piece)) == n - 3 &&
	      memcmp(piece, first + 3, n - 3) == 0);
	CHECK(read(fd, piece, sizeof(piece)) == 0);
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, bad_address, n) == -1 && errno == EFAULT);
	CHECK(write(fd, "1", 1) == -1 && errno == EBADF);
	CHECK(getdents64(fd, piece, sizeof(piece)) == -1 && errno == ENOTDIR);
	close(fd);
}

static void test_self(void)
{
	char path[64], want[64], buf[512];
	int pid = getpid();
	struct stat st;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	snprintf(want, sizeof(want), "%d (systest) R ", pid);
	CHECK(strncmp(text_of(path, buf, sizeof(buf)), want, strlen(want)) == 0);
	CHECK(stat(path, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0444 &&
	      st.st_size == 0);
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	snprintf(want, sizeof(want), "Name:\tsystest\nState:\tR (running)\nTgid:\t%d\nPid:\t%d\n",
		 pid, pid);
	CHECK(strncmp(text_of(path, buf, sizeof(buf)), want, strlen(want)) == 0);
	snprintf(path, sizeof(path), "%d", pid);
	CHECK(count_entries("/proc", path, DT_DIR) == 1 && count_entries("/proc", "1", DT_DIR) == 1);
	CHECK(count_entries("/proc", "uptime", DT_REG) == 1 &&
	      count_entries("/proc", "meminfo", DT_REG) == 1);
	snprintf(path, sizeof(path), "/proc/%d", pid);
	CHECK(count_entries(path, "stat", DT_REG) == 1 && count_entries(path, "status", DT_REG) == 1);
	CHECK(stat("/proc", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0555);
}

/* The state letter and parent in /proc/PID/stat, or 0. */
static char state_of(int pid, int *ppid)
{
	char path[32], buf[128], *paren, state;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	paren = strrchr(text_of(path, buf, sizeof(buf)), ')');
	return paren && sscanf(paren + 1, " %c %d", &state, ppid) == 2 ? state : 0;
}

static int comes_to(int pid, char want)
{
	int ppid;

	for (int i = 0; i < RETRIES; i++) {
		if (state_of(pid, &ppid) == want)
			return ppid == getpid();
		nap_ms(10);
	}
	return 0;
}

/* A child blocked on a pipe sleeps, a zombie is still listed, and a
 * reaped one is gone, even from a directory held since. */
static void test_child(void)
{
	char name[16], path[32], cwd[64], c;
	int fds[2], pid;

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(0);
	}
	close(fds[0]);
	snprintf(name, sizeof(name), "%d", pid);
	snprintf(path, sizeof(path), "/proc/%d", pid);
	CHECK(count_entries("/proc", name, DT_DIR) == 1);
	CHECK(comes_to(pid, 'S'));
	close(fds[1]);
	CHECK(comes_to(pid, 'Z') && count_entries("/proc", name, DT_DIR) == 1);
	getcwd(cwd, sizeof(cwd));
	CHECK(chdir(path) == 0 && wait_status(pid) == 0);
	CHECK(open("stat", O_RDONLY) == -1 && errno == ENOENT);
	CHECK(count_entries("/proc", name, DT_DIR) == 0);
	CHECK(open("status", O_RDONLY) == -1 && errno == ENOENT);
	CHECK(count_entries(".", "stat", DT_REG) == 0);
	CHECK(chdir(cwd) == 0);
	strcat(path, "/stat");
	CHECK(open(path, O_RDONLY) == -1 && errno == ENOENT);
}

static void test_refusals(void)
{
	char dir[32], stat_path[48];

	snprintf(dir, sizeof(dir), "/proc/%d", (int)getpid());
	snprintf(stat_path, sizeof(stat_path), "%s/stat", dir);
	CHECK(open("/proc/99999/stat", O_RDONLY) == -1 && errno == ENOENT);
	CHECK(open("/proc/self", O_RDONLY) == -1 && errno == ENOENT);
	CHECK(open("/proc/uptime", O_WRONLY) == -1 && errno == EACCES);
	CHECK(open(stat_path, O_RDWR | O_TRUNC) == -1 && errno == EACCES);
	CHECK(open("/proc/new", O_WRONLY | O_CREAT, 0644) == -1 && errno == ENOENT);
	CHECK(open("/proc/meminfo", O_RDONLY | O_CREAT | O_EXCL, 0644) == -1 && errno == EEXIST);
	CHECK(mkdir("/proc/new", 0755) == -1 && errno == ENOENT);
	CHECK(mkdir(dir, 0755) == -1 && errno == EEXIST);
	CHECK(unlink("/proc/uptime") == -1 && errno == EPERM);
	CHECK(unlink(stat_path) == -1 && errno == EPERM);
	CHECK(rmdir(dir) == -1 && errno == EPERM);
	CHECK(rmdir("/proc") == -1 && errno == EBUSY);
	CHECK(unlink("/proc/99999") == -1 && errno == ENOENT);
	CHECK(execve("/proc/uptime", (char *[]){ "uptime", NULL }, environ) == -1 &&
	      errno == EACCES);
}

void test_proc(void)
{
	test_uptime();
	test_meminfo();
	test_snapshot();
	test_self();
	test_child();
	test_refusals();
}
