#!/usr/bin/env bash
# Wire compatibility of xenstored-host: Debian's xenstore-utils (Xen 4.17's
# own libxenstore) and our libxenstore (libxs_client) talk to it over its
# Unix socket, found through XENSTORED_PATH as Xen's tools find it. Every
# command runs under a timeout; the daemon's socket is waited for with a
# bounded poll. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.." || exit

BUILD=build
DAEMON=$BUILD/dom0/xenstored-host
CLIENT=$BUILD/dom0/libxs_client
TIMEOUT=10

passed=0
failed=0
tmp=$(mktemp -d)
export XENSTORED_PATH=$tmp/socket
daemon=

pass() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }

finish() {
	if [[ -n $daemon ]] && kill -0 "$daemon" 2>/dev/null; then
		kill -TERM "$daemon"
		wait "$daemon" || fail "xenstored-host did not exit cleanly on SIGTERM"
		[[ -e $XENSTORED_PATH ]] && fail "xenstored-host left its socket"
	fi
	if ((failed)) && [[ -s $tmp/daemon.log ]]; then
		echo "--- xenstored-host's log:"
		cat "$tmp/daemon.log"
	fi
	rm -rf "$tmp"
	echo "$passed passed, $failed failed"
	exit $((failed != 0))
}
trap finish EXIT

# The polls below sleep a tick at a time, up to a bound, for something
# another process does; nothing waits a fixed time for its own sake.
wait_for() {
	local what=$1 i
	shift
	for ((i = 0; i < 100; i++)); do
		"$@" && return 0
		sleep 0.05
	done
	fail "$what"
	return 1
}

start_daemon() {
	"$DAEMON" --socket "$XENSTORED_PATH" 2>"$tmp/daemon.log" &
	daemon=$!
	wait_for "xenstored-host's socket appears" test -S "$XENSTORED_PATH"
}

# check NAME EXPECTED COMMAND...: the command succeeds and prints EXPECTED.
check() {
	local name=$1 expected=$2 out
	shift 2
	if out=$(timeout "$TIMEOUT" "$@" 2>&1) && [[ $out == "$expected" ]]; then
		pass "$name"
	else
		fail "$name: got '$out', want '$expected'"
	fi
}

# refuse NAME COMMAND...: the command fails (and does not hang).
refuse() {
	local name=$1 status
	shift
	timeout "$TIMEOUT" "$@" >/dev/null 2>&1
	status=$?
	if ((status != 0 && status != 124)); then
		pass "$name"
	else
		fail "$name: status $status"
	fi
}

xenstore_utils() {
	local i args=()

	check "xenstore-write" "" xenstore-write /a/b hello
	check "xenstore-read" "hello" xenstore-read /a/b
	check "xenstore-write of several" "" xenstore-write /a/c 1 /a/d 2
	check "xenstore-list" $'b\nc\nd' xenstore-list /a
	check "xenstore-ls" $'b = "hello"\nc = "1"\nd = "2"' xenstore-ls /a
	check "xenstore-exists" "" xenstore-exists /a/b
	refuse "xenstore-exists of an absent node" xenstore-exists /a/none
	refuse "xenstore-read of an absent node" xenstore-read /a/none
	check "xenstore-chmod" "" xenstore-chmod /a/b n0 r5
	check "xenstore-ls -p" "(n0,r5)" \
		sh -c 'xenstore-ls -p /a | head -n1 | grep -o "(n0,r5)"'
	refuse "xenstore-chmod of an absent node" xenstore-chmod /a/none n0
	check "xenstore-rm" "" xenstore-rm /a/b
	refuse "xenstore-read after xenstore-rm" xenstore-read /a/b
	check "relative paths are dom0's home" "v" \
		sh -c 'xenstore-write rel v && xenstore-read /local/domain/0/rel'
	for ((i = 0; i < 300; i++)); do
		args+=("/big/a-long-child-name-$i" "")
	done
	check "a directory longer than a reply" "300" \
		sh -c "xenstore-write ${args[*]@Q} && xenstore-list /big | wc -l"
	watch_from_another_client
}

# xenstore-watch prints the event every new watch fires at once, then the
# one a write from another client fires.
watch_from_another_client() {
	local out=$tmp/watch.out
	timeout "$TIMEOUT" xenstore-watch -n 2 /w >"$out" 2>&1 &
	local watcher=$!
	if wait_for "xenstore-watch registers" grep -qx /w "$out"; then
		timeout "$TIMEOUT" xenstore-write /w/x 1
		wait "$watcher"
		if [[ $(cat "$out") == $'/w\n/w/x' ]]; then
			pass "xenstore-watch -n 2 sees another client's write"
		else
			fail "xenstore-watch: got '$(cat "$out")'"
		fi
	else
		kill "$watcher" 2>/dev/null
	fi
	check "xenstore-watch -n 1 stops after the first event" "/w" \
		xenstore-watch -n 1 /w
}

# libxs_client prints "ok: NAME" or "FAIL: NAME: why" for each check.
libxenstore() {
	local out=$tmp/client.out line status bad=$failed
	timeout "$TIMEOUT" "$CLIENT" >"$out" 2>&1
	status=$?
	while IFS= read -r line; do
		case $line in
		"ok: "*) pass "libxenstore: ${line#ok: }" ;;
		"FAIL: "*) fail "libxenstore: ${line#FAIL: }" ;;
		*) echo "$line" ;;
		esac
	done <"$out"
	# A crash or a hang shows in the status, not in the lines.
	((status != 0 && failed == bad)) && fail "libxs_client exited with status $status"
}

start_daemon || exit
if command -v xenstore-write >/dev/null; then
	xenstore_utils
else
	fail "xenstore-utils is not installed (Debian package xenstore-utils)"
fi
libxenstore
kill -0 "$daemon" 2>/dev/null || fail "xenstored-host died"
