/* The suite's checks. Every CHECK counts as passed or failed; a failure
 * prints where it is, what it checked and errno, on one line. */
#ifndef SYSTEST_CHECK_H
#define SYSTEST_CHECK_H

#define CHECK(cond) check_result((cond) != 0, #cond, __FILE__, __LINE__)

void check_result(int ok, const char *what, const char *file, int line);
/* What the sections share (common.c). An unmapped user address;
 * volatile, so that the compiler cannot see what it points at and warn
 * about passing it on. */
extern void *volatile bad_address;
void nap_ms(long ms);
/* pid's wait status, once it has ended; -1 if it is no child. */
int wait_status(int pid);
/* Whether pid, waited for, ended by signal sig. */
int killed_by(int pid, int sig);
/* Sends sig to pid every few milliseconds until it ends (it may not be
 * where the signal should find it at first); its wait status. */
int signal_until_exit(int pid, int sig);
/* The first size bytes of the file at path; how many, or -1. */
int read_file(const char *path, char *buf, int size);
/* How many entries of the directory path are called name, of d_type type. */
int count_entries(const char *path, const char *name, int type);
/* Runs fn and prints "systest: NAME: N passed, N failed" for its checks. */
void check_section(const char *name, void (*fn)(void));
int check_passed(void);
int check_failed(void);

/* The sections, one file each. */
void test_files(void);
void test_dirs(void);
void test_exec(void);
void test_pipes(void);
void test_poll(void);
void test_signals(void);
void test_handlers(void);
void test_sigframe(void);
void test_cap(void);
void test_time(void);
void test_memory(void);
void test_klog(void);
void test_proc(void);
/* The suite's own path, for exec to run it again as a helper. */
void exec_init(const char *argv0);
/* The suite run with arguments: one of the helper programs exec tests run. */
int helper(int argc, char **argv);

#endif
