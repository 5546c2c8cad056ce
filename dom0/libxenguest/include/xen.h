/*
 * The Xen public headers, in the order they need: they expect the fixed-width
 * integer types to be declared before them.
 */
#ifndef GUEST_XEN_H
#define GUEST_XEN_H

/*
 * domctl.h and sysctl.h are for toolstacks only, and the domain builder
 * (dom0/libxenguest, in the test framework and in dom0 alike) is one;
 * every header must see the same definition, as it adds the tools-only
 * parts they declare. For tools xen-compat.h sets the interface version
 * itself, to the latest: the one mk/flags.mk asks for.
 */
#ifndef __XEN_TOOLS__
#define __XEN_TOOLS__
#endif
#undef __XEN_INTERFACE_VERSION__

#include <stdint.h>
#include <xen/xen.h>
#include <xen/callback.h>
#include <xen/domctl.h>
#include <xen/elfnote.h>
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/grant_table.h>
#include <xen/memory.h>
#include <xen/nmi.h>
#include <xen/physdev.h>
#include <xen/sched.h>
#include <xen/sysctl.h>
#include <xen/vcpu.h>
#include <xen/version.h>
#include <xen/io/console.h>

#endif
