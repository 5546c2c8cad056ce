/*
 * start_xenith(): from the multiboot hand-over to domain 0's first
 * instruction. The order matters: the console first (to report anything),
 * then the CPU (to survive faults), memory, time, and finally domain 0.
 */
#include "arch.h"
#include "console.h"
#include "dom0_build.h"
#include "domain.h"
#include "mm.h"
#include "multiboot.h"
#include "sched.h"
#include "setup.h"
#include "time.h"
#include "x86.h"

#define MAX_MODULES 4

char hypervisor_cmdline[1024];

struct module_copy {
	unsigned long start, end;
	char cmdline[1024];
};

static struct module_copy modules[MAX_MODULES];
static unsigned nr_modules;

const char *cmdline_option(const char *name, char *buf, unsigned long size)
{
	size_t n = strlen(name);

	for (const char *p = hypervisor_cmdline; (p = strstr(p, name)); p += n) {
		if ((p != hypervisor_cmdline && p[-1] != ' ') || p[n] != '=')
			continue;
		size_t len = 0;
		for (p += n + 1; p[len] && p[len] != ' ' && len + 1 < size; len++)
			buf[len] = p[len];
		buf[len] = '\0';
		return buf;
	}
	return NULL;
}

/* Everything the loader left in low memory is copied or reserved before
 * the frame allocator may hand that memory out. */
static void take_boot_info(const struct multiboot_info *mbi)
{
	extern char _start[], _end[];

	if (mbi->flags & MBI_CMDLINE)
		snprintf(hypervisor_cmdline, sizeof(hypervisor_cmdline), "%s",
			 (const char *)maddr_to_virt(mbi->cmdline));
	mm_reserve(virt_to_maddr(_start), virt_to_maddr(_end));
	if (!(mbi->flags & MBI_MODULES))
		return;
	const struct multiboot_module *m = maddr_to_virt(mbi->mods_addr);
	for (unsigned i = 0; i < mbi->mods_count && i < MAX_MODULES; i++, nr_modules++) {
		struct module_copy *mc = &modules[i];
		mc->start = m[i].mod_start;
		mc->end = m[i].mod_end;
		const char *s = m[i].string ? maddr_to_virt(m[i].string) : "";
		while (*s && *s != ' ')          /* the first word is the file name */
			s++;
		while (*s == ' ')
			s++;
		snprintf(mc->cmdline, sizeof(mc->cmdline), "%s", s);
		mm_reserve(mc->start, mc->end);
	}
}

static unsigned long parse_size(const char *s)
{
	const char *end;
	unsigned long v = strtoul(s, &end, 0);

	switch (*end) {
	case 'G': case 'g': return v << 30;
	case 'M': case 'm': return v << 20;
	case 'K': case 'k': return v << 10;
	}
	return v;
}

/* dom0_mem= if given, else everything but a reserve for the hypervisor. */
static unsigned long dom0_pages(void)
{
	char buf[32];
	unsigned long free = machine_frames.nr_free;
	unsigned long reserve = MIN(free / 16, 32768UL);

	if (cmdline_option("dom0_mem", buf, sizeof(buf)))
		return MIN(parse_size(buf) >> PAGE_SHIFT, free - 64);
	return free - reserve;
}

static const char *accelerator(void)
{
	uint32_t r[4];
	char sig[13] = { 0 };

	cpuid(0x40000000, 0, r);
	memcpy(sig, &r[1], 4);
	memcpy(sig + 4, &r[2], 4);
	memcpy(sig + 8, &r[3], 4);
	return !strcmp(sig, "KVMKVMKVM") ? "KVM" : "TCG or bare metal";
}

static void start_dom0(void)
{
	if (!nr_modules)
		panic("no domain 0 kernel: give it as the first multiboot module");
	struct domain *d = domain_create(0, true, 1);
	if (!d)
		panic("out of memory creating domain 0");
	struct boot_module kernel = {
		maddr_to_virt(modules[0].start), modules[0].end - modules[0].start, modules[0].cmdline };
	struct boot_module initrd = { 0 };
	if (nr_modules > 1)
		initrd = (struct boot_module){ maddr_to_virt(modules[1].start),
					       modules[1].end - modules[1].start, modules[1].cmdline };
	dom0_build(d, &kernel, nr_modules > 1 ? &initrd : NULL, dom0_pages());
	for (unsigned i = 0; i < nr_modules; i++)
		mm_release(modules[i].start, modules[i].end);

	scheduler_start();
}

void start_xenith(unsigned long mbi_maddr)
{
	const struct multiboot_info *mbi = (const void *)(XEN_VIRT_START + mbi_maddr);
	char buf[32];

	/* The direct map of the first 4 GiB comes first: everything the loader
	 * left is read through it. mm_init() redoes it to the real size. */
	paging_map_direct(4UL << 30, 4UL << 30);
	serial_init();
	take_boot_info(mbi);
	if (cmdline_option("loglvl", buf, sizeof(buf)))
		log_set_level(buf);
	printk("Xenith hypervisor, speaking the Xen 4.17 PV ABI");
	printk("command line: %s", hypervisor_cmdline);
	cpu_features_init();
	idt_init();
	percpu_init(0, 0);
	mm_init(mbi);
	paging_drop_identity();
	time_init();
	wallclock_init();
	apic_init();
	printk("cpu: nx %d smep %d smap %d tsc-deadline %d; accelerator: %s",
	       cpu_has_nx, cpu_has_smep, cpu_has_smap, cpu_has_tsc_deadline, accelerator());
	smp_init();
	start_dom0();
}
