#!/usr/bin/env bash
# Boots every test guest (tests/guests/) and hostile guest (tests/hostile/)
# under QEMU as domain 0, on Xenith and on real Xen 4.17, and checks its
# result line and how it shut down (docs/testing.md).
#
#   tests/integration/run.sh [--hv xenith|xen] [GUEST...]
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/qemu.sh

BUILD=build
LOGS=$BUILD/integration
TIMEOUT=60
TAIL_LINES=30

XENITH_IMAGE=$BUILD/xenith.elf32
XENITH_CMDLINE="console=com1"
XEN_IMAGE=$BUILD/xen/xen.elf
XEN_CMDLINE="console=com1 loglvl=all guest_loglvl=all noreboot"

# cli/sti trap to the hypervisor; Xenith emulates them as writes to the event
# mask, real Xen reflects #GP (docs/testing.md).
XENITH_ONLY=" emulate "
# Guests whose hypervisor side Xenith lacks so far: they run on Xen only and
# are reported as pending on Xenith, not as failures. Remove a name when
# Xenith passes it (docs/testing.md).
PENDING_ON_XENITH="

"
SHUTDOWN_REASONS="poweroff reboot crash"
# Boot modules a guest gets after its own: a dom0 guest that builds a domU
# finds the domU's image in its second module (start_info.mod_start).
declare -A EXTRA_MODULES=([domu_hello]=$BUILD/guests/domu/domu_child.elf
	[domu_cycles]=$BUILD/guests/domu/domu_child.elf
	[sched_spinner]=$BUILD/guests/domu/domu_spinner.elf
	[sched_weight]=$BUILD/guests/domu/domu_spinner.elf
	[sched_cap]=$BUILD/guests/domu/domu_spinner.elf
	[evtchn_bad]=$BUILD/guests/domu/evtchn_child.elf
	[evtchn_flood]=$BUILD/guests/domu/flood_child.elf
	[grant_map]=$BUILD/guests/domu/grant_child.elf
	[grant_copy]=$BUILD/guests/domu/grant_child.elf
	[grant_destroy]=$BUILD/guests/domu/grant_child.elf
	[gk_domu]=$BUILD/guest-kernel-tests/domu-bundle.cpio)

# Xenith ends QEMU through isa-debug-exit with 2*reason+1.
declare -A XENITH_STATUS=([poweroff]=1 [reboot]=3 [crash]=7)
# Real Xen only says how dom0 went down.
declare -A XEN_MESSAGE=(
	[poweroff]="Hardware Dom0 halted"
	[reboot]="Hardware Dom0 shutdown: rebooting"
	[crash]="Hardware Dom0 crashed"
)
XEN_END="Hardware Dom0 (halted|crashed|shutdown)|Panic on CPU"

passed=0
failed=0
skipped=0
pending=0
# How the last boot ended, as run_xen or run_xenith saw it.
outcome=

usage() {
	echo "usage: $0 [--hv xenith|xen] [GUEST...]" >&2
	exit 2
}

# A guest's image: hostile guests are built beside the others.
guest_elf() {
	if [ -f "tests/hostile/$1.c" ]; then
		echo "$BUILD/hostile/$1.elf"
	else
		echo "$BUILD/guests/$1.elf"
	fi
}

# is_listed LIST NAME: NAME is a word of the whitespace-separated LIST.
is_listed() {
	local word
	for word in $1; do
		[ "$word" = "$2" ] && return 0
	done
	return 1
}

# qemu_args IMAGE CMDLINE GUEST ARGS LOG: the QEMU line docs/testing.md fixes.
qemu_args() {
	local module
	module=$(guest_elf "$3")
	[ -n "$4" ] && module="$module $4"
	[ -n "${EXTRA_MODULES[$3]:-}" ] && module="$module,${EXTRA_MODULES[$3]}"
	QEMU_ARGS=(-accel "$ACCEL" "${QEMU_MACHINE[@]}" -serial "file:$5"
		-kernel "$1" -append "$2" -initrd "$module")
}

report_failure() {
	local hv=$1 guest=$2 reason=$3 what=$4 log=$5
	echo "FAIL: $guest ($reason) on $hv: $what"
	failed=$((failed + 1))
	show_log_tail "$log" "$TAIL_LINES"
}

# The guest's own verdict: exactly one result line, PASS or SKIP.
check_result_line() {
	local guest=$1 log=$2 lines
	lines=$(grep -a "RESULT: $guest: " "$log")
	if [ -z "$lines" ]; then
		echo "no 'RESULT: $guest:' line"
	elif [ "$(printf '%s\n' "$lines" | wc -l)" -ne 1 ]; then
		echo "more than one result line"
	elif ! printf '%s\n' "$lines" | grep -Eq "RESULT: $guest: (PASS|SKIP)"; then
		echo "expected PASS, got '${lines#*RESULT: }'"
	fi
}

trap stop_qemu EXIT
trap 'exit 130' INT TERM

# Xenith exits QEMU by itself; its exit status is the shutdown reason.
run_xenith() {
	local guest=$1 args=$2 log=$3 status
	qemu_args "$XENITH_IMAGE" "$XENITH_CMDLINE" "$guest" "$args" "$log"
	timeout "$TIMEOUT" qemu-system-x86_64 "${QEMU_ARGS[@]}" >/dev/null 2>>"$log.qemu" &
	QEMU_PID=$!
	wait "$QEMU_PID"
	status=$?
	QEMU_PID=
	if [ "$status" -eq 124 ]; then
		outcome="QEMU still running after ${TIMEOUT}s"
	else
		outcome="exit status $status"
	fi
}

# Xen never exits QEMU: watch the log for dom0's end, then stop QEMU.
run_xen() {
	local guest=$1 args=$2 log=$3 status deadline=$((SECONDS + TIMEOUT))
	qemu_args "$XEN_IMAGE" "$XEN_CMDLINE" "$guest" "$args" "$log"
	qemu-system-x86_64 "${QEMU_ARGS[@]}" >/dev/null 2>>"$log.qemu" &
	QEMU_PID=$!
	until grep -Eqa "$XEN_END" "$log" || ! kill -0 "$QEMU_PID" 2>/dev/null ||
		[ "$SECONDS" -ge "$deadline" ]; do
		sleep 0.1
	done
	stop_qemu
	wait "$QEMU_PID"
	status=$?
	QEMU_PID=
	if grep -Eqa "$XEN_END" "$log"; then
		outcome=$(grep -Eoa "($XEN_END).*" "$log" | head -n1)
	elif [ "$SECONDS" -ge "$deadline" ]; then
		outcome="no end of dom0 after ${TIMEOUT}s"
	else
		outcome="QEMU exited with status $status before dom0 ended"
	fi
}

# run_case HV GUEST REASON: one boot, counted as passed, failed or skipped.
run_case() {
	local hv=$1 guest=$2 reason=$3 args="" log expected problem
	[ "$guest" = shutdown ] && args="reason=$reason"
	log=$LOGS/$hv-$guest${args:+-$reason}.log
	if [ "$hv" = xen ] && is_listed "$XENITH_ONLY" "$guest"; then
		echo "SKIP: $guest on xen: Xenith-only (see docs/testing.md)"
		skipped=$((skipped + 1))
		return
	fi
	if [ "$hv" = xenith ] && is_listed "$PENDING_ON_XENITH" "$guest"; then
		echo "PENDING: $guest on xenith: not run, pending on Xenith (see docs/testing.md)"
		pending=$((pending + 1))
		return
	fi
	local image=$XENITH_IMAGE
	[ "$hv" = xen ] && image=$XEN_IMAGE
	if [ ! -f "$image" ]; then
		report_failure "$hv" "$guest" "$reason" "$image is not built" ""
		return
	fi
	rm -f "$log" "$log.qemu"
	: >"$log"
	if [ "$hv" = xen ]; then
		run_xen "$guest" "$args" "$log"
		expected=${XEN_MESSAGE[$reason]}
	else
		run_xenith "$guest" "$args" "$log"
		expected="exit status ${XENITH_STATUS[$reason]}"
	fi
	problem=$(check_result_line "$guest" "$log")
	# Xen goes on after the words we expect (": halting machine").
	if [[ $outcome != "$expected" && $outcome != "$expected"[:\ ]* ]]; then
		problem="${problem:+$problem; }expected '$expected', got '$outcome'"
	fi
	if [ -n "$problem" ]; then
		report_failure "$hv" "$guest" "$reason" "$problem" "$log"
	elif grep -qa "RESULT: $guest: SKIP" "$log"; then
		echo "SKIP: $guest on $hv: $(grep -a "RESULT: $guest: SKIP" "$log" | sed 's/.*SKIP: //')"
		skipped=$((skipped + 1))
	else
		echo "ok: $guest${args:+ $args} on $hv"
		passed=$((passed + 1))
	fi
}

run_guest() {
	local hv=$1 guest=$2 reason
	if [ "$guest" = shutdown ]; then
		for reason in $SHUTDOWN_REASONS; do
			run_case "$hv" "$guest" "$reason"
		done
	else
		run_case "$hv" "$guest" poweroff
	fi
}

hvs="xenith xen"
guests=()
while [ $# -gt 0 ]; do
	case $1 in
	--hv)
		[ $# -ge 2 ] || usage
		case $2 in xenith | xen) hvs=$2 ;; *) usage ;; esac
		shift 2
		;;
	-*) usage ;;
	*)
		guests+=("$1")
		shift
		;;
	esac
done
if [ ${#guests[@]} -eq 0 ]; then
	for src in tests/guests/*.c tests/hostile/*.c; do
		[ -f "$src" ] || continue
		guests+=("$(basename "$src" .c)")
	done
fi

ACCEL=$(pick_accel)
echo "integration: QEMU accelerator: $ACCEL"
mkdir -p "$LOGS"
for hv in $hvs; do
	for guest in "${guests[@]}"; do
		if [ ! -f "$(guest_elf "$guest")" ]; then
			report_failure "$hv" "$guest" poweroff "$(guest_elf "$guest") is not built" ""
			continue
		fi
		run_guest "$hv" "$guest"
	done
done
[ "$skipped" -gt 0 ] && echo "$skipped skipped"
[ "$pending" -gt 0 ] && echo "$pending pending on Xenith"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
