/* Signal numbers as Linux's x86-64 ABI has them. */
#ifndef SIGNAL_H
#define SIGNAL_H

#define SIGILL 4
#define SIGTRAP 5
#define SIGBUS 7
#define SIGFPE 8
#define SIGSEGV 11

#endif
