/*
 * The libxc (xenctrl.h) calls dom0's tools use, with libxc's names and
 * signatures, over Linux's /dev/xen/privcmd as the guest kernel provides
 * it. The structures are Xen's own (domctl.h, sysctl.h). The errors are
 * Xen's, in errno, with -1 returned.
 */
#ifndef XC_H
#define XC_H

#include <stdint.h>
#include <xen/domctl.h>
#include <xen/sysctl.h>
#include <xen/version.h>

typedef struct xc_interface_core xc_interface;
typedef struct xentoollog_logger xentoollog_logger;
typedef xen_domctl_getdomaininfo_t xc_domaininfo_t;
typedef struct xen_sysctl_physinfo xc_physinfo_t;

/* Opens privcmd; the loggers must be NULL (failures are only in errno). */
xc_interface *xc_interface_open(xentoollog_logger *logger,
				xentoollog_logger *dombuild_logger, unsigned open_flags);
int xc_interface_close(xc_interface *xch);

/* Up to max_domains domains from first_domain up: how many, or -1. */
int xc_domain_getinfolist(xc_interface *xch, uint32_t first_domain,
			  unsigned int max_domains, xc_domaininfo_t *info);
int xc_domain_pause(xc_interface *xch, uint32_t domid);
int xc_domain_unpause(xc_interface *xch, uint32_t domid);
int xc_domain_destroy(xc_interface *xch, uint32_t domid);
int xc_physinfo(xc_interface *xch, xc_physinfo_t *info);

/* A new domain, paused, with config's settings; its id in *pdomid (which
 * may name one, or be DOMID_INVALID for Xen to choose). */
int xc_domain_create(xc_interface *xch, uint32_t *pdomid,
		     struct xen_domctl_createdomain *config);
int xc_domain_setmaxmem(xc_interface *xch, uint32_t domid, uint64_t max_memkb);
/* Gives the domain the frames of every pfn in extent_start[]; each entry
 * becomes that frame's mfn. -1 unless all nr_extents were given. */
int xc_domain_populate_physmap_exact(xc_interface *xch, uint32_t domid,
				     unsigned long nr_extents, unsigned int extent_order,
				     unsigned int mem_flags, xen_pfn_t *extent_start);
/* Maps num frames of dom (mfns in arr) at a new address, PROT_READ or
 * PROT_READ | PROT_WRITE; err[i] is Xen's answer for arr[i]. NULL on a
 * failure of the whole call. Undone with munmap(2). */
void *xc_map_foreign_bulk(xc_interface *xch, uint32_t dom, int prot, const xen_pfn_t *arr,
			  int *err, unsigned int num);
/* size bytes of dom's frames from mfn on, as libxc maps a ring: NULL with
 * errno (Xen's answer for a frame it refused) unless all could be mapped.
 * Undone with munmap(2). */
void *xc_map_foreign_range(xc_interface *xch, uint32_t dom, int size, int prot,
			   unsigned long mfn);
/* XENVER_* cmd: its result (XENVER_version: major << 16 | minor), or -1. */
int xc_version(xc_interface *xch, int cmd, void *arg);

#endif
