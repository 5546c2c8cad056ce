/*
 * The kernel log: what printk writes, kept in a ring besides going to the
 * console, for syslog(2) to read back (dmesg). When the ring is full the
 * oldest text goes first.
 */
#ifndef KLOG_H
#define KLOG_H

#include "types.h"

#define KLOG_SIZE (16 * 1024)

void klog_write(const char *s, size_t n);

#endif
