/*
 * What the domain builder (dom0/libxenguest) needs from where it runs, as
 * the test framework provides it: Xen's headers, domctl and sysctl,
 * event channels, hypercalls through the page, frames mapped over a
 * window, the string functions, and where its log goes. dom0's userland provides the
 * same names over privcmd (dom0/libxenguest/env/xg_env.h).
 */
#ifndef GUEST_XG_ENV_H
#define GUEST_XG_ENV_H

#include "domctl.h"
#include "domu_map.h"
#include "evtchn.h"
#include "hypercall.h"
#include "string.h"
#include "test.h"
#include "traps.h"
#include "xen.h"

/* Every step's answer goes to the console, where the tests show it. */
#define builder_log printf

#endif
