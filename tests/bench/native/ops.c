/*
 * The benchmark operations on bare metal, in ring 0, each the native
 * counterpart of a row the PV guest measures under a hypervisor.
 */
#include <stdint.h>
#include "../common/bench.h"
#include "io.h"
#include "native.h"

/* Bare metal has no hypervisor: the nearest thing is a call into the kernel. */
static long __attribute__((noipa)) kernel_version(void)
{
	return 0;
}

static void null_call(void)
{
	kernel_version();
}

static void inb_port80(void)
{
	inb(0x80);
}

/* With no hypervisor, masking events is masking interrupts. */
static void cli_sti(void)
{
	asm volatile("cli; sti" : : : "memory");
}

static void cpuid_leaf0(void)
{
	uint32_t a = 0, b, c = 0, d;

	asm volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
}

/* The same order as the PV guest's, riskiest last there. */
const struct bench_op native_ops[] = {
	{ "event_mask", cli_sti, 0, 0, 0, 0, 0 },
	{ "null_hypercall", null_call, 0, 0, 0, 0, 0 },
	{ "cpuid", cpuid_leaf0, 0, 0, 0, 0, 0 },
	{ "inb_port80", inb_port80, 0, 0, 0, 0, 0 },
	{ "cli_sti", cli_sti, 0, 0, 0, 0, 0 },
	{ "syscall_roundtrip", user_roundtrip, 0, 0, 0, 0, 0 },
	{ 0 },
};

/*
 * The interdomain and domain rows need a second domain, which bare metal
 * does not have. domu_capacity is the PV guest's only row of a boot of
 * its own; here it is one more row that cannot run.
 */
static const char *no_domains(void)
{
	return "no domains";
}

const struct bench_op native_domu_ops[] = {
	{ "domain_create", 0, no_domains, 0, 0, 0, 0 },
	{ "evtchn_roundtrip", 0, no_domains, 0, 0, 0, 0 },
	{ "grant_map_unmap", 0, no_domains, 0, 0, 0, 0 },
	{ "grant_copy", 0, no_domains, 0, 0, 0, 0 },
	{ "domain_create_kernel", 0, no_domains, 0, 0, 0, 0 },
	{ "domain_create_prompt", 0, no_domains, 0, 0, 0, 0 },
	{ "domain_create_with_1", 0, no_domains, 0, 0, 0, 0 },
	{ "domain_create_with_8", 0, no_domains, 0, 0, 0, 0 },
	{ "domain_create_with_32", 0, no_domains, 0, 0, 0, 0 },
	{ "domain_create_with_64", 0, no_domains, 0, 0, 0, 0 },
	{ "domu_capacity", 0, no_domains, 0, 0, 0, 0 },
	{ 0 },
};
