#!/usr/bin/env bash
# run.sh HYPERVISOR DOM0_KERNEL [DOM0_ARGS] — boots Xenith under QEMU with
# the serial console on this terminal. QEMU exits with 2*R+1 when domain 0
# shuts down with reason R (docs/testing.md); 1 is a clean poweroff.
set -u
source "$(dirname "$0")/qemu.sh"
hv=$1 kernel=$2 args=${3:-}
accel=$(pick_accel)
echo "run: QEMU with -accel $accel" >&2
qemu-system-x86_64 -accel "$accel" "${QEMU_MACHINE[@]}" -serial stdio \
	-kernel "$hv" -append "console=com1 ${XENITH_CMDLINE:-}" -initrd "$kernel $args"
status=$?
if [ "$status" -eq 1 ]; then
	echo "run: domain 0 powered off" >&2
	exit 0
fi
echo "run: QEMU exited with status $status" >&2
exit "$status"
