/*
 * /dev/xen/privcmd, domain 0's door to the hypervisor for its toolstack
 * and daemons, as Linux's privcmd driver has it. IOCTL_PRIVCMD_HYPERCALL
 * makes any hypercall with the caller's arguments; pointers among them
 * are the process's own addresses, which Xen reaches through the page
 * tables in force (the kernel's L4 maps the user half). Xen does not
 * fault pages in: a buffer must have been touched (written, if Xen writes
 * it) before the call, as libxc's hypercall buffers are.
 *
 * IOCTL_PRIVCMD_MMAPBATCH_V2 maps another domain's frames into a region
 * the process got from mmap(2) of this device, one mmu_update each with
 * that domain as foreigndom, so that Xen rules on every frame; its answer
 * goes to the frame's err[] entry. The older MMAP ioctls (superseded in
 * Linux's libxc) are not implemented: -ENOSYS.
 */
#include "errno.h"
#include "file.h"
#include "hypercall.h"
#include "mm.h"
#include "pgtable.h"
#include "proc.h"
#include "xenbus.h"
#include "xenpv.h"
#include <xen/sys/privcmd.h>

static long do_hypercall(unsigned long user_arg)
{
	privcmd_hypercall_t call;

	if (copy_from_user(&call, (const void *)user_arg, sizeof(call)))
		return -EFAULT;
	if (call.op >= HYPERCALL_STUBS)
		return -EINVAL;
	return hypercall_by_number((unsigned)call.op, (const unsigned long *)call.arg);
}

int map_frame(struct arch_aspace *as, uintptr_t va, xen_pfn_t mfn, domid_t dom, bool writable)
{
	phys_addr_t l1 = pt_l1_of(as, va, true);
	mmu_update_t req;

	if (!l1)
		return -ENOMEM;
	if (mfn >> (52 - PAGE_SHIFT))
		return -EINVAL;
	pt_sync();
	req.ptr = (phys_to_machine(l1) + PT_INDEX(va, 1) * sizeof(pte_t)) | MMU_NORMAL_PT_UPDATE;
	req.val = ((uint64_t)mfn << PAGE_SHIFT) | PTE_PRESENT | PTE_USER | PTE_ACCESSED |
		  PTE_FOREIGN | (writable ? PTE_RW | PTE_DIRTY : 0);
	return (int)HYPERVISOR_mmu_update_foreign(&req, 1, NULL, dom);
}

/* Every frame is tried; Linux answers -ENOENT if one was paged out, else 0. */
static long map_batch(const privcmd_mmapbatch_v2_t *m, const struct vma *v)
{
	bool absent = false;
	long rc = 0;

	for (unsigned i = 0; i < m->num && !rc; i++) {
		xen_pfn_t mfn;
		int err;

		if (copy_from_user(&mfn, &m->arr[i], sizeof(mfn)))
			rc = -EFAULT;
		err = rc ? 0 : map_frame(&current->mm->as, m->addr + i * PAGE_SIZE, mfn, m->dom,
					   v->prot & PROT_WRITE);
		if (!rc && copy_to_user(&m->err[i], &err, sizeof(err)))
			rc = -EFAULT;
		absent |= err == -ENOENT;
	}
	/* A frame may have replaced another: the TLB must forget the old one. */
	mmu_flush_tlb_later();
	mmu_commit();
	return rc ? rc : absent ? -ENOENT : 0;
}

/* The frames must fall inside one region mmap(2) of this device made. */
static long mmap_batch(unsigned long user_arg)
{
	privcmd_mmapbatch_v2_t m;
	const struct vma *v;

	if (copy_from_user(&m, (const void *)user_arg, sizeof(m)))
		return -EFAULT;
	v = vma_find(current->mm, m.addr);
	if (!m.num || (m.addr & (PAGE_SIZE - 1)) || !v || !(v->prot & VMA_DEVICE) ||
	    m.num > (v->end - m.addr) >> PAGE_SHIFT)
		return -EINVAL;
	return map_batch(&m, v);
}

static long privcmd_ioctl(struct file *f, unsigned cmd, unsigned long arg)
{
	(void)f;
	switch (cmd) {
	case IOCTL_PRIVCMD_HYPERCALL:
		return do_hypercall(arg);
	case IOCTL_PRIVCMD_MMAPBATCH_V2:
		return mmap_batch(arg);
	case IOCTL_PRIVCMD_MMAP:
	case IOCTL_PRIVCMD_MMAPBATCH:
	case IOCTL_PRIVCMD_MMAP_RESOURCE:
		return -ENOSYS;
	default:
		return -ENOTTY;
	}
}

const struct file_ops privcmd_ops = { .ioctl = privcmd_ioctl, .maps_pages = true };
