#!/usr/bin/env bash
# Boots the guest kernel with a test's root
# (build/guest-kernel-tests/NAME.cpio): the PV build
# (build/guest-kernel-pv.elf) as domain 0 on Xenith and on real Xen 4.17,
# and the native build (build/guest-kernel-native.elf) on QEMU alone.
# Types what the test asks for, then checks its one result line (or its
# lines in NAME.expected, any it MUST_SHOW, and its own CHECK) and how the
# machine went down. Each test must also print the same lines on all. The
# tests of dom0's toolstack (xl: xl's commands, guests made, a console
# attached; run: make run's root with its three guests, each console
# visited) run on the hypervisors only.
#
#   tests/guest-kernel/run.sh [--hv xenith|xen|native] [TEST...]
#
# A test's INPUT is a list of steps, taken in order, each looking only at
# output that came after the last key typed (and after the line the last
# expect matched):
#   LINE         typed, with Enter, once the test's PROMPT shows
#   expect RE    waits for RE
#   send LINE    typed at once, with Enter: into a console just attached,
#                since xl console N first shows what the guest printed
#                before (its old prompt too), and only the output of what
#                is typed tells that the guest has it
# A lone control character is a key, typed without Enter (Ctrl-] leaves
# xl console). RE is an extended regular expression matched against whole
# lines, each ending in \r. The line the last key went into is left out:
# it holds the echo of a line typed at a prompt, so that ^ anchors a
# pattern to output that starts a line. A line sent into a console just
# attached may be echoed on a line of its own: its pattern must not match
# the line itself.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/qemu.sh

BUILD=build
KERNEL=$BUILD/guest-kernel-pv.elf
TESTS_DIR=$BUILD/guest-kernel-tests
LOGS=$TESTS_DIR/logs
TIMEOUT=120
TAIL_LINES=30

XENITH_IMAGE=$BUILD/xenith.elf32
XENITH_CMDLINE="console=com1"
XEN_IMAGE=$BUILD/xen/xen.elf
XEN_CMDLINE="console=com1 loglvl=all guest_loglvl=all noreboot"
# Real Xen never exits QEMU: it says how dom0 went down and spins.
XEN_END="Hardware Dom0 (halted|crashed|shutdown)|Panic on CPU"
XEN_POWEROFF="Hardware Dom0 halted"
# Xenith exits QEMU with 2*reason+1: poweroff is 1.
XENITH_POWEROFF=1
# The native kernel exits QEMU the same way, through isa-debug-exit.
NATIVE_IMAGE=$BUILD/guest-kernel-native.elf
NATIVE_CMDLINE="console=com1"

# What a test prompts for (an extended regular expression) and its steps
# (above; Enter is \r, as from a terminal).
SH_INPUT=(
	'echo sh: hello | cat'
	'echo sh: redirected > /tmp/f; echo sh: appended >> /tmp/f; cat < /tmp/f'
	"echo 'echo sh: script ran; false' > /tmp/script; sh /tmp/script; echo sh: script status \$?"
	'sleep 30 & kill $!; wait; echo sh: killed status $?'
	'nosuch; echo sh: missing status $?'
	'ps; echo sh: ps status $?; uptime; echo sh: uptime status $?; free; echo sh: free status $?'
	'dmesg > /tmp/d; echo sh: dmesg status $?'
	# 72 background sleeps, more than the process table holds: the 11
	# forks past the cap fail, each saying so, and the system carries on.
	"echo 'sleep 20 &' > /tmp/f; cat /tmp/f /tmp/f /tmp/f /tmp/f /tmp/f /tmp/f /tmp/f /tmp/f > /tmp/g"
	'cat /tmp/g /tmp/g /tmp/g /tmp/g /tmp/g /tmp/g /tmp/g /tmp/g /tmp/g > /tmp/flood; echo wait >> /tmp/flood'
	'sh /tmp/flood; echo sh: flood status $?; echo sh: still forking'
	'poweroff'
)
# dom0's toolstack from the same shell; its own error lines start "xl: ".
XL_INPUT=(
	'xl list; echo xl: list status $?'
	'xl info; echo xl: info status $?'
	'xl pause 42; echo xl: pause status $?'
	'xl unpause 42; echo xl: unpause status $?'
	'xl destroy 42; echo xl: destroy status $?'
	'xl pause dom0; echo xl: bad id status $?'
	'xl frobnicate; echo xl: usage status $?'
	'privcmd_test; echo xl: privcmd_test status $?'
	'evtchn_test; echo xl: evtchn_test status $?'
	'xl create /etc/xen/guest.cfg > /tmp/c; echo xl: create status $?'
	'xl list'
	'xl destroy 2; echo xl: destroy 2 status $?'
	'xl create -c /etc/xen/guest.cfg; echo xl: create -c status $?'
	'xl destroy 3; echo xl: destroy 3 status $?'
	'xl create /etc/xen/shell.cfg; xl console 4'
	# A domU has event channels but no privcmd.
	'ls /dev/xen/evtchn /dev/xen/privcmd; echo guest: typed into domain 4'
	# xenstore from the guest: its own nodes, and hostile requests.
	'xenstore read name domid; xenbus_test; echo guest: xenbus_test status $?'
	# Ctrl-] detaches: dom0's prompt follows.
	$'\x1d'
	'xenstore read /local/domain/4/name; echo xl: read name status $?'
	'xl console 9; echo xl: console 9 status $?'
	'xl shutdown 0; echo xl: shutdown 0 status $?'
	'xl shutdown 9; echo xl: shutdown 9 status $?'
	# A guest that corrupts its xenstore and console rings: xenstored stops
	# serving it (it powers off on seeing so), xenconsoled says so, and
	# both serve the others still. xenconsoled's line comes after dom0's
	# prompt, so the next line is sent at once.
	'xl create /etc/xen/ring_corrupt.cfg; echo xl: ring_corrupt status $?'
	'expect xenconsoled: domain 5: console ring indices out of range'
	'send xl list; xenstore read /local/domain/4/name'
	'xl destroy 5; echo xl: destroy 5 status $?'
	# A guest that crashes: its monitor says so and destroys it (on_crash).
	'xl create /etc/xen/crash.cfg; echo xl: crash status $?'
	'expect xl monitor: domain 6 \(crash\) crashed: destroyed'
	'send xl list'
	# Its kernel hears the request through xenstore and powers off.
	'xl shutdown -w 4; echo xl: shutdown 4 status $?'
	'xl list'
	'poweroff'
)
# free's Mem line in a 16 MiB guest; Ctrl-] at the guest's prompt, and
# dom0's free shows its 256 MiB: dom0's shell is back.
IN_GUEST='expect ^Mem: +16384 '
DETACH=($'\x1d' free 'expect ^Mem: +262144 ')
# make run's domain 0 (GUESTS=3): three guests made by /etc/rc, then the
# shell. Each guest's console in turn: the guest keeps its name, read from
# xenstore, in its own /tmp, and its free shows a 16 MiB machine, not
# dom0. One guest is destroyed: Xen no longer knows it, xl forgets it, its
# memory is free again (CHECK: xl info before and after), and the other
# two still answer through their consoles with the names they kept. One
# of them reboots and its monitor makes it again; poweroff shuts the
# guests down first (dom0's /etc/rc.shutdown).
RUN_INPUT=(
	'xl list; echo run: list status $?'
	'xl console 1'
	'send xenstore read name > /tmp/name; free'
	"$IN_GUEST"
	"${DETACH[@]}"
	'xl console 2'
	'send xenstore read name > /tmp/name; free'
	"$IN_GUEST"
	"${DETACH[@]}"
	'xl console 3'
	'send xenstore read name > /tmp/name; free'
	"$IN_GUEST"
	"${DETACH[@]}"
	'xl info'
	'xl destroy 2; echo run: destroy 2 status $?'
	'xl info'
	'xl pause 2; echo run: pause 2 status $?; xl console 2; echo run: console 2 status $?'
	'xl pause 1; echo run: pause 1 status $?; xl unpause 1; echo run: unpause 1 status $?'
	'xl console 1'
	'send cat /tmp/name'
	'expect ^guest1'
	"${DETACH[@]}"
	'xl console 3'
	'send cat /tmp/name'
	'expect ^guest3'
	"${DETACH[@]}"
	'xl list'
	# A guest that reboots is made again by its monitor (on_reboot).
	'xl console 3'
	'send reboot'
	'expect xl monitor: domain 3 \(guest3\) rebooted: restarted'
	'send xl list'
	'expect ^guest3 +[0-9]+ +16 +1 '
	'poweroff'
)
declare -A PROMPT=([smoke]="smoke: type a line:" [sh]="^# " [xl]="^# " [run]="^# ")
declare -A INPUT=([smoke]=$'ping\r' [sh]="$(printf '%s\r' "${SH_INPUT[@]}")"
	[xl]="$(printf '%s\r' "${XL_INPUT[@]}")" [run]="$(printf '%s\r' "${RUN_INPUT[@]}")")
# A test only some platforms run (xl needs a hypervisor), and a line it
# must also print.
declare -A ONLY_ON=([xl]="xenith xen" [run]="xenith xen")
# A test that boots another root, and one that needs dom0's memory capped
# so that guests fit beside it.
declare -A ROOT=([run]=dom0-3)
declare -A HV_ARGS=([run]="dom0_mem=256M")
# Several lines are several patterns, one a line.
declare -A MUST_SHOW=([run]=$'^guest1 +1 +16 +1 \n^guest2 +2 +16 +1 \n^guest3 +3 +16 +1 \n^xl: domain 1 shut down'
	[xl]=$'^Domain-0 +0 +[0-9]+ +1 \n^hello +2 +16 +1 \nXenith kernel on Xen PV \\(guest domain\\)\ninit: /etc/rc exited with status 0\n^guest: typed into domain 4\n^/dev/xen/evtchn\n^ls: /dev/xen/privcmd: No such file\n^shell\r\n^4\r\n^xenbus_test: [0-9]+ passed, 0 failed\n^guest: xenbus_test status 0\n^ring_corrupt +5 +4 +1 +---s-- ')
# A test's own check of its log: a function that prints what is wrong.
declare -A CHECK=([run]=guest_memory_freed)

# The newlib userland's suite (guest-kernel/user/systest), whose result is
# its summary line rather than the freestanding tests' RESULT line.
USERLAND_TESTS=(systest sh xl run)
# Or, instead of a result line, the lines it must print (those that
# start with its name), in tests/guest-kernel/NAME.expected.
EXPECTED_DIR=tests/guest-kernel
declare -A VERDICT=([systest]="^systest: [0-9]+ passed, [0-9]+ failed")
declare -A PASS=([systest]="^systest: [0-9]+ passed, 0 failed")

passed=0
failed=0
outcome=
stuck=
# Where the output a step looks at starts, and the last line typed (for
# the message of a step never taken).
mark=0
typed=

usage() {
	echo "usage: $0 [--hv xenith|xen|native] [TEST...]" >&2
	exit 2
}

trap stop_qemu EXIT
trap 'exit 130' INT TERM

report_failure() {
	local test=$1 hv=$2 what=$3 log=$4
	echo "FAIL: $test on $hv: $what"
	failed=$((failed + 1))
	show_log_tail "$log" "$TAIL_LINES"
}

# The serial line is QEMU's stdio: output to the log, input from a FIFO the
# harness holds open (so that QEMU's read end never sees end-of-file).
start_qemu() {
	local image=$1 cmdline=$2 modules=$3 log=$4 fifo=$4.in
	rm -f "$log" "$log.qemu" "$fifo"
	: >"$log"
	mkfifo "$fifo"
	exec 3<>"$fifo"
	qemu-system-x86_64 -accel "$ACCEL" "${QEMU_MACHINE[@]}" -serial stdio \
		-kernel "$image" -append "$cmdline" \
		-initrd "$modules" <"$fifo" >"$log" 2>"$log.qemu" &
	QEMU_PID=$!
}

# A line and Enter; a lone control character (Ctrl-] leaving xl console)
# is a key, typed alone: an Enter after it would bring one more prompt.
type_line() {
	if [[ $1 == [[:cntrl:]] ]]; then
		printf '%s' "$1" >&3
	else
		printf '%s\r' "$1" >&3
	fi
}

# The test's INPUT as steps of their own: a bare LINE waits for the prompt.
steps_of() { # test array
	local test=$1 entry entries
	local -n out=$2
	IFS=$'\r' read -ra entries <<<"${INPUT[$test]:-}"
	out=()
	for entry in "${entries[@]}"; do
		case $entry in
		"expect "* | "send "*) out+=("$entry") ;;
		*) out+=("expect ${PROMPT[$test]}" "send $entry") ;;
		esac
	done
}

# The log from the byte before $mark: its first line, the one $mark falls
# in, is never matched. A newline stands before the log's start.
log_since_mark() {
	if [ "$mark" -eq 0 ]; then
		echo
		cat "$1"
	else
		tail -c "+$mark" "$1"
	fi
}

# True once RE matches a line that started after $mark; $mark then moves
# into that line, so that the next step looks only past it. grep -b gives
# each line's offset in log_since_mark's output, where 0 is the line left out.
seen() { # re log
	local at
	at=$(log_since_mark "$2" | LC_ALL=C grep -Eab -- "$1" | cut -d: -f1 | grep -m1 -vx 0)
	[ -n "$at" ] && mark=$((mark + at))
}

take_step() { # step log
	case $1 in
	"expect "*) seen "${1#expect }" "$2" ;;
	"send "*)
		mark=$(stat -c %s "$2")
		typed=${1#send }
		type_line "$typed"
		;;
	esac
}

# Waits for the end (Xenith: QEMU exits; Xen: its message), taking the
# test's steps as their output shows; $stuck says what never did. Never
# sleeps for the guest's sake.
watch_boot() {
	local hv=$1 test=$2 log=$3 deadline=$((SECONDS + TIMEOUT)) steps next=0
	steps_of "$test" steps
	mark=0 typed=
	while kill -0 "$QEMU_PID" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
		while [ "$next" -lt "${#steps[@]}" ] && take_step "${steps[next]}" "$log"; do
			next=$((next + 1))
		done
		[ "$hv" = xen ] && grep -Eqa "$XEN_END" "$log" && break
		sleep 0.1
	done
	stuck=
	[ "$next" -ge "${#steps[@]}" ] || stuck="never saw '${steps[next]#expect }'${typed:+ after typing ${typed@Q}}"
}

finish_boot() {
	local hv=$1 log=$2 status
	if kill -0 "$QEMU_PID" 2>/dev/null; then
		stop_qemu
		wait "$QEMU_PID"
		status=timeout
	else
		wait "$QEMU_PID"
		status=$?
	fi
	QEMU_PID=
	exec 3>&-
	rm -f "$log.in"
	if [ "$hv" = xen ]; then
		outcome=$(grep -Eoa "($XEN_END).*" "$log" | head -n1)
		[ -n "$outcome" ] || outcome="no end of dom0 after ${TIMEOUT}s"
	elif [ "$status" = timeout ]; then
		outcome="QEMU still running after ${TIMEOUT}s"
	else
		outcome="exit status $status"
	fi
}

# The run test's xl info before and after the destroy: free_memory (MiB)
# grows by the guest's 16 MiB.
guest_memory_freed() { # log
	local free
	mapfile -t free < <(LC_ALL=C sed -n 's/^free_memory *: \([0-9]*\).*/\1/p' "$1")
	if [ "${#free[@]}" -ne 2 ]; then
		echo "${#free[@]} free_memory lines, not 2 (before and after the destroy)"
	elif [ $((free[1] - free[0])) -ne 16 ]; then
		echo "free_memory ${free[0]} MiB before the destroy and ${free[1]} after, not 16 more"
	fi
}

# Says what is wrong with the test's output, if anything.
check_result() {
	local test=$1 log=$2 expected=$EXPECTED_DIR/$1.expected verdict lines
	while IFS= read -r pattern; do
		[ -z "$pattern" ] || grep -Eqa "$pattern" "$log" || echo "no line matching '$pattern'"
	done <<<"${MUST_SHOW[$test]:-}"
	[ -z "${CHECK[$test]:-}" ] || "${CHECK[$test]}" "$log"
	if [ -f "$expected" ]; then
		diff -q "$expected" <(grep -a "^$test: " "$log" | tr -d '\r') >/dev/null ||
			echo "its lines differ from $expected"
		return
	fi
	verdict=${VERDICT[$test]:-"RESULT: $test: "}
	lines=$(grep -Ea "$verdict" "$log" | tr -d '\r')
	if [ -z "$lines" ]; then
		echo "no line matching '$verdict'"
	elif [ "$(printf '%s\n' "$lines" | wc -l)" -ne 1 ]; then
		echo "more than one result line"
	elif ! printf '%s\n' "$lines" | grep -Eq "${PASS[$test]:-"RESULT: $test: PASS"}"; then
		echo "got '$lines'"
	fi
}

run_test() {
	local hv=$1 test=$2 log=$LOGS/$hv-$2.log image cmdline modules expected problem
	case $hv in
	xen) image=$XEN_IMAGE cmdline=$XEN_CMDLINE expected=$XEN_POWEROFF ;;
	xenith) image=$XENITH_IMAGE cmdline=$XENITH_CMDLINE expected="exit status $XENITH_POWEROFF" ;;
	native) image=$NATIVE_IMAGE cmdline=$NATIVE_CMDLINE expected="exit status $XENITH_POWEROFF" ;;
	esac
	# Under a hypervisor, the kernel is domain 0's first module.
	modules=$TESTS_DIR/${ROOT[$test]:-$test}.cpio
	[ "$hv" = native ] || modules=$KERNEL,$modules
	rm -f "$log"
	for f in "$image" ${modules//,/ }; do
		if [ ! -f "$f" ]; then
			report_failure "$test" "$hv" "$f is not built" ""
			return
		fi
	done
	start_qemu "$image" "$cmdline ${HV_ARGS[$test]:-}" "$modules" "$log"
	watch_boot "$hv" "$test" "$log"
	finish_boot "$hv" "$log"
	problem=$(check_result "$test" "$log")
	[ -z "$stuck" ] || problem="${problem:+$problem; }$stuck"
	if [[ $outcome != "$expected"* ]]; then
		problem="${problem:+$problem; }expected '$expected', got '$outcome'"
	fi
	if [ -n "$problem" ]; then
		report_failure "$test" "$hv" "$problem" "$log"
	else
		echo "ok: $test on $hv"
		passed=$((passed + 1))
	fi
}

# The test's own lines (its name first) must be the same on every
# platform as on the first. A boot that never ran (no log) has already
# failed once.
compare_hvs() {
	local test=$1 first=$2 hv=$3 diff=$LOGS/$1-$2-$3.diff
	[ -f "$LOGS/$first-$test.log" ] && [ -f "$LOGS/$hv-$test.log" ] || return 0
	if diff <(grep -a "^$test: " "$LOGS/$first-$test.log" | tr -d '\r') \
		<(grep -a "^$test: " "$LOGS/$hv-$test.log" | tr -d '\r') >"$diff"; then
		echo "ok: $test prints the same on $first and $hv"
		passed=$((passed + 1))
	else
		report_failure "$test" "$first and $hv" "different output" "$diff"
	fi
}

hvs="xenith xen native"
tests=()
while [ $# -gt 0 ]; do
	case $1 in
	--hv)
		[ $# -ge 2 ] || usage
		case $2 in xenith | xen | native) hvs=$2 ;; *) usage ;; esac
		shift 2
		;;
	-*) usage ;;
	*)
		tests+=("$1")
		shift
		;;
	esac
done
if [ ${#tests[@]} -eq 0 ]; then
	for src in tests/guest-kernel/*.c; do
		tests+=("$(basename "$src" .c)")
	done
	tests+=("${USERLAND_TESTS[@]}")
fi

ACCEL=$(pick_accel)
echo "guest-kernel: QEMU accelerator: $ACCEL"
mkdir -p "$LOGS"
runs_on() { # test hv
	[[ " ${ONLY_ON[$1]:-$2} " == *" $2 "* ]]
}

for hv in $hvs; do
	for test in "${tests[@]}"; do
		runs_on "$test" "$hv" && run_test "$hv" "$test"
	done
done
for test in "${tests[@]}"; do
	first=
	for hv in $hvs; do
		runs_on "$test" "$hv" || continue
		[ -z "$first" ] && first=$hv || compare_hvs "$test" "$first" "$hv"
	done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
