# What every script that boots Xenith, Xen or the native kernel under QEMU
# shares; sourced, from the repository's root.

# KVM only where the CPU really has VT-x or AMD-V: these machines' /dev/kvm
# is a software backend that mis-executes a ring-0 hypervisor (DESIGN.md §4).
pick_accel() {
	if grep -Eqw 'vmx|svm' /proc/cpuinfo && [ -w /dev/kvm ]; then
		echo kvm
	else
		echo tcg
	fi
}

# The machine docs/testing.md fixes; isa-debug-exit lets a kernel end QEMU
# with a status. Callers add -accel, -serial, -kernel, -append and -initrd.
QEMU_MACHINE=(-cpu max -m 512 -smp 2 -display none -monitor none -no-reboot
	-device isa-debug-exit,iobase=0xf4,iosize=4)

# QEMU runs in the background so that an interrupted run can still end it
# (background jobs ignore SIGINT, and Xen's QEMU never ends by itself).
QEMU_PID=
stop_qemu() {
	[ -n "$QEMU_PID" ] && kill "$QEMU_PID" 2>/dev/null
}

# show_log_tail LOG LINES: a failed boot's serial log tail (a guest gone
# astray may have written binary to it) and what QEMU itself said, bar
# the "terminating on signal" of our own stop_qemu.
show_log_tail() {
	local log=$1 lines=$2
	[ -f "$log" ] || return 0
	echo "--- last $lines lines of $log"
	tail -n "$lines" "$log" | tr -cd '\11\12\15\40-\176'
	echo "---"
	if grep -qv "terminating on signal" "$log.qemu" 2>/dev/null; then
		echo "--- QEMU said:"
		grep -v "terminating on signal" "$log.qemu"
		echo "---"
	fi
}
