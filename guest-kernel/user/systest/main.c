/*
 * systest: the guest kernel's system calls through newlib, section by
 * section, in a fresh directory under /tmp. The last line is the verdict,
 * "systest: N passed, N failed"; the exit status is 1 if anything failed.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

int main(int argc, char **argv)
{
	char dir[32];

	if (argc > 1)
		return helper(argc, argv);
	exec_init(argv[0]);
	snprintf(dir, sizeof(dir), "/tmp/systest.%d", (int)getpid());
	mkdir("/tmp", 01777);
	if (mkdir(dir, 0755) || chdir(dir)) {
		perror("systest: cannot work in /tmp");
		return 1;
	}
	check_section("files", test_files);
	check_section("dirs", test_dirs);
	check_section("exec", test_exec);
	check_section("pipes", test_pipes);
	check_section("poll", test_poll);
	check_section("signals", test_signals);
	check_section("handlers", test_handlers);
	check_section("sigframe", test_sigframe);
	check_section("cap", test_cap);
	check_section("time", test_time);
	check_section("memory", test_memory);
	check_section("klog", test_klog);
	check_section("proc", test_proc);
	chdir("/");
	rmdir(dir);
	printf("systest: %d passed, %d failed\n", check_passed(), check_failed());
	return check_failed() != 0;
}
