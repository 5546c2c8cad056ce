#include "builder.h"
#include "xg_env.h"
#include "elf.h"
#include "pagetable.h"

/* The guest type a 64-bit PV ELF image gets (xc_dom_64.guest_type). */
#define GUEST_TYPE "xen-3.0-x86_64"
/* Debug registers at reset (x86 architecture), as vcpu_x86_64 sets them. */
#define DR6_DEFAULT 0xffff0ff0UL
#define DR7_DEFAULT 0x400UL

/* Each frame of the domU the builder writes is mapped here in turn. */
static uint8_t window[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static vcpu_guest_context_t ctxt;

static long map_pfn(const struct domu *d, xen_pfn_t pfn)
{
	return domu_map(window, d->domid, d->p2m[pfn]);
}

static long clear_pfn(const struct domu *d, xen_pfn_t pfn)
{
	long rc = map_pfn(d, pfn);

	if (rc)
		return rc;
	memset(window, 0, PAGE_SIZE);
	return domu_unmap(window);
}

static long load_kernel(const struct domu *d, const struct pv_image *img)
{
	uint64_t va;
	long rc;

	for (va = img->kstart; va < img->kend; va += PAGE_SIZE) {
		if ((rc = map_pfn(d, (va - img->virt_base) >> PAGE_SHIFT)))
			return rc;
		pv_image_page(img, va, window);
		if ((rc = domu_unmap(window)))
			return rc;
	}
	return 0;
}

/* As libxc, the ramdisk's pages follow the kernel's; the last one's tail is zero. */
static long load_ramdisk(const struct domu *d)
{
	size_t off;
	long rc;

	for (off = 0; off < d->ramdisk_len; off += PAGE_SIZE) {
		size_t n = d->ramdisk_len - off < PAGE_SIZE ? d->ramdisk_len - off : PAGE_SIZE;

		if ((rc = map_pfn(d, d->layout.ramdisk + (off >> PAGE_SHIFT))))
			return rc;
		memset(window + n, 0, PAGE_SIZE - n);
		memcpy(window, (const uint8_t *)d->ramdisk + off, n);
		if ((rc = domu_unmap(window)))
			return rc;
	}
	return 0;
}

/* xc_dom_build_image: the kernel and the ramdisk, then the rings, cleared. */
static long build_image(struct domu *d, const struct pv_image *img)
{
	const struct pv_layout *l = &d->layout;
	long rc;

	builder_log("builder: PFNs: kernel %lx-%lx, p2m %lx, start_info %lx, xenstore %lx, "
		    "console %lx, %lu tables from %lx, stack %lx, mapped up to %lx\n",
		    (img->kstart - img->virt_base) >> PAGE_SHIFT,
		    (img->kend - img->virt_base - 1) >> PAGE_SHIFT, l->p2m, l->start_info,
		    l->xenstore, l->console, l->nr_pt_frames, l->pt, l->stack, l->end);
	if ((rc = builder_step(d, "kernel image (foreign mappings)", load_kernel(d, img))) ||
	    (rc = builder_step(d, "ramdisk", load_ramdisk(d))) ||
	    (rc = builder_step(d, "clear the xenstore ring", clear_pfn(d, l->xenstore))) ||
	    (rc = builder_step(d, "clear the console ring", clear_pfn(d, l->console))))
		return rc;
	return 0;
}

static long write_p2m(const struct domu *d)
{
	const struct pv_layout *l = &d->layout;
	unsigned long per_frame = PAGE_SIZE / sizeof(xen_pfn_t), f, n;
	long rc;

	for (f = 0; f < l->p2m_frames; f++) {
		if ((rc = map_pfn(d, l->p2m + f)))
			return rc;
		n = d->nr_pages - f * per_frame;
		memset(window, 0, PAGE_SIZE);
		memcpy(window, &d->p2m[f * per_frame],
		       (n < per_frame ? n : per_frame) * sizeof(xen_pfn_t));
		if ((rc = domu_unmap(window)))
			return rc;
	}
	return 0;
}

static long write_tables(const struct domu *d)
{
	const struct pv_layout *l = &d->layout;
	unsigned int level;
	unsigned long n;
	long rc;

	for (level = 4; level >= 1; level--)
		for (n = 0; n < l->nr_tables[level]; n++) {
			if ((rc = map_pfn(d, pv_layout_table(l, level, n))))
				return rc;
			pv_layout_fill_table(l, d->p2m, level, n, (uint64_t *)window);
			if ((rc = domu_unmap(window)))
				return rc;
		}
	return 0;
}

static long write_start_info(const struct domu *d)
{
	const struct pv_layout *l = &d->layout;
	start_info_t *si = (start_info_t *)window;
	long rc = map_pfn(d, l->start_info);

	if (rc)
		return rc;
	memset(si, 0, sizeof(*si));
	memcpy(si->magic, GUEST_TYPE, sizeof(GUEST_TYPE));
	si->nr_pages = d->nr_pages;
	si->shared_info = d->shared_info_mfn << PAGE_SHIFT;
	si->pt_base = l->virt_base + (l->pt << PAGE_SHIFT);
	si->nr_pt_frames = l->nr_pt_frames;
	si->mfn_list = l->virt_base + (l->p2m << PAGE_SHIFT);
	si->store_mfn = d->p2m[l->xenstore];
	si->store_evtchn = d->store_port;
	si->console.domU.mfn = d->p2m[l->console];
	si->console.domU.evtchn = d->console_port;
	if (d->ramdisk_len) {
		si->mod_start = l->virt_base + (l->ramdisk << PAGE_SHIFT);
		si->mod_len = d->ramdisk_len;
	}
	if (d->cmdline)
		memcpy(si->cmd_line, d->cmdline, strnlen(d->cmdline, MAX_GUEST_CMDLINE - 1));
	return domu_unmap(window);
}

/* bootlate_pv: Xen's shared_info page starts with every vCPU masked. */
static long init_shared_info(const struct domu *d)
{
	shared_info_t *s = (shared_info_t *)window;
	long rc = domu_map(window, d->domid, d->shared_info_mfn);
	unsigned int i;

	if (rc)
		return rc;
	memset(s, 0, sizeof(*s));
	for (i = 0; i < XEN_LEGACY_MAX_VCPUS; i++)
		s->vcpu_info[i].evtchn_upcall_mask = 1;
	return domu_unmap(window);
}

static long pin_l4(const struct domu *d)
{
	struct mmuext_op pin = { .cmd = MMUEXT_PIN_L4_TABLE,
				 .arg1.mfn = d->p2m[d->layout.pt] };

	return HYPERVISOR_mmuext_op(&pin, 1, NULL, d->domid);
}

/* vcpu_x86_64: kernel mode on the boot stack, rsi = start_info. */
static long set_vcpu_context(const struct domu *d, const struct pv_image *img)
{
	const struct pv_layout *l = &d->layout;
	struct xen_domctl op = { .u.vcpucontext.vcpu = 0 };

	memset(&ctxt, 0, sizeof(ctxt));
	ctxt.user_regs.rip = img->entry;
	ctxt.user_regs.rsp = l->virt_base + ((l->stack + 1) << PAGE_SHIFT);
	ctxt.user_regs.rsi = l->virt_base + (l->start_info << PAGE_SHIFT);
	ctxt.user_regs.rflags = X86_EFLAGS_IF;
	ctxt.debugreg[6] = DR6_DEFAULT;
	ctxt.debugreg[7] = DR7_DEFAULT;
	ctxt.flags = VGCF_in_kernel | VGCF_online;
	ctxt.ctrlreg[3] = xen_pfn_to_cr3(d->p2m[l->pt]);
	ctxt.user_regs.ds = ctxt.user_regs.es = FLAT_KERNEL_DS;
	ctxt.user_regs.fs = ctxt.user_regs.gs = FLAT_KERNEL_DS;
	ctxt.user_regs.ss = FLAT_KERNEL_SS;
	ctxt.user_regs.cs = FLAT_KERNEL_CS;
	ctxt.kernel_ss = ctxt.user_regs.ss;
	ctxt.kernel_sp = ctxt.user_regs.rsp;
	set_xen_guest_handle(op.u.vcpucontext.ctxt, &ctxt);
	return domctl(XEN_DOMCTL_setvcpucontext, d->domid, &op);
}

/* xc_dom_boot_image, after the image is in place. */
static long boot_image(struct domu *d, const struct pv_image *img)
{
	struct xen_domctl_getdomaininfo info;
	struct xen_domctl op = { 0 };
	long rc;

	if ((rc = builder_step(d, "XEN_DOMCTL_getdomaininfo", domain_info(d->domid, &info))))
		return rc;
	d->shared_info_mfn = info.shared_info_frame;
	builder_log("builder: shared_info_frame %lx, tot_pages %lu, max_pages %lu, flags %x\n",
		    (unsigned long)info.shared_info_frame, (unsigned long)info.tot_pages,
		    (unsigned long)info.max_pages, info.flags);
	if ((rc = builder_step(d, "p2m list", write_p2m(d))) ||
	    (rc = builder_step(d, "page tables", write_tables(d))) ||
	    (rc = builder_step(d, "start_info", write_start_info(d))))
		return rc;
	if (img->has_hypercall_page) {
		op.u.hypercall_init.gmfn =
			d->p2m[(img->hypercall_page - img->virt_base) >> PAGE_SHIFT];
		rc = domctl(XEN_DOMCTL_hypercall_init, d->domid, &op);
		if (builder_step(d, "XEN_DOMCTL_hypercall_init", rc))
			return rc;
	}
	if ((rc = builder_step(d, "MMUEXT_PIN_L4_TABLE", pin_l4(d))) ||
	    (rc = builder_step(d, "shared_info", init_shared_info(d))) ||
	    (rc = builder_step(d, "XEN_DOMCTL_setvcpucontext", set_vcpu_context(d, img))))
		return rc;
	return 0;
}

long builder_load(struct domu *d, const void *image, size_t len)
{
	struct pv_image img;
	long rc;

	if ((rc = builder_step(d, "ELF image and Xen notes", pv_image_parse(&img, image, len))) ||
	    (rc = builder_step(d, "layout", pv_layout_compute(&d->layout, img.virt_base, img.kend,
						     d->ramdisk_len, d->nr_pages))))
		return rc;
	if ((rc = build_image(d, &img)))
		return rc;
	return boot_image(d, &img);
}
