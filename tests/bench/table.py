#!/usr/bin/env python3
"""Turns the bench boots' serial logs and plugin region files into two tables:
the bench kernels' operations, and the guest kernel's lmbench-style rows.

For each boot NAME, OUTDIR holds NAME.status ("ok" or "failed: reason"),
NAME.log (BENCH lines from the guest) and NAME.regions (the plugin's
"region tag=T vcpu=V insns=N" lines). A column is one boot or several
("NAME+NAME..."), whose rows it puts together. Prints the tables, writes
the CSV and replaces the results blocks of the README.
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
    "domain_create_kernel":
        "domain creation to the guest kernel's first console line (16 MiB), as dom0 gets it",
    "domain_create_prompt":
        "domain creation to the guest kernel's shell prompt (16 MiB; root: init, /bin/sh)",
    "domain_create_with_1": "domain creation (16 MiB) with 1 idle domU running (4 MiB each)",
    "domain_create_with_8": "domain creation (16 MiB) with 8 idle domUs running",
    "domain_create_with_32": "domain creation (16 MiB) with 32 idle domUs running",
    "domain_create_with_64": "domain creation (16 MiB) with 64 idle domUs running",
    "domu_capacity": "most 16 MiB domUs that boot: 2 GiB machine, dom0 64 MiB",
}
GUEST_ROWS = {
    "empty": ROWS["empty"],
    "null_syscall": "null system call: getpid()",
    "open_close": "open + close of /bin/true",
    "fork_exit": "fork + _exit + wait",
    "fork_exec": "fork + execve of /bin/true + wait",
    "ctx_pipe_2": "context switch, pipe ring of 2 processes, per switch",
    "ctx_pipe_8": "context switch, pipe ring of 8 processes, per switch",
    "page_fault": "page fault: first touch of an anonymous page",
    "mmap_1m": "mmap + touch every page + munmap, 1 MiB anonymous",
    "brk_page": "brk growth: sbrk of a page + touch",
    "xs_read": "xenstore: xs_read of a 10-byte node (dom0 process, xenstored in dom0)",
    "xs_write": "xenstore: xs_write of a 10-byte value",
    "xs_transaction": "xenstore: transaction: start, xs_write, commit",
    "xs_directory": "xenstore: xs_directory of a node with 4 children",
}
CSV_FIELDS = ["op", "column", "status", "entries", "insns_per_op",
              "region_insns_mode", "regions_at_mode", "region_insns_median",
              "cycle_length", "region_insns_cycle",
              "regions_counted", "region_insns_min", "region_insns_max",
              "ticks_median", "ticks_min", "ticks_max", "iters", "count", "why", "na"]
MARKERS = "<!-- bench-results -->", "<!-- /bench-results -->"
GUEST_MARKERS = "<!-- bench-guest-results -->", "<!-- /bench-guest-results -->"


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
                continue
            # A count says last what stopped it, in words.
            rest, _, why = rest.partition(" why=")
            ops[name] = dict(kv.split("=", 1) for kv in rest.split())
            if why:
                ops[name]["why"] = why
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
    """The count most of an op's regions agree on (an interrupt inside a
    region adds its handler to that region only), and their median."""
    counts = regions.get(fields.get("tag"))
    if not counts:
        return
    mode, at_mode = Counter(counts).most_common(1)[0]
    fields.update(region_insns_mode=mode, regions_at_mode=at_mode,
                  region_insns_median=sorted(counts)[len(counts) // 2],
                  regions_counted=len(counts), region_insns_min=min(counts),
                  region_insns_max=max(counts))
    cycle = count_cycle(counts)
    if cycle:
        fields.update(cycle_length=len(cycle), region_insns_cycle=sum(cycle) / len(cycle))


def count_cycle(counts):
    """Where an op's counts cycle (a xenstore request's depends on where the
    ring's indices stand, whose alignment comes back every few requests):
    the shortest cycle at each of whose positions most regions agree, as
    those counts; one count where most of all regions agree. None if no
    cycle with at least 20 regions a position has one."""
    for length in range(1, len(counts) // 20 + 1):
        at = [Counter(counts[i::length]).most_common(1)[0] for i in range(length)]
        if all(2 * n > len(counts[i::length]) for i, (_, n) in enumerate(at)):
            return [count for count, _ in at]
    return None


def load_column(outdir, boots, statistic):
    """boots: "NAME+NAME...", the boots whose rows the column puts together;
    the first one's status is the column's, with any other that failed."""
    col = load_boot(outdir, boots.split("+")[0], statistic)
    for name in boots.split("+")[1:]:
        more = load_boot(outdir, name, statistic)
        if more["status"] != "ok":
            col["status"] += f"; {name}: {more['status']}"
        col["ops"].update((op, f) for op, f in more["ops"].items() if op not in col["ops"])
    return col


def load_columns(outdir, specs, statistic):
    """specs: "NAME[+NAME...]=LABEL" each; the columns and their labels,
    both by the first boot's name."""
    boots = dict(c.split("=", 1) for c in specs)
    columns = {b.split("+")[0]: load_column(outdir, b, statistic) for b in boots}
    return columns, {b.split("+")[0]: label for b, label in boots.items()}


def load_boot(outdir, name, statistic):
    """statistic: "mode", "median" or "cycle", the region count an op's
    figure is from (region_insns)."""
    try:
        status = open(f"{outdir}/{name}.status").read().strip()
    except FileNotFoundError:
        return {"status": "not run", "ops": {}, "cpu": None}
    col = {"status": status, "ops": {}, "cpu": None}
    if status != "ok":
        return col
    col["ops"], col["cpu"] = parse_log(f"{outdir}/{name}.log")
    regions = parse_regions(f"{outdir}/{name}.regions")
    for fields in col["ops"].values():
        count_regions(fields, regions)
    # Every region also holds the call of the op; the empty op is just that.
    # A batch's figures are per entry.
    overhead = region_insns(col["ops"].get("empty", {}), statistic)
    for op, fields in col["ops"].items():
        insns = region_insns(fields, statistic)
        if overhead is not None and insns is not None:
            fields["insns_per_op"] = (insns - (0 if op == "empty" else overhead)) / entries(fields)
    return col


def region_insns(fields, statistic):
    """An op's region count: the mode, unless fewer than half the regions
    agree on it (no two domain creations do), then the median; the mean
    over a cycle (count_cycle) where the counts have one, else the median."""
    if statistic == "mode" and 2 * fields.get("regions_at_mode", 0) < fields.get("regions_counted", 0):
        statistic = "median"
    if statistic == "cycle" and "region_insns_cycle" not in fields:
        statistic = "median"
    return fields.get("region_insns_" + statistic)


def entries(fields):
    return int(fields.get("entries", 1))


def number(v, fields):
    """Whole numbers as such; per-entry figures of a batch with a decimal."""
    return f"{v:.1f}" if entries(fields) > 1 else f"{v:.0f}"


def cells(col, op, counted):
    """The instruction and tick cells of one operation in one column, or
    for a count, the count and what stopped it."""
    f = col["ops"].get(op)
    if f is None:
        return "missing" if col["status"] == "ok" else "", ""
    if "na" in f:
        return "n/a: " + f["na"], ""
    if counted:
        return f.get("count", "-"), f.get("why", "")
    med, lo, hi = (number(int(f[k]) / entries(f), f)
                   for k in ("ticks_median", "ticks_min", "ticks_max"))
    insns = f.get("insns_per_op")
    return "-" if insns is None else number(insns, f), f"{med} [{lo}..{hi}]"


def ratio(a, b, key):
    """One op's figure in column a over its figure in column b."""
    if not a or not b or a.get(key) is None or not b.get(key):
        return ""
    return f"{float(a[key]) / float(b[key]):.2f}"


def ratios_of(columns, ratios, op, key):
    return [ratio(columns[a]["ops"].get(op), columns[b]["ops"].get(op), key)
            for a, b in ratios.values()]


def row(*cells):
    return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"


def table(columns, labels, names, ratios, header):
    """names: the rows' titles by op; ratios: column pairs by title."""
    ops = []
    for col in columns.values():
        ops += [op for op in col["ops"] if op not in ops]
    cols = list(columns)
    lines = [row("operation", "", *(labels[n] for n in cols), *ratios),
             "|---|---|" + "---|" * (len(cols) + len(ratios)),
             row("status", "", *(columns[n]["status"] for n in cols), *[""] * len(ratios))]
    for op in ops:
        counted = any("count" in columns[n]["ops"].get(op, {}) for n in cols)
        first, second = zip(*(cells(columns[n], op, counted) for n in cols))
        if counted:
            lines.append(row(names.get(op, op), "count", *first,
                             *ratios_of(columns, ratios, op, "count")))
            lines.append(row("", "stopped by", *second, *[""] * len(ratios)))
            continue
        lines.append(row(names.get(op, op), "insns", *first,
                         *ratios_of(columns, ratios, op, "insns_per_op")))
        lines.append(row("", "ticks", *second, *ratios_of(columns, ratios, op, "ticks_median")))
    return "\n".join(header + [""] + lines) + "\n"


def write_csv(path, columns):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, CSV_FIELDS, extrasaction="ignore")
        w.writeheader()
        for name, col in columns.items():
            if col["status"] != "ok":
                w.writerow({"column": name, "status": col["status"]})
            for op, fields in col["ops"].items():
                record = dict(fields, op=op, column=name, status=col["status"])
                if "insns_per_op" in fields:
                    record["insns_per_op"] = number(fields["insns_per_op"], fields)
                w.writerow(record)


def update_readme(path, text, markers):
    begin, end_marker = markers
    doc = open(path).read()
    start, end = doc.index(begin) + len(begin), doc.index(end_marker)
    open(path, "w").write(doc[:start] + "\n" + text + doc[end:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--column", action="append", default=[],
                    help="NAME[+NAME...]=LABEL: a column of one boot or several")
    ap.add_argument("--guest-column", action="append", default=[],
                    help="NAME[+NAME...]=LABEL, of the lmbench-style table")
    ap.add_argument("--accel", required=True)
    ap.add_argument("--qemu", required=True, help="QEMU's version line")
    ap.add_argument("--host-cpu", required=True)
    ap.add_argument("--csv")
    ap.add_argument("--readme")
    args = ap.parse_args()
    columns, labels = load_columns(args.outdir, args.column, "mode")
    # A fork's regions differ by a few instructions (which process slot,
    # which free page), and an interrupt lands in many of the longest: no
    # one count need have a majority, so the median region stands for them,
    # unless the counts cycle.
    guest, guest_labels = load_columns(args.outdir, args.guest_column, "cycle")
    cpu = next((c["cpu"] for c in columns.values() if c["cpu"]), "unknown")
    header = [f"- accelerator: {args.accel}",
              f"- {args.qemu}, `-cpu max` (the guest sees \"{cpu}\")",
              f"- host CPU: {args.host_cpu}",
              "- insns: instructions per operation, guest and hypervisor, exact;"
              " ticks: TSC ticks per call, median [min..max]"
              + (" (emulator time under TCG)" if args.accel == "tcg" else "")
              + "; count: how many, and what stopped the count"]
    text = table(columns, labels, ROWS, {"Xenith / Xen": ("pv-xenith", "pv-xen")}, header)
    guest_header = ["- insns: instructions per operation, user, guest kernel and hypervisor,"
                    " exact: the median region (or the mean over a cycle) less the empty one;"
                    " ticks: TSC ticks per call, median [min..max]; the ratios: of the insns,"
                    " and of the median ticks"]
    guest_text = table(guest, guest_labels, GUEST_ROWS,
                       {"PV on Xenith / native": ("guest-pv-xenith", "guest-native"),
                        "PV on Xen / native": ("guest-pv-xen", "guest-native"),
                        "Xenith / Xen": ("guest-pv-xenith", "guest-pv-xen")}, guest_header)
    sys.stdout.write(text + "\nguest kernel, lmbench-style:\n\n" + guest_text)
    if args.csv:
        write_csv(args.csv, {**columns, **guest})
    if args.readme:
        update_readme(args.readme, text, MARKERS)
        update_readme(args.readme, guest_text, GUEST_MARKERS)


if __name__ == "__main__":
    main()
