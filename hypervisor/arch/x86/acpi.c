/*
 * The firmware's ACPI tables, as far as finding the CPUs needs them: the
 * RSDP in the BIOS area, the XSDT (or RSDT), and the MADT. Firmware tables
 * are input like any other: a table is used only if its length is sane
 * and its checksum holds, and nothing is read past a length already
 * checked.
 */
#include "acpi.h"
#include "mm.h"

#define BDA_EBDA_SEGMENT 0x40e
#define BDA_END          0x500
#define EBDA_SCAN_SIZE   1024
#define LOW_RAM_END      0xa0000
#define BIOS_AREA_START  0xe0000
#define BIOS_AREA_END    0x100000

/* The direct map always covers the first 4 GiB (paging_map_direct), and
 * no table we read is larger than 64 KiB (a MADT for 255 CPUs is 2 KiB). */
#define TABLE_AREA_END   (4UL << 30)
#define MAX_TABLE_LEN    (64UL << 10)

#define MADT_LOCAL_APIC  0
#define LAPIC_ENABLED    (1u << 0)

struct rsdp {
	char signature[8];
	uint8_t checksum;              /* over the first 20 bytes */
	char oem_id[6];
	uint8_t revision;
	uint32_t rsdt;
	uint32_t length;               /* revision 2 and later from here */
	uint64_t xsdt;
	uint8_t ext_checksum;          /* over length bytes */
	uint8_t reserved[3];
} __attribute__((packed));

#define RSDP_V1_LEN offsetof(struct rsdp, length)

struct sdt_header {
	char signature[4];
	uint32_t length;
	uint8_t revision, checksum;
	char oem_id[6], oem_table_id[8];
	uint32_t oem_revision, creator_id, creator_revision;
} __attribute__((packed));

struct madt {
	struct sdt_header h;
	uint32_t lapic_addr, flags;
	uint8_t entries[];
} __attribute__((packed));

struct madt_local_apic {
	uint8_t type, length, acpi_id, apic_id;
	uint32_t flags;
} __attribute__((packed));

static bool checksum_ok(const void *p, size_t len)
{
	uint8_t sum = 0;

	for (const uint8_t *b = p; len--; b++)
		sum += *b;
	return sum == 0;
}

static bool rsdp_ok(const struct rsdp *r, unsigned long room)
{
	if (memcmp(r->signature, "RSD PTR ", 8) || !checksum_ok(r, RSDP_V1_LEN))
		return false;
	if (r->revision < 2)
		return true;
	return room >= sizeof(*r) && r->length >= sizeof(*r) && r->length <= room &&
	       checksum_ok(r, r->length);
}

/* The RSDP sits on a 16-byte boundary inside [start, end). */
static const struct rsdp *rsdp_scan(unsigned long start, unsigned long end)
{
	for (unsigned long pa = start; pa + RSDP_V1_LEN <= end; pa += 16)
		if (rsdp_ok(maddr_to_virt(pa), end - pa))
			return maddr_to_virt(pa);
	return NULL;
}

/* The first KiB of the EBDA, then the BIOS read-only area (ACPI 5.2.5.1).
 * A BDA pointer outside conventional memory is not followed. */
static const struct rsdp *rsdp_find(void)
{
	unsigned long ebda = (unsigned long)*(const uint16_t *)maddr_to_virt(BDA_EBDA_SEGMENT) << 4;
	const struct rsdp *r = NULL;

	if (ebda >= BDA_END && ebda + EBDA_SCAN_SIZE <= LOW_RAM_END)
		r = rsdp_scan(ebda, ebda + EBDA_SCAN_SIZE);
	return r ? r : rsdp_scan(BIOS_AREA_START, BIOS_AREA_END);
}

/* The header at maddr, if it lies inside the direct map. */
static const struct sdt_header *header_at(uint64_t maddr)
{
	if (!maddr || maddr > TABLE_AREA_END - sizeof(struct sdt_header))
		return NULL;
	return maddr_to_virt(maddr);
}

/* The whole table at maddr, checked, if it carries the signature sig. */
static const struct sdt_header *table_at(uint64_t maddr, const char *sig)
{
	const struct sdt_header *h = header_at(maddr);

	if (!h || memcmp(h->signature, sig, 4))
		return NULL;
	if (h->length < sizeof(*h) || h->length > MAX_TABLE_LEN ||
	    h->length > TABLE_AREA_END - maddr || !checksum_ok(h, h->length)) {
		warn("acpi: %s at %lx: bad length %u or checksum: ignored", sig,
		     (unsigned long)maddr, h->length);
		return NULL;
	}
	return h;
}

/* Entries of the XSDT are 8 bytes, of the RSDT 4, neither aligned. */
static const struct sdt_header *root_find(const struct sdt_header *root, unsigned entry_size,
					  const char *sig)
{
	const uint8_t *e = (const uint8_t *)(root + 1);
	unsigned n = (root->length - sizeof(*root)) / entry_size;

	for (unsigned i = 0; i < n; i++, e += entry_size) {
		uint64_t maddr = 0;
		memcpy(&maddr, e, entry_size);
		const struct sdt_header *t = table_at(maddr, sig);
		if (t)
			return t;
	}
	return NULL;
}

/* ACPI 2.0 firmware has an XSDT; the RSDT is the fallback if it fails. */
static const struct sdt_header *acpi_find(const char *sig)
{
	const struct rsdp *r = rsdp_find();
	const struct sdt_header *root, *t = NULL;

	if (!r)
		return NULL;
	if (r->revision >= 2 && (root = table_at(r->xsdt, "XSDT")))
		t = root_find(root, sizeof(uint64_t), sig);
	if (!t && (root = table_at(r->rsdt, "RSDT")))
		t = root_find(root, sizeof(uint32_t), sig);
	return t;
}

/* Each entry is walked only once its type and length bytes, and then its
 * whole length, are known to lie inside the table. */
unsigned int acpi_madt_apic_ids(uint8_t *ids, unsigned int max)
{
	const struct madt *m = (const struct madt *)acpi_find("APIC");
	unsigned int n = 0;

	if (!m || m->h.length < sizeof(*m))
		return 0;
	const uint8_t *p = m->entries, *end = (const uint8_t *)m + m->h.length;
	for (; end - p >= 2 && p[1] >= 2 && p[1] <= end - p && n < max; p += p[1]) {
		const struct madt_local_apic *l = (const void *)p;
		if (l->type == MADT_LOCAL_APIC && l->length >= sizeof(*l) &&
		    (l->flags & LAPIC_ENABLED))
			ids[n++] = l->apic_id;
	}
	return n;
}
