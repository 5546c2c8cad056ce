/*
 * Writable page tables ("ptwr"): a guest kernel's plain store into one of
 * its own L1 page tables, which it maps read-only, faults; the store is
 * decoded, the new entry validated exactly as mmu_update would, applied,
 * and the guest resumes after the instruction. The stores handled are the
 * ones kernels use on page-table entries: mov (register or immediate),
 * xchg and lock cmpxchg, of 4 or 8 bytes, within one entry. Anything else
 * is left to be bounced to the guest as the #PF it was.
 */
#include "arch.h"
#include "domain.h"
#include "emulate.h"
#include "guest_access.h"
#include "mm.h"
#include "page.h"
#include "page_type.h"
#include "pv_mmu.h"
#include "x86.h"

#define PFEC_PRESENT  (1u << 0)
#define PFEC_WRITE    (1u << 1)
#define PFEC_INSN     (1u << 4)
#define X86_EFLAGS_ZF (1UL << 6)
#define MAX_INSN      15

enum store_kind { STORE_MOV, STORE_XCHG, STORE_CMPXCHG };

struct store {
	enum store_kind kind;
	unsigned size;              /* 4 or 8 */
	unsigned reg;               /* source register, unless imm */
	bool has_imm;
	uint64_t imm;
	unsigned len;               /* instruction length */
};

struct fetch {
	uint8_t bytes[MAX_INSN];
	unsigned len, avail;
};

static bool next(struct fetch *f, uint8_t *b)
{
	if (f->len >= f->avail)
		return false;
	*b = f->bytes[f->len++];
	return true;
}

static bool skip(struct fetch *f, unsigned n)
{
	if (f->len + n > f->avail)
		return false;
	f->len += n;
	return true;
}

/* The length of a memory operand's ModRM, SIB and displacement bytes. */
static bool skip_modrm(struct fetch *f, uint8_t modrm)
{
	unsigned mod = modrm >> 6, rm = modrm & 7;
	uint8_t sib = 0;

	if (mod == 3)
		return false;                 /* a register: not a store to memory */
	if (rm == 4 && !next(f, &sib))
		return false;
	if (mod == 1)
		return skip(f, 1);
	if (mod == 2 || (mod == 0 && rm == 5) || (mod == 0 && rm == 4 && (sib & 7) == 5))
		return skip(f, 4);
	return true;
}

static bool decode_store(struct fetch *f, struct store *s)
{
	uint8_t b = 0, rex = 0, modrm;

	s->size = 4;
	do {
		if (!next(f, &b))
			return false;
		if ((b & 0xf0) == 0x40)
			rex = b;
	} while (b == 0xf0 || (b & 0xf0) == 0x40);
	if (rex & 0x08)
		s->size = 8;
	if (b == 0x0f) {
		if (!next(f, &b) || b != 0xb1)
			return false;
		s->kind = STORE_CMPXCHG;
	} else if (b == 0x89 || b == 0x87) {
		s->kind = b == 0x89 ? STORE_MOV : STORE_XCHG;
	} else if (b == 0xc7) {
		s->kind = STORE_MOV;
		s->has_imm = true;
	} else {
		return false;
	}
	if (!next(f, &modrm) || !skip_modrm(f, modrm))
		return false;
	s->reg = ((modrm >> 3) & 7) | ((rex & 0x04) ? 8 : 0);
	if (s->has_imm) {
		int32_t imm;
		if ((modrm >> 3) & 7 || f->len + 4 > f->avail)
			return false;
		memcpy(&imm, f->bytes + f->len, 4);
		f->len += 4;
		s->imm = (uint64_t)(int64_t)imm;
	}
	s->len = f->len;
	return true;
}

static uint64_t sized(uint64_t v, unsigned size)
{
	return size == 8 ? v : (uint32_t)v;
}

/* What the store does: the new entry (if it writes one) and the register
 * results, which are committed only once the entry has been accepted. */
struct outcome {
	bool writes;
	uint64_t new_entry;
	uint64_t *reg;              /* xchg's register, cmpxchg's rax, or NULL */
	uint64_t reg_value;
	bool zf;                    /* cmpxchg's result */
};

static struct outcome store_outcome(struct cpu_user_regs *regs, const struct store *s,
				    unsigned offset, uint64_t old)
{
	unsigned shift = offset * 8;
	uint64_t mask = s->size == 8 ? ~0UL : 0xffffffffUL << shift;
	uint64_t old_part = sized(old >> shift, s->size);
	uint64_t val = s->has_imm ? s->imm : *guest_gpr(regs, s->reg);
	struct outcome o = { .writes = true,
			     .new_entry = (old & ~mask) | ((sized(val, s->size) << shift) & mask) };

	if (s->kind == STORE_XCHG) {
		o.reg = guest_gpr(regs, s->reg);
		o.reg_value = old_part;
	} else if (s->kind == STORE_CMPXCHG) {
		o.zf = sized(regs->rax, s->size) == old_part;
		o.writes = o.zf;
		o.reg = o.zf ? NULL : &regs->rax;
		o.reg_value = old_part;
	}
	return o;
}

static void commit_registers(struct cpu_user_regs *regs, const struct store *s,
			     const struct outcome *o)
{
	if (o->reg)
		*o->reg = o->reg_value;
	if (s->kind == STORE_CMPXCHG)
		regs->rflags = o->zf ? regs->rflags | X86_EFLAGS_ZF : regs->rflags & ~X86_EFLAGS_ZF;
	regs->rip += s->len;
}

/* The fault is ours only if it is a kernel write to a present, read-only
 * mapping of a validated L1 table of this very domain. */
static bool find_l1_target(struct vcpu *v, unsigned long cr2, unsigned long *table_mfn)
{
	unsigned long map_mfn;
	unsigned idx;

	if (!guest_l1_slot(v->guest_table, cr2, &map_mfn, &idx) ||
	    mfn_to_page(map_mfn)->type != PGT_l1)
		return false;
	uint64_t e = ((uint64_t *)mfn_to_virt(map_mfn))[idx];
	if (!(e & _PAGE_PRESENT) || (e & _PAGE_RW))
		return false;
	*table_mfn = pte_mfn(e);
	if (!owned_by(*table_mfn, v->domain->domain_id))
		return false;
	struct page_info *pg = mfn_to_page(*table_mfn);
	return pg->type == PGT_l1 && pg->type_count;
}

bool emulate_ptwr(struct vcpu *v, struct cpu_user_regs *regs, unsigned long cr2)
{
	struct fetch f = { .avail = MAX_INSN };
	struct store s = { 0 };
	unsigned long table_mfn;

	if ((regs->error_code & (PFEC_PRESENT | PFEC_WRITE | PFEC_INSN)) !=
	    (PFEC_PRESENT | PFEC_WRITE) || !v->kernel_mode ||
	    !find_l1_target(v, cr2, &table_mfn))
		return false;
	while (f.avail && copy_from_guest_va(f.bytes, regs->rip, f.avail))
		f.avail--;
	if (!decode_store(&f, &s) || (cr2 & (s.size - 1)))
		return false;

	unsigned idx = (cr2 & (PAGE_SIZE - 1)) / sizeof(uint64_t);
	uint64_t old = ((uint64_t *)mfn_to_virt(table_mfn))[idx];
	struct outcome o = store_outcome(regs, &s, cr2 & 7, old);
	spin_lock(&mm_lock);
	int rc = o.writes ? mod_pt_entry(table_mfn, idx, o.new_entry, v->domain->domain_id, false) : 0;
	spin_unlock(&mm_lock);
	if (rc)
		return false;
	commit_registers(regs, &s, &o);
	return true;
}
