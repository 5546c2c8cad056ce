/* Guest pointers that no hypervisor may follow: each must give -EFAULT. */
#ifndef GUEST_BADPTR_H
#define GUEST_BADPTR_H

/* Canonical, but far above everything the domain builder mapped. */
#define UNMAPPED_VA 0x40000000000UL
/* Inside the hypervisor's own slots (Xen's direct map). */
#define HYPERVISOR_VA 0xffff830000000000UL
#define NONCANONICAL_VA 0x8000000000000000UL

#define BAD_PTR_UNMAPPED ((void *)UNMAPPED_VA)
#define BAD_PTR_HYPERVISOR ((void *)HYPERVISOR_VA)
#define BAD_PTR_NONCANONICAL ((void *)NONCANONICAL_VA)

#endif
