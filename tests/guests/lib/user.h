/*
 * Running a function in guest user mode. The user L4 is the kernel's own
 * (as XTF does), so user code can run anything in the image; a syscall from
 * user mode reaches syscall_dispatch, and user_exit() ends user_run().
 */
#ifndef GUEST_USER_H
#define GUEST_USER_H

#include "frame.h"
#include "xen.h"

/* rax of the syscall that user_exit() makes; rdi carries the code. */
#define USER_EXIT_SYSCALL 0x7e57e417UL

typedef void (*syscall_hook_t)(struct frame *f);

/*
 * Runs fn in user mode until it calls user_exit(code); returns code, or a
 * negative errno if user mode could not be entered.
 */
long user_run(void (*fn)(void));
/* Makes mfn the user L4 that user_run() runs on (the kernel's by default). */
long user_set_l4(xen_pfn_t mfn);
void __attribute__((noreturn)) user_exit(long code);

/* Sees every other user syscall; it may change f->rax, the return value. */
void user_set_syscall_hook(syscall_hook_t hook);

unsigned long syscall_dispatch(struct frame *f);

#endif
