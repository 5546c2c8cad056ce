/* What a guest checks after it misbehaved: the hypervisor still serves it. */
#ifndef GUEST_ALIVE_H
#define GUEST_ALIVE_H

/*
 * A trap still bounces to the trap table, a hypercall still answers, and
 * the PV MMU still remaps a page of the image and back.
 */
void expect_alive(void);

#endif
