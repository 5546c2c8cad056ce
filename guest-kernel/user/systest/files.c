/* Files: open's flags, read, write, lseek, stat, dup, unlink, limits and
 * errors, the devices, and newlib's stdio on top of them. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define BIG (100 * 1024)
#define NOFILE 32

static void test_create_read_write(void)
{
	char buf[32] = { 0 };
	int fd = open("f", O_WRONLY | O_CREAT | O_TRUNC, 0640);

	CHECK(fd >= 3);
	CHECK(write(fd, "hello", 5) == 5);
	CHECK(read(fd, buf, 1) == -1 && errno == EBADF);
	CHECK(close(fd) == 0);
	CHECK(close(fd) == -1 && errno == EBADF);
	CHECK(read_file("f", buf, sizeof(buf)) == 5 && memcmp(buf, "hello", 5) == 0);

	fd = open("f", O_WRONLY | O_APPEND);
	CHECK(write(fd, " world", 6) == 6);
	CHECK(lseek(fd, 0, SEEK_CUR) == 11);
	close(fd);
	CHECK(open("f", O_WRONLY | O_CREAT | O_EXCL, 0600) == -1 && errno == EEXIST);
	CHECK(open("missing", O_RDONLY) == -1 && errno == ENOENT);

	fd = open("f", O_RDONLY);
	CHECK(write(fd, "x", 1) == -1 && errno == EBADF);
	CHECK(read(fd, buf, sizeof(buf)) == 11 && memcmp(buf, "hello world", 11) == 0);
	CHECK(read(fd, buf, sizeof(buf)) == 0);
	close(fd);

	fd = open("f", O_RDWR | O_TRUNC);
	CHECK(fd >= 0 && lseek(fd, 0, SEEK_END) == 0);
	CHECK(write(fd, "abc", 3) == 3 && lseek(fd, 1, SEEK_SET) == 1);
	CHECK(read(fd, buf, 1) == 1 && buf[0] == 'b');
	close(fd);
}

static void test_seek(void)
{
	char buf[8];
	int fd = open("f", O_RDWR);

	CHECK(lseek(fd, -1, SEEK_END) == 2);
	CHECK(lseek(fd, -4, SEEK_END) == -1 && errno == EINVAL);
	CHECK(lseek(fd, 0, 42) == -1 && errno == EINVAL);
	/* A write past the end leaves a hole that reads as zeros. */
	CHECK(lseek(fd, 6, SEEK_SET) == 6 && write(fd, "z", 1) == 1);
	CHECK(lseek(fd, 2, SEEK_SET) == 2 && read(fd, buf, 8) == 5);
	CHECK(memcmp(buf, "c\0\0\0z", 5) == 0);
	CHECK(lseek(1, 0, SEEK_SET) == -1 && errno == ESPIPE);
	close(fd);
}

static void test_stat(void)
{
	struct stat st;
	int fd = open("f", O_RDONLY);

	CHECK(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0640);
	CHECK(st.st_size == 7 && st.st_nlink == 1 && st.st_ino != 0);
	CHECK(stat("f", &st) == 0 && st.st_size == 7);
	CHECK(stat("missing", &st) == -1 && errno == ENOENT);
	CHECK(stat("f/x", &st) == -1 && errno == ENOTDIR);
	CHECK(stat("f/", &st) == -1 && errno == ENOTDIR);
	CHECK(fstat(99, &st) == -1 && errno == EBADF);
	/* An unlinked file lives on while it is open. */
	CHECK(unlink("f") == 0 && stat("f", &st) == -1 && errno == ENOENT);
	CHECK(fstat(fd, &st) == 0 && st.st_nlink == 0 && st.st_size == 7);
	CHECK(unlink("f") == -1 && errno == ENOENT);
	close(fd);
}

static void test_dup(void)
{
	char c;
	int fd = open("d", O_RDWR | O_CREAT, 0600), copy;

	write(fd, "0123", 4);
	lseek(fd, 0, SEEK_SET);
	copy = dup(fd);
	CHECK(copy > fd);
	CHECK(read(copy, &c, 1) == 1 && c == '0');
	CHECK(lseek(fd, 0, SEEK_CUR) == 1);
	CHECK(dup2(fd, 20) == 20 && read(20, &c, 1) == 1 && c == '1');
	CHECK(dup2(copy, 20) == 20 && lseek(20, 0, SEEK_CUR) == 2);
	CHECK(dup2(20, 20) == 20);
	CHECK(dup2(99, 20) == -1 && errno == EBADF);
	CHECK(dup2(fd, -1) == -1 && errno == EBADF);
	CHECK(dup(77) == -1 && errno == EBADF);
	close(copy);
	close(20);
	CHECK(read(fd, &c, 1) == 1 && c == '2');
	close(fd);
	unlink("d");
}

/* A child shares its parent's open files, offset included. */
static void test_fork_shares(void)
{
	int fd = open("s", O_RDWR | O_CREAT | O_TRUNC, 0600), status;
	pid_t pid;

	write(fd, "abcdef", 6);
	lseek(fd, 0, SEEK_SET);
	pid = fork();
	if (pid == 0) {
		char c;

		_exit(read(fd, &c, 1) == 1 && c == 'a' ? 0 : 1);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(lseek(fd, 0, SEEK_CUR) == 1);
	close(fd);
	unlink("s");
}

static void test_limits(void)
{
	char *name = malloc(5000);
	int fds[NOFILE], n = 0;

	while (n < NOFILE && (fds[n] = open("/dev/null", O_RDONLY)) >= 0)
		n++;
	CHECK(n == NOFILE - 3 && errno == EMFILE);
	while (n)
		close(fds[--n]);
	memset(name, 'a', 300);
	name[300] = '\0';
	CHECK(open(name, O_RDONLY | O_CREAT, 0600) == -1 && errno == ENAMETOOLONG);
	memset(name, 'a', 4999);
	name[4999] = '\0';
	for (int i = 1; i < 4999; i += 2)
		name[i] = '/';
	CHECK(stat(name, &(struct stat){ 0 }) == -1 && errno == ENAMETOOLONG);
	CHECK(open(bad_address, O_RDONLY) == -1 && errno == EFAULT);
	CHECK(open("", O_RDONLY) == -1 && errno == ENOENT);
	free(name);
}

/* Many small writes grow a file far past its first allocation. */
static void test_big_file(void)
{
	char *data = malloc(BIG), *back = malloc(BIG);
	int fd = open("big", O_RDWR | O_CREAT | O_TRUNC, 0600), ok = 1;

	for (int i = 0; i < BIG; i++)
		data[i] = (char)(i * 7 + i / 251);
	for (int off = 0; off < BIG; off += 1000)
		ok &= write(fd, data + off, BIG - off < 1000 ? BIG - off : 1000) > 0;
	CHECK(ok && lseek(fd, 0, SEEK_END) == BIG);
	CHECK(write(fd, bad_address, 10) == -1 && errno == EFAULT);
	CHECK(lseek(fd, 0, SEEK_END) == BIG);
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, back, BIG) == BIG);
	CHECK(memcmp(data, back, BIG) == 0);
	CHECK(read(fd, bad_address, 10) == 0);
	lseek(fd, 0, SEEK_SET);
	CHECK(read(fd, bad_address, 10) == -1 && errno == EFAULT);
	close(fd);
	unlink("big");
	free(data);
	free(back);
}

static void test_devices(void)
{
	struct stat st;
	char c;
	int fd = open("/dev/null", O_RDWR);

	CHECK(write(fd, "gone", 4) == 4 && read(fd, &c, 1) == 0);
	CHECK(fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == (1 << 8 | 3));
	CHECK(isatty(fd) == 0 && errno == ENOTTY);
	close(fd);
	CHECK(isatty(0) == 1 && isatty(1) == 1 && isatty(2) == 1);
	CHECK(fstat(1, &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == (5 << 8 | 1));
	CHECK(isatty(99) == 0 && errno == EBADF);
	fd = open("/dev/console", O_WRONLY);
	CHECK(write(fd, "systest: /dev/console\n", 22) == 22);
	close(fd);
}

/* newlib's stdio reaches the same calls through its own buffering. */
static void test_stdio(void)
{
	char line[32] = "";
	FILE *f = fopen("stdio", "w");

	CHECK(f && fprintf(f, "%d %s\n", 42, "lines") == 9 && fclose(f) == 0);
	f = fopen("stdio", "a+");
	CHECK(f && fputs("more\n", f) >= 0 && fseek(f, 0, SEEK_SET) == 0);
	CHECK(f && fgets(line, sizeof(line), f) && strcmp(line, "42 lines\n") == 0);
	CHECK(f && fgets(line, sizeof(line), f) && strcmp(line, "more\n") == 0);
	CHECK(f && fclose(f) == 0);
	CHECK(fopen("nowhere/x", "r") == NULL && errno == ENOENT);
	unlink("stdio");
}

void test_files(void)
{
	test_create_read_write();
	test_seek();
	test_stat();
	test_dup();
	test_fork_shares();
	test_limits();
	test_big_file();
	test_devices();
	test_stdio();
}
