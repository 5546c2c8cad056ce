#!/usr/bin/env bash
# Builds newlib for the guest kernel's userland from Debian's newlib source
# package and installs it as build/newlib/{include,lib}. Idempotent: once
# build/newlib/lib/libc.a exists, built with the configuration below
# (build/newlib/config records it), it does nothing and touches no network.
# Needs the deb-src entry that scripts/deps.sh adds.
set -euo pipefail

prefix=$PWD/build/newlib
work=$PWD/build/newlib-work
log=$work/build.log

# Newlib is the libc itself, so its own code gets the user programs' code
# model (static, linked low: no PIC) but none of their -Werror. No stack
# protector: GCC's x86-64 canary lives at %fs:0x28 and our processes have
# no TLS. Red zone and SSE stay: the kernel never runs on a user stack, and
# the x86-64 ABI passes floating point in SSE registers. -nostdinc keeps the
# host's glibc headers out; GCC's own (stddef.h, stdarg.h, float.h) remain.
# SIGNAL_PROVIDED, as newlib's targets with a kernel that has signals set
# it: no signal()/raise() emulated in user space, where only raise() would
# run a handler; the glue's signal() goes to the kernel, newlib's raise()
# through kill().
target_cflags="-O2 -g -fno-pic -fno-pie -mcmodel=small -fno-stack-protector \
-nostdinc -isystem $(gcc -print-file-name=include) -DSIGNAL_PROVIDED"

# The host's binutils and GCC are the target tools: x86_64-elf differs from
# the host only in having no OS, which our system-call glue supplies.
tools=()
for t in AR AS LD NM OBJDUMP RANLIB READELF STRIP; do
	tools+=("${t}_FOR_TARGET=${t,,}")
done

# No libgloss: its libnosys would answer every system call with ENOSYS in
# place of our glue. No system calls of newlib's own either: for a bare
# x86_64 its reentrant wrappers call read(), write() ... by their POSIX
# names (configure.host's MISSING_SYSCALL_NAMES), which the glue defines.
# No threads in a guest process, so no locking. The default targets build
# no docs.
configure_args=(--target=x86_64-elf --disable-multilib --disable-libgloss
	--disable-newlib-supplied-syscalls --disable-newlib-multithread
	--enable-newlib-io-long-long --enable-newlib-io-c99-formats
	CC_FOR_TARGET=gcc "${tools[@]}" CFLAGS_FOR_TARGET="$target_cflags")

config="${configure_args[*]}"
[ -f "$prefix/lib/libc.a" ] && [ "$(cat "$prefix/config" 2>/dev/null)" = "$config" ] && exit 0

fail() {
	echo "build-newlib: $1 failed; the last lines of $log:" >&2
	tail -n 30 "$log" >&2
	exit 1
}

rm -rf "$work" "$prefix" "$prefix.part"
mkdir -p "$work/obj"
echo "  NEWLIB  Debian source package -> $prefix (about a minute)"
(cd "$work" && apt-get source --download-only newlib) >"$log" 2>&1 ||
	fail "apt-get source newlib (is the deb-src entry from 'make deps' there?)"
dpkg-source -x "$work"/newlib_*.dsc "$work/src" >>"$log" 2>&1 || fail "dpkg-source"

(cd "$work/obj" && ../src/configure --prefix="$prefix.part" "${configure_args[@]}") \
	>>"$log" 2>&1 || fail "configure"

# The outer make's job server and flags are not newlib's.
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$work/obj" -j"$(nproc)" \
	>>"$log" 2>&1 || fail "make"

# Installed aside and moved in whole, so an interrupted build never leaves a
# libc.a that makes the next run think it is done.
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$work/obj" install \
	tooldir="$prefix.part" >>"$log" 2>&1 || fail "make install"
printf '%s\n' "$config" >"$prefix.part/config"
mv "$prefix.part" "$prefix"
rm -rf "$work"
