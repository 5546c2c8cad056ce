#!/usr/bin/env bash
# Installs everything the build, tests and benchmarks need, by Debian package
# name, on a Debian 12 machine as root. Idempotent: a second run that finds
# everything present does nothing and touches no network.
set -euo pipefail

stamp=build/.deps-ok
main_src=/etc/apt/sources.list.d/xenith-main-src.sources
packages=(build-essential libxen-dev check pkg-config libglib2.0-dev
          xen-hypervisor-4.17-amd64 cpio python3 dpkg-dev xz-utils xenstore-utils)

have_all() {
	command -v qemu-system-x86_64 >/dev/null || return 1
	qemu-system-x86_64 --version | grep -Eq 'version ([1-9][0-9])\.' || return 1
	dpkg-query -W -f='${Status}\n' "${packages[@]}" 2>/dev/null |
		grep -vq 'install ok installed' && return 1
	[ -f build/qemu-plugin/qemu-plugin.h ] || return 1
	[ -f "$main_src" ]
}

# The machine's own Debian archive, as its apt entry names it.
debian_uri() {
	local uri
	uri=$(awk '/^URIs:/ && !/security/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
	if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
		uri=$(awk '$1=="deb" && $3=="bookworm" {print $2; exit}' /etc/apt/sources.list)
	fi
	[ -n "$uri" ] || { echo "deps: cannot find this machine's Debian archive entry" >&2; exit 1; }
	echo "$uri"
}

# The backports entry is derived from the machine's own Debian entry so that
# no mirror host is ever written into this project.
add_backports() {
	local out=/etc/apt/sources.list.d/xenith-backports.sources
	[ -f "$out" ] && return 0
	local uri
	uri=$(debian_uri)
	cat >"$out" <<EOT
Types: deb deb-src
URIs: $uri
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOT
}

# newlib is built from Debian's source package (scripts/build-newlib.sh), so
# apt needs a deb-src entry for the main archive; like the backports entry it
# is derived from the machine's own Debian entry and names no host.
add_main_src() {
	[ -f "$main_src" ] && return 0
	local uri
	uri=$(debian_uri)
	cat >"$main_src" <<EOT
Types: deb-src
URIs: $uri
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOT
}

# QEMU's plugin API header ships only in its source package; fetch the
# backports tarball once and keep just the header.
fetch_plugin_header() {
	[ -f build/qemu-plugin/qemu-plugin.h ] && return 0
	local tmp
	tmp=$(mktemp -d)
	# Exits non-zero on the backport's missing .dsc after fetching the tarball.
	(cd "$tmp" && apt-get source --download-only -t bookworm-backports qemu >/dev/null 2>&1) || true
	local tarball
	tarball=$(ls "$tmp"/qemu_*.orig.tar.* 2>/dev/null | head -n1)
	[ -n "$tarball" ] || { echo "deps: could not fetch the qemu source tarball" >&2; exit 1; }
	mkdir -p build/qemu-plugin
	tar -xf "$tarball" -C "$tmp" --wildcards '*/include/qemu/qemu-plugin.h'
	cp "$tmp"/*/include/qemu/qemu-plugin.h build/qemu-plugin/
	rm -rf "$tmp"
}

mkdir -p build
if [ -f "$stamp" ] && have_all; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing packages; run 'make deps' as root" >&2; exit 1
fi
add_backports
add_main_src
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${packages[@]}"
apt-get install -y -q --no-install-recommends -t bookworm-backports qemu-system-x86
fetch_plugin_header
have_all || { echo "deps: install finished but something is still missing" >&2; exit 1; }
touch "$stamp"
