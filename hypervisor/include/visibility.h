/* Included before every hypervisor source: with every symbol hidden, the
 * position-independent code the compiler emits needs no GOT, so the image
 * runs at its link address in Xen's reserved slots, outside the ranges the
 * non-PIC code models can reach. */
#pragma GCC visibility push(hidden)
