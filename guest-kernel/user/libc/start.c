/* From _start to main() and back out through exit(), which runs the
 * atexit() handlers (the .fini_array destructors among them, last) and
 * flushes stdio. */
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv, char **envp);
void __libc_init_array(void);
void __libc_fini_array(void);
void __libc_start(long *sp) __attribute__((noreturn));
void _init(void);
void _fini(void);

void __libc_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);

	environ = argv + argc + 1;
	atexit(__libc_fini_array);
	__libc_init_array();
	exit(main(argc, argv, environ));
}

/* newlib's __libc_init_array() and __libc_fini_array() also call the
 * .init/.fini section functions, which x86-64 newlib cannot be configured
 * out of. GCC here puts every constructor and destructor in .init_array
 * and .fini_array instead, so there is nothing for these to run. */
void _init(void)
{
}

void _fini(void)
{
}
