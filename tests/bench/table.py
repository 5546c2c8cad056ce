#!/usr/bin/env python3
"""Turns the bench boots' serial logs and plugin region files into one table.

For each column NAME, OUTDIR holds NAME.status ("ok" or "failed: reason"),
NAME.log (BENCH lines from the guest) and NAME.regions (the plugin's
"region tag=T vcpu=V insns=N" lines). Prints the table, writes the CSV and
replaces the results block of the README.
"""
import argparse
import csv
import re
import sys
from collections import Counter

ROWS = {
    "empty": "empty call (in every region; subtracted from the rest)",
    "null_hypercall": "null hypercall: xen_version(XENVER_version)",
    "syscall_roundtrip": "guest kernel -> user -> kernel (syscall)",
    "inb_port80": "inb $0x80 (PV: trapped and emulated)",
    "cli_sti": "cli; sti (PV: trapped)",
    "event_mask": "mask + unmask events (vcpu_info)",
    "cpuid": "cpuid (PV: forced emulation)",
    "mmu_update_1": "PTE update: mmu_update, 1 entry (native: PTE store)",
    "mmu_update_8": "PTE updates: mmu_update, 8 entries, per entry (native: 8 stores)",
    "mmu_update_64": "PTE updates: mmu_update, 64 entries, per entry (native: 64 stores)",
    "mmu_update_512": "PTE updates: mmu_update, 512 entries, per entry (native: 512 stores)",
    "update_va_mapping": "PTE update: update_va_mapping, no flush (native: PTE store)",
    "update_va_mapping_invlpg":
        "PTE update + flush: update_va_mapping, UVMF_INVLPG (native: PTE store; invlpg)",
    "ptwr_store": "PTE store into a read-only L1 (PV: trapped and emulated, ptwr)",
    "new_baseptr": "switch L4: mmuext_op(NEW_BASEPTR) (native: mov %cr3)",
    "mov_cr3": "switch L4: mov %cr3 (PV: trapped and emulated)",
    "domain_create": "domain creation: createdomain to the domU's first instruction (16 MiB)",
    "evtchn_roundtrip": "interdomain event channel round trip: send, domU answers, SCHEDOP_poll",
    "grant_map_unmap": "grant map + unmap of a domU's 4 KiB page",
    "grant_copy": "grant copy of a domU's 4 KiB page",
}
CSV_FIELDS = ["op", "column", "status", "entries", "insns_per_op",
              "region_insns_mode", "regions_at_mode", "regions_counted",
              "region_insns_min", "region_insns_max", "ticks_median",
              "ticks_min", "ticks_max", "iters", "na"]
BEGIN, END = "<!-- bench-results -->", "<!-- /bench-results -->"


def parse_log(path):
    """BENCH lines as {op: fields}, in the order the guest printed them."""
    ops, cpu = {}, None
    for line in open(path, errors="replace"):
        m = re.search(r"BENCH (.*)", line.rstrip("\r\n"))
        if not m:
            continue
        body = m.group(1)
        if body.startswith("cpu="):
            cpu = body[4:].strip()
        elif body.startswith("op="):
            name, _, rest = body[3:].partition(" ")
            if rest.startswith("na="):
                ops[name] = {"na": rest[3:]}
            else:
                ops[name] = dict(kv.split("=", 1) for kv in rest.split())
    return ops, cpu


def parse_regions(path):
    """All region counts per tag."""
    regions = {}
    for line in open(path):
        m = re.match(r"region tag=(\d+) vcpu=\d+ insns=(\d+)", line)
        if m:
            regions.setdefault(m.group(1), []).append(int(m.group(2)))
    return regions


def count_regions(fields, regions):
    """The count most of an op's regions agree on: an interrupt inside a
    region adds its handler to that region only."""
    counts = regions.get(fields.get("tag"))
    if not counts:
        return
    mode, at_mode = Counter(counts).most_common(1)[0]
    fields.update(region_insns_mode=mode, regions_at_mode=at_mode,
                  regions_counted=len(counts), region_insns_min=min(counts),
                  region_insns_max=max(counts))


def load_column(outdir, name):
    status = open(f"{outdir}/{name}.status").read().strip()
    col = {"status": status, "ops": {}, "cpu": None}
    if status != "ok":
        return col
    col["ops"], col["cpu"] = parse_log(f"{outdir}/{name}.log")
    regions = parse_regions(f"{outdir}/{name}.regions")
    for fields in col["ops"].values():
        count_regions(fields, regions)
    # Every region also holds the call of the op; the empty op is just that.
    # A batch's figures are per entry.
    overhead = col["ops"].get("empty", {}).get("region_insns_mode")
    for op, fields in col["ops"].items():
        if overhead is not None and "region_insns_mode" in fields:
            fields["insns_per_op"] = (fields["region_insns_mode"] - (
                0 if op == "empty" else overhead)) / entries(fields)
    return col


def entries(fields):
    return int(fields.get("entries", 1))


def number(v, fields):
    """Whole numbers as such; per-entry figures of a batch with a decimal."""
    return f"{v:.1f}" if entries(fields) > 1 else f"{v:.0f}"


def cells(col, op):
    """The instruction and tick cells of one operation in one column."""
    if col["status"] != "ok":
        return "", ""
    f = col["ops"].get(op)
    if f is None:
        return "missing", ""
    if "na" in f:
        return "n/a: " + f["na"], ""
    med, lo, hi = (number(int(f[k]) / entries(f), f)
                   for k in ("ticks_median", "ticks_min", "ticks_max"))
    insns = f.get("insns_per_op")
    return "-" if insns is None else number(insns, f), f"{med} [{lo}..{hi}]"


def ratio(a, b):
    if not a or not b or a.get("insns_per_op") is None or not b.get("insns_per_op"):
        return ""
    return f"{a['insns_per_op'] / b['insns_per_op']:.2f}"


def table(columns, labels, header):
    ops = []
    for col in columns.values():
        ops += [op for op in col["ops"] if op not in ops]
    names = list(columns)
    xenith, xen = columns.get("pv-xenith"), columns.get("pv-xen")
    lines = [f"| operation | | {' | '.join(labels[n] for n in names)} | Xenith / Xen |",
             "|---|---|" + "---|" * len(names) + "---|",
             "| status | | " + " | ".join(columns[n]["status"] for n in names) + " | |"]
    for op in ops:
        insns, ticks = zip(*(cells(columns[n], op) for n in names))
        r = ratio(xenith and xenith["ops"].get(op), xen and xen["ops"].get(op))
        lines.append(f"| {ROWS.get(op, op)} | insns | {' | '.join(insns)} | {r} |")
        lines.append(f"| | ticks | {' | '.join(ticks)} | |")
    return "\n".join(header + [""] + lines) + "\n"


def write_csv(path, columns):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, CSV_FIELDS, extrasaction="ignore")
        w.writeheader()
        for name, col in columns.items():
            if col["status"] != "ok":
                w.writerow({"column": name, "status": col["status"]})
            for op, fields in col["ops"].items():
                row = dict(fields, op=op, column=name, status=col["status"])
                if "insns_per_op" in fields:
                    row["insns_per_op"] = number(fields["insns_per_op"], fields)
                w.writerow(row)


def update_readme(path, text):
    doc = open(path).read()
    start, end = doc.index(BEGIN) + len(BEGIN), doc.index(END)
    open(path, "w").write(doc[:start] + "\n" + text + doc[end:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--column", action="append", default=[], help="NAME=LABEL")
    ap.add_argument("--accel", required=True)
    ap.add_argument("--qemu", required=True, help="QEMU's version line")
    ap.add_argument("--host-cpu", required=True)
    ap.add_argument("--csv")
    ap.add_argument("--readme")
    args = ap.parse_args()
    labels = dict(c.split("=", 1) for c in args.column)
    columns = {n: load_column(args.outdir, n) for n in labels}
    cpu = next((c["cpu"] for c in columns.values() if c["cpu"]), "unknown")
    header = [f"- accelerator: {args.accel}",
              f"- {args.qemu}, `-cpu max` (the guest sees \"{cpu}\")",
              f"- host CPU: {args.host_cpu}",
              "- insns: instructions per operation, guest and hypervisor, exact;"
              " ticks: TSC ticks per call, median [min..max]"
              + (" (emulator time under TCG)" if args.accel == "tcg" else "")]
    text = table(columns, labels, header)
    sys.stdout.write(text)
    if args.csv:
        write_csv(args.csv, columns)
    if args.readme:
        update_readme(args.readme, text)


if __name__ == "__main__":
    main()
