/*
 * The console as a terminal in canonical mode: input is echoed and edited
 * a line at a time (Enter ends it, backspace erases, Ctrl-D sends what there
 * is, or end-of-file on an empty line); read returns at most one line.
 */
#ifndef CONSOLE_H
#define CONSOLE_H

/* Collects what arrived, from the tick: the port's console is polled. */
void console_poll(void);

#endif
