/*
 * Xen's public headers (Debian's libxen-dev, interface 4.14+): the only
 * place the port includes them. They need the fixed-width types first.
 */
#ifndef XEN_PUBLIC_H
#define XEN_PUBLIC_H

#include <stdint.h>
#include <xen/xen.h>
#include <xen/callback.h>
#include <xen/event_channel.h>
#include <xen/io/console.h>
#include <xen/sched.h>
#include <xen/vcpu.h>

#endif
