/*
 * QEMU TCG plugin: exact instruction counts between marker instructions.
 *
 * `xchg %bx,%bx` (66 87 db) opens a region on the vCPU that executes it and
 * names it by the value of %rbx; `xchg %cx,%cx` (66 87 c9) closes the open
 * region of its vCPU. Every instruction that vCPU executes strictly between
 * the two markers is counted, whatever its privilege level, so a hypercall's
 * count holds the guest's and the hypervisor's instructions alike.
 * Each closed region is written as one line:
 *
 *     region tag=<%rbx> vcpu=<index> insns=<count>
 *
 * to the file named by the plugin argument out=FILE (stderr without it).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static const uint8_t start_marker[] = { 0x66, 0x87, 0xdb };
static const uint8_t end_marker[] = { 0x66, 0x87, 0xc9 };

struct vcpu_region {
	uint64_t insns;		/* all instructions this vCPU has begun */
	uint64_t start;		/* insns just after the start marker */
	uint64_t tag;
	bool open;
};

static struct qemu_plugin_scoreboard *regions;
static qemu_plugin_u64 insns;
static struct qemu_plugin_register *rbx;
static FILE *out;

static bool is_marker(struct qemu_plugin_insn *insn, const uint8_t *marker)
{
	uint8_t bytes[sizeof(start_marker) + 1];

	return qemu_plugin_insn_data(insn, bytes, sizeof(bytes)) == sizeof(start_marker) &&
	       memcmp(bytes, marker, sizeof(start_marker)) == 0;
}

static uint64_t read_rbx(void)
{
	GByteArray *buf = g_byte_array_new();
	uint64_t value = 0;

	if (qemu_plugin_read_register(rbx, buf) >= (int)sizeof(value))
		memcpy(&value, buf->data, sizeof(value));
	g_byte_array_free(buf, TRUE);
	return value;
}

static void on_start(unsigned int vcpu, void *unused)
{
	struct vcpu_region *r = qemu_plugin_scoreboard_find(regions, vcpu);

	(void)unused;
	r->tag = read_rbx();
	r->start = r->insns;
	r->open = true;
}

static void on_end(unsigned int vcpu, void *unused)
{
	struct vcpu_region *r = qemu_plugin_scoreboard_find(regions, vcpu);

	(void)unused;
	if (!r->open)
		return;
	r->open = false;
	fprintf(out, "region tag=%" PRIu64 " vcpu=%u insns=%" PRIu64 "\n",
		r->tag, vcpu, r->insns - r->start);
	fflush(out);
}

/*
 * Callbacks and inline ops on one instruction run in the order they are
 * registered: the start marker's callback follows its own increment and the
 * end marker's precedes it, so neither marker is inside its region.
 * Counting per instruction rather than per block keeps the count exact when
 * an instruction faults in the middle of a translation block.
 */
static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t n = qemu_plugin_tb_n_insns(tb);

	(void)id;
	for (size_t i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);

		if (is_marker(insn, end_marker))
			qemu_plugin_register_vcpu_insn_exec_cb(insn, on_end,
							       QEMU_PLUGIN_CB_NO_REGS, NULL);
		qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn,
			QEMU_PLUGIN_INLINE_ADD_U64, insns, 1);
		if (is_marker(insn, start_marker))
			qemu_plugin_register_vcpu_insn_exec_cb(insn, on_start,
							       QEMU_PLUGIN_CB_R_REGS, NULL);
	}
}

/* Register handles are the same on every vCPU of one target. */
static void on_vcpu_init(qemu_plugin_id_t id, unsigned int vcpu)
{
	GArray *regs;

	(void)id;
	(void)vcpu;
	if (rbx)
		return;
	regs = qemu_plugin_get_registers();
	for (guint i = 0; i < regs->len; i++) {
		qemu_plugin_reg_descriptor *d =
			&g_array_index(regs, qemu_plugin_reg_descriptor, i);

		if (strcmp(d->name, "rbx") == 0)
			rbx = d->handle;
	}
	g_array_free(regs, TRUE);
}

static void on_qemu_exit(qemu_plugin_id_t id, void *unused)
{
	(void)id;
	(void)unused;
	if (out != stderr)
		fclose(out);
	qemu_plugin_scoreboard_free(regions);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
					   int argc, char **argv)
{
	out = stderr;
	for (int i = 0; i < argc; i++) {
		if (strncmp(argv[i], "out=", 4) != 0) {
			fprintf(stderr, "insncount: unknown argument %s\n", argv[i]);
			return -1;
		}
		out = fopen(argv[i] + 4, "w");
		if (!out) {
			perror(argv[i] + 4);
			return -1;
		}
	}
	if (strcmp(info->target_name, "x86_64") != 0) {
		fprintf(stderr, "insncount: x86_64 only, not %s\n", info->target_name);
		return -1;
	}
	regions = qemu_plugin_scoreboard_new(sizeof(struct vcpu_region));
	insns = qemu_plugin_scoreboard_u64_in_struct(regions, struct vcpu_region, insns);
	qemu_plugin_register_vcpu_init_cb(id, on_vcpu_init);
	qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
	qemu_plugin_register_atexit_cb(id, on_qemu_exit, NULL);
	return 0;
}
