# Xenith: `make run` boots it, `make test` tests it, `make bench` measures it.
# Each part of the tree adds its own rules through the .mk file beside it.

BUILD := build
ALL_TARGETS :=
UNIT_TESTS :=

.PHONY: all deps run run-native test unit-test integration-test bench clean
all:

include mk/flags.mk
include hypervisor/hypervisor.mk
include tests/guests/guests.mk
include tests/hostile/hostile.mk
include tests/unit/unit.mk
include guest-kernel/user/user.mk
include guest-kernel/kernel.mk
include tests/guest-kernel/tests.mk
# After the guest kernel's: the bench's boot module holds its image.
include tests/bench/bench.mk
include dom0/dom0.mk

all: $(ALL_TARGETS)

# Installs the Debian packages the rest needs; a no-op once they are there.
deps:
	@bash scripts/deps.sh

# Domain 0 is the guest kernel with a root holding the shell, the tools,
# xl, and GUESTS (3 unless given) guest domains it creates at boot; 256 MiB
# is dom0's, the rest the guests'.
run: deps
	@$(MAKE) --no-print-directory all $(GK_DOM0_ROOT)
	@XENITH_CMDLINE="dom0_mem=256M $${XENITH_CMDLINE:-}" bash scripts/run.sh \
		$(BUILD)/xenith.elf32 $(BUILD)/guest-kernel-pv.elf,$(GK_DOM0_ROOT)

# The root the guest kernel boots with in make run-native.
GK_INITRD ?= $(BUILD)/guest-kernel-tests/sh.cpio

run-native: deps
	@$(MAKE) --no-print-directory $(BUILD)/guest-kernel-native.elf $(GK_INITRD)
	@bash scripts/run.sh $(BUILD)/guest-kernel-native.elf $(GK_INITRD)

test: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory unit-test
	@$(MAKE) --no-print-directory xenstore-test
	@$(MAKE) --no-print-directory integration-test

unit-test: $(UNIT_TESTS)
	@bash tests/unit/run.sh $(UNIT_TESTS)

integration-test: all
	@bash tests/integration/run.sh
	@bash tests/guest-kernel/run.sh

clean:
	rm -rf $(filter-out $(BUILD)/qemu-plugin $(BUILD)/newlib $(BUILD)/.deps-ok,$(wildcard $(BUILD)/*))
