#!/usr/bin/env bash
# make bench: boots the native bench kernel, then the PV bench guest on Xenith
# and on Xen 4.17, each under the same QEMU with the insncount plugin; prints
# one table, writes docs/bench/bench.csv and the results in docs/bench/README.md.
# A column that cannot run says why in its status; the others still run.
set -euo pipefail
source scripts/qemu.sh

out=build/bench
plugin=$out/insncount.so
pv_guest=$out/pv-bench.elf
# The PV guest's second boot module: the domU of its interdomain rows.
pv_peer=$out/pv-bench-peer.elf
xen=${XEN_ELF:-build/xen/xen.elf}
xenith=${XENITH:-build/xenith.elf32}
boot_timeout=${BENCH_BOOT_TIMEOUT:-300}
make=${MAKE:-make}
# The guest's last line, or a hypervisor or kernel dying.
end_re='BENCH done|Hardware Dom0 (halted|crashed)|Panic on CPU|FATAL |RESULT: '
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

# What isa-debug-exit statuses mean under Xenith (docs/testing.md).
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
	why=$(grep -a -m1 -A1 -E 'Panic on CPU|Hardware Dom0 crashed|FATAL |RESULT: .*FAIL' "$log" |
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
boot() { # name kernel append initrd
	local name=$1 log=$out/$1.log args
	args=(-accel "$accel" "${qemu_args[@]}" -serial "file:$log" -kernel "$2")
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

boot native "$out/native-bench.elf" "" ""
if build "$pv_guest" pv-xenith pv-xen && build "$pv_peer" pv-xenith pv-xen; then
	if build "$xenith" pv-xenith; then
		boot pv-xenith "$xenith" "console=com1" "$pv_guest,$pv_peer"
	fi
	boot pv-xen "$xen" \
		"console=com1 loglvl=all guest_loglvl=all noreboot dom0_max_vcpus=1" "$pv_guest,$pv_peer"
fi

python3 tests/bench/table.py "$out" \
	--column native=native --column "pv-xenith=PV on Xenith" \
	--column "pv-xen=PV on Xen 4.17" \
	--accel "$accel_note" \
	--qemu "$(qemu-system-x86_64 --version | one_line)" \
	--host-cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) CPUs" \
	--csv docs/bench/bench.csv --readme docs/bench/README.md
