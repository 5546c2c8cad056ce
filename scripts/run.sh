#!/usr/bin/env bash
# run.sh HYPERVISOR DOM0_KERNEL [DOM0_ARGS] — boots Xenith under QEMU with
# the serial console on this terminal. QEMU exits with 2*R+1 when domain 0
# shuts down with reason R (docs/testing.md); 1 is a clean poweroff.
set -u
hv=$1 kernel=$2 args=${3:-}
accel=tcg
grep -qwE 'vmx|svm' /proc/cpuinfo && accel=kvm
echo "run: QEMU with -accel $accel" >&2
qemu-system-x86_64 -accel "$accel" -cpu max -m 512 -smp 2 -display none -monitor none \
	-no-reboot -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=4 \
	-kernel "$hv" -append "console=com1 ${XENITH_CMDLINE:-}" -initrd "$kernel $args"
status=$?
if [ "$status" -eq 1 ]; then
	echo "run: domain 0 powered off" >&2
	exit 0
fi
echo "run: QEMU exited with status $status" >&2
exit "$status"
