/* Directories: mkdir, rmdir, unlink, getdents64 through readdir, chdir
 * and getcwd, and a working directory removed under a process. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#define NFILES 20
/* Where d_reclen and d_name sit in getdents64's records. */
#define RECLEN_AT 16
#define NAME_AT 19

static void touch(const char *path)
{
	close(open(path, O_WRONLY | O_CREAT, 0644));
}

static void test_make_remove(void)
{
	struct stat st;

	CHECK(mkdir("d", 0750) == 0);
	CHECK(stat("d", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0750);
	CHECK(st.st_nlink == 2);
	CHECK(mkdir("d", 0755) == -1 && errno == EEXIST);
	CHECK(mkdir("d/e/f", 0755) == -1 && errno == ENOENT);
	CHECK(mkdir("d/e", 0755) == 0 && stat("d", &st) == 0 && st.st_nlink == 3);
	touch("d/file");
	CHECK(mkdir("d/file/x", 0755) == -1 && errno == ENOTDIR);
	CHECK(rmdir("d") == -1 && errno == ENOTEMPTY);
	CHECK(rmdir("d/file") == -1 && errno == ENOTDIR);
	CHECK(unlink("d/e") == -1 && errno == EISDIR);
	CHECK(rmdir("d/.") == -1 && errno == EINVAL);
	CHECK(rmdir("/") == -1 && errno == EBUSY);
	CHECK(open("d", O_WRONLY) == -1 && errno == EISDIR);
	CHECK(open("d/file", O_RDONLY | O_DIRECTORY) == -1 && errno == ENOTDIR);
	CHECK(unlink("d/file") == 0 && rmdir("d/e") == 0 && rmdir("d") == 0);
	CHECK(stat("d", &st) == -1 && errno == ENOENT);
}

static void test_list(void)
{
	char c;
	int fd;

	mkdir("l", 0755);
	mkdir("l/sub", 0755);
	touch("l/file");
	CHECK(count_entries("l", ".", DT_DIR) == 1 && count_entries("l", "..", DT_DIR) == 1);
	CHECK(count_entries("l", "sub", DT_DIR) == 1 && count_entries("l", "file", DT_REG) == 1);
	CHECK(count_entries("/dev", "console", DT_CHR) == 1);
	CHECK(opendir("l/file") == NULL && errno == ENOTDIR);
	fd = open("l", O_RDONLY);
	CHECK(read(fd, &c, 1) == -1 && errno == EISDIR);
	CHECK(getdents64(fd, &c, 1) == -1 && errno == EINVAL);
	close(fd);
	fd = open("l/file", O_RDONLY);
	CHECK(getdents64(fd, &c, 1) == -1 && errno == ENOTDIR);
	close(fd);
	rmdir("l/sub");
	unlink("l/file");
	rmdir("l");
}

static int unlink_listed(const char *buf, int n)
{
	char name[16];
	int removed = 0;

	for (int off = 0; off < n; off += *(const unsigned short *)(buf + off + RECLEN_AT)) {
		const char *entry = buf + off + NAME_AT;

		if (entry[0] == '.')
			continue;
		snprintf(name, sizeof(name), "r/%s", entry);
		removed += unlink(name) == 0;
	}
	return removed;
}

/* Entries removed while the directory is being read move no other: a
 * reader of a few records at a time that unlinks each file sees every one. */
static void test_list_while_removing(void)
{
	_Alignas(8) char buf[64];
	char name[16];
	int fd, seen = 0, n;

	mkdir("r", 0755);
	for (int i = 0; i < NFILES; i++) {
		snprintf(name, sizeof(name), "r/%d", i);
		touch(name);
	}
	fd = open("r", O_RDONLY | O_DIRECTORY);
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0)
		seen += unlink_listed(buf, n);
	CHECK(n == 0 && seen == NFILES);
	close(fd);
	CHECK(rmdir("r") == 0);
}

static void test_cwd(void)
{
	char cwd[256], start[256];
	struct stat st;

	CHECK(getcwd(start, sizeof(start)) == start && start[0] == '/');
	mkdir("c", 0755);
	mkdir("c/d", 0755);
	CHECK(chdir("c/d") == 0 && getcwd(cwd, sizeof(cwd)) == cwd);
	CHECK(strlen(cwd) == strlen(start) + 4 && strcmp(cwd + strlen(start), "/c/d") == 0);
	CHECK(getcwd(cwd, 3) == NULL && errno == ERANGE);
	CHECK(chdir("../..") == 0 && getcwd(cwd, sizeof(cwd)) && strcmp(cwd, start) == 0);
	touch("c/f");
	CHECK(chdir("c/f") == -1 && errno == ENOTDIR);
	CHECK(chdir("nowhere") == -1 && errno == ENOENT);
	CHECK(chdir("/") == 0 && getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/") == 0);
	CHECK(chdir("..") == 0 && getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/") == 0);
	chdir(start);
	/* A removed working directory: no name, no new entries, still a place. */
	CHECK(chdir("c/d") == 0 && rmdir("../d") == 0);
	CHECK(getcwd(cwd, sizeof(cwd)) == NULL && errno == ENOENT);
	CHECK(open("new", O_WRONLY | O_CREAT, 0600) == -1 && errno == ENOENT);
	CHECK(stat(".", &st) == 0 && S_ISDIR(st.st_mode) && st.st_nlink == 0);
	CHECK(chdir(start) == 0 && unlink("c/f") == 0 && rmdir("c") == 0);
}

void test_dirs(void)
{
	test_make_remove();
	test_list();
	test_list_while_removing();
	test_cwd();
}
