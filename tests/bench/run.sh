#!/usr/bin/env bash
# make bench: boots the native bench kernel, then the PV bench guest on Xenith
# and on Xen 4.17 (twice each: the second on a 2 GiB machine, for the count
# of domUs); then the guest kernel with the lmbench-style root, natively and
# as dom0 of each, and again with the xenstore rows' root; each under the
# same QEMU with the insncount plugin. Prints two tables, writes
# docs/bench/bench.csv and the results in docs/bench/README.md. A column
# that cannot run says why in its status; the others still run.
#
#   tests/bench/run.sh [kernels|guest|xenstore]...
#
# boots only those parts (the first table's; the lmbench rows'; the
# xenstore rows') and prints the tables without writing docs/: what is
# there comes from one whole run. The parts not booted read "not run".
set -euo pipefail
source scripts/qemu.sh

out=build/bench
plugin=$out/insncount.so
pv_guest=$out/pv-bench.elf
# The PV guest's second boot module: the images of the domUs it builds.
pv_domus=$out/pv-bench-domus.cpio
xen=${XEN_ELF:-build/xen/xen.elf}
xenith=${XENITH:-build/xenith.elf32}
xen_cmdline="console=com1 loglvl=all guest_loglvl=all noreboot dom0_max_vcpus=1"
# The PV guest's dom0 gets 64 MiB on both hypervisors (either would give it
# nearly all the memory): the rest is for the domUs it creates, up to 65
# at once in its rows of domain creation. A second boot of it, on a 2 GiB
# machine, counts how many 16 MiB domUs boot beside it (domains.c).
pv_dom0_mem=dom0_mem=64M
capacity_mem=(-m 2048)
# The guest kernel's two ports, and the root whose /etc/rc is the lmbench rows.
guest_native=build/guest-kernel-native.elf
guest_pv=build/guest-kernel-pv.elf
guest_root=build/guest-kernel-tests/lmbench.cpio
xs_root=build/guest-kernel-tests/xsbench.cpio
# The parts to boot, all unless named, and where a whole run's results go.
parts=(kernels guest xenstore)
docs_args=(--csv docs/bench/bench.csv --readme docs/bench/README.md)
if [ $# -gt 0 ]; then
	parts=("$@")
	docs_args=()
fi
for part in "${parts[@]}"; do
	case $part in
	kernels | guest | xenstore) ;;
	*) echo "run.sh: no part '$part' (kernels, guest, xenstore)" >&2; exit 2 ;;
	esac
done
boot_timeout=${BENCH_BOOT_TIMEOUT:-300}
make=${MAKE:-make}
# The guest's last line, or a hypervisor or kernel dying.
end_re='BENCH done|Hardware Dom0 (halted|crashed)|Panic on CPU|FATAL |RESULT: '
# What a dead boot's log says about why, the guest kernel's words included.
died_re='Panic on CPU|Hardware Dom0 crashed|FATAL |RESULT: .*FAIL|kernel panic: |killed by signal'
# One vCPU (the later -smp wins): a region must begin and end on the vCPU
# that counts it, and the interdomain rows' domU then runs on that vCPU
# too, so that a region counts dom0, the domU and the hypervisor alike.
qemu_args=("${QEMU_MACHINE[@]}" -smp 1)

accel=$(pick_accel)
if [ "$accel" = kvm ]; then
	accel_note="kvm (vmx/svm present; TCG plugins do not run under KVM: no instruction counts)"
else
	accel_note="tcg (no vmx/svm in /proc/cpuinfo, or no writable /dev/kvm)"
fi

trap 'stop_qemu || true' EXIT
trap 'exit 130' INT TERM

one_line() {
	tr -d '\r' | head -n1 | cut -c1-200
}

fail() { # name reason
	echo "failed: $2" >"$out/$1.status"
}

# The hypervisor and the guest framework are being written: an image that
# does not build fails its columns, not the run.
build() { # target name...
	local target=$1 log=$out/$(basename "$1").build.log
	shift
	"$make" --no-print-directory "$target" >"$log" 2>&1 && return 0
	for name; do
		fail "$name" "$target did not build: $(grep -m1 -E 'error|\*\*\*' "$log" | one_line)"
	done
	return 1
}

# What isa-debug-exit statuses mean under Xenith (docs/testing.md); the
# native guest kernel exits with the same ones, as if it were dom0.
exit_meaning() {
	case $1 in
	1) echo "dom0 powered off" ;; 3) echo "dom0 rebooted" ;;
	5) echo "dom0 suspended" ;; 7) echo "dom0 crashed" ;;
	9) echo "dom0 watchdog" ;; 255) echo "hypervisor panic" ;;
	*) echo "unexpected" ;;
	esac
}

why_not_done() { # log qemu-status timed-out
	local log=$1 why last
	why=$(grep -a -m1 -A1 -E "$died_re" "$log" |
	      tr -d '\r' | paste -sd' ' | cut -c1-200 || true)
	if [ -z "$why" ] && [ "$3" = 1 ]; then
		why="no 'BENCH done' within ${boot_timeout}s"
	elif [ -z "$why" ]; then
		why="QEMU exited with status $2 ($(exit_meaning "$2")) before 'BENCH done'"
	fi
	last=$(grep -a -v '^\s*$' "$log" | tail -n1 | one_line || true)
	echo "$why${last:+; last output: $last}"
}

# Waits for output, never for a fixed time; Xen never exits QEMU itself, so
# QEMU is ended by its PID once the log shows the end.
boot() { # name kernel append initrd [QEMU option...]
	local name=$1 log=$out/$1.log args
	args=(-accel "$accel" "${qemu_args[@]}" "${@:5}" -serial "file:$log" -kernel "$2")
	[ -z "$3" ] || args+=(-append "$3")
	[ -z "$4" ] || args+=(-initrd "$4")
	[ "$accel" != tcg ] || args+=(-plugin "$plugin,out=$out/$name.regions")
	: >"$log"
	: >"$out/$name.regions"
	qemu-system-x86_64 "${args[@]}" 2>"$out/$name.qemu.err" &
	QEMU_PID=$!
	local start=$SECONDS rc=0 timed_out=0
	while kill -0 "$QEMU_PID" 2>/dev/null; do
		if grep -aqE "$end_re" "$log"; then
			break
		fi
		if ((SECONDS - start >= boot_timeout)); then
			timed_out=1
			break
		fi
		sleep 0.1
	done
	# It may have exited by itself meanwhile.
	kill "$QEMU_PID" 2>/dev/null || true
	wait "$QEMU_PID" || rc=$?
	QEMU_PID=
	if grep -aq 'BENCH done' "$log"; then
		echo ok >"$out/$name.status"
	elif [ -s "$out/$name.qemu.err" ] && [ ! -s "$log" ]; then
		fail "$name" "QEMU: $(one_line <"$out/$name.qemu.err")"
	else
		fail "$name" "$(why_not_done "$log" "$rc" "$timed_out")"
	fi
	echo "bench: $name: $(cat "$out/$name.status") ($((SECONDS - start)) s)" >&2
}

kernels() {
	boot native "$out/native-bench.elf" "" ""
	local pv_boots=(pv-xenith pv-xenith-2g pv-xen pv-xen-2g)
	build "$pv_guest" "${pv_boots[@]}" && build "$pv_domus" "${pv_boots[@]}" || return 0
	if [ "$have_xenith" = 1 ]; then
		boot pv-xenith "$xenith" "console=com1 $pv_dom0_mem" "$pv_guest,$pv_domus"
		boot pv-xenith-2g "$xenith" "console=com1 $pv_dom0_mem" \
			"$pv_guest capacity=1,$pv_domus" "${capacity_mem[@]}"
	fi
	boot pv-xen "$xen" "$xen_cmdline $pv_dom0_mem" "$pv_guest,$pv_domus"
	boot pv-xen-2g "$xen" "$xen_cmdline $pv_dom0_mem" "$pv_guest capacity=1,$pv_domus" \
		"${capacity_mem[@]}"
}

# The guest kernel's own processes, with the root ROOT in boots named
# PREFIX-native, PREFIX-pv-xenith and PREFIX-pv-xen: its PV port as dom0,
# its native one alone.
guest_kernel() { # prefix root
	local native=$1-native xenith_boot=$1-pv-xenith xen_boot=$1-pv-xen root=$2
	build "$root" "$native" "$xenith_boot" "$xen_boot" || return 0
	if build "$guest_native" "$native"; then
		boot "$native" "$guest_native" "console=com1" "$root"
	fi
	build "$guest_pv" "$xenith_boot" "$xen_boot" || return 0
	[ "$have_xenith" = 0 ] || boot "$xenith_boot" "$xenith" "console=com1" "$guest_pv,$root"
	boot "$xen_boot" "$xen" "$xen_cmdline" "$guest_pv,$root"
}

guest() {
	guest_kernel guest "$guest_root"
}

# The xenstore rows: more rows of the same table, from a root of their own.
xenstore() {
	guest_kernel xs "$xs_root"
}

# A table's column reads "not run" for a boot of another part.
rm -f "$out"/*.status
have_xenith=0
build "$xenith" pv-xenith pv-xenith-2g guest-pv-xenith xs-pv-xenith && have_xenith=1
for part in "${parts[@]}"; do
	"$part"
done

python3 tests/bench/table.py "$out" \
	--column native=native --column "pv-xenith+pv-xenith-2g=PV on Xenith" \
	--column "pv-xen+pv-xen-2g=PV on Xen 4.17" \
	--guest-column guest-native+xs-native=native \
	--guest-column "guest-pv-xenith+xs-pv-xenith=PV on Xenith" \
	--guest-column "guest-pv-xen+xs-pv-xen=PV on Xen 4.17" \
	--accel "$accel_note" \
	--qemu "$(qemu-system-x86_64 --version | one_line)" \
	--host-cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) CPUs" \
	"${docs_args[@]}"
