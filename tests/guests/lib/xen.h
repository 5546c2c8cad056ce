/*
 * The Xen public headers, in the order they need: they expect the fixed-width
 * integer types to be declared before them.
 */
#ifndef GUEST_XEN_H
#define GUEST_XEN_H

#include <stdint.h>
#include <xen/xen.h>
#include <xen/callback.h>
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/grant_table.h>
#include <xen/memory.h>
#include <xen/nmi.h>
#include <xen/physdev.h>
#include <xen/sched.h>
#include <xen/vcpu.h>
#include <xen/version.h>

#endif
