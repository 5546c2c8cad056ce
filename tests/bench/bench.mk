# make bench: instruction counts and timings of the same operations on bare
# metal, as a PV guest on Xenith and as a PV guest on Xen 4.17 (docs/bench/).

BENCH := $(BUILD)/bench
BENCH_PLUGIN := $(BENCH)/insncount.so
BENCH_NATIVE := $(BENCH)/native-bench.elf
BENCH_PV := $(BENCH)/pv-bench.elf
# The domU the PV guest builds for the interdomain rows.
BENCH_PEER := $(BENCH)/pv-bench-peer.elf
# The PV guest's second boot module: the images of the domUs it builds, the
# peer's and the guest kernel's with its root (tests/bench/pv/login.c).
BENCH_DOMUS := $(BENCH)/pv-bench-domus.cpio

bench_objs = $(patsubst tests/bench/%,$(BENCH)/%.o,$(wildcard $(addprefix tests/bench/$(1)/*.,c S)))
BENCH_COMMON_OBJS := $(call bench_objs,common)
BENCH_NATIVE_OBJS := $(call bench_objs,native)
BENCH_PV_OBJS := $(call bench_objs,pv)
BENCH_PEER_OBJS := $(call bench_objs,peer)

# Built by make all too, so that a change elsewhere that breaks them shows.
ALL_TARGETS += $(BENCH_PLUGIN) $(BENCH_NATIVE) $(BENCH_PV) $(BENCH_PEER) $(BENCH_DOMUS)

# The PV guest is built on the test-guest framework (tests/guests/guests.mk).
$(BENCH_PV_OBJS) $(BENCH_PEER_OBJS): BENCH_INCLUDES := $(GUEST_INCLUDES)

# run.sh builds the PV guest and the hypervisor itself: either may not
# build yet, and that fails only their columns.
bench: deps
	@$(MAKE) --no-print-directory $(BENCH_PLUGIN) $(BENCH_NATIVE) $(XEN_ELF)
	@MAKE="$(MAKE)" XEN_ELF="$(XEN_ELF)" bash tests/bench/run.sh

$(BENCH_PLUGIN): tests/bench/plugin/insncount.c
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) -fPIC -shared -I$(BUILD)/qemu-plugin \
		$$(pkg-config --cflags glib-2.0) $< -o $@

# Bench code is freestanding x86-64 in the low 2 GiB, as guests are.
$(BENCH)/%.c.o: tests/bench/%.c | $(BUILD)/include/xen
	@mkdir -p $(@D)
	$(CC) $(GUEST_CFLAGS) $(BENCH_INCLUDES) -MMD -MP -c $< -o $@

$(BENCH)/%.S.o: tests/bench/%.S | $(BUILD)/include/xen
	@mkdir -p $(@D)
	$(CC) $(GUEST_CFLAGS) $(BENCH_INCLUDES) -D__ASSEMBLY__ -MMD -MP -c $< -o $@

# QEMU's multiboot loader takes only 32-bit ELF images; the 64-bit code
# inside does not care which ELF class carries it.
$(BENCH)/native-bench.elf64: $(BENCH_NATIVE_OBJS) $(BENCH_COMMON_OBJS) tests/bench/native/native.ld
	$(CC) $(GUEST_LDFLAGS) -T tests/bench/native/native.ld -o $@ $(filter %.o,$^)

$(BENCH_NATIVE): $(BENCH)/native-bench.elf64
	objcopy -O elf32-i386 $< $@

$(BENCH_PV): $(BENCH_PV_OBJS) $(BENCH_COMMON_OBJS) $(GUEST_LIB_OBJS) $(GUEST_LDS)
	$(GUEST_LINK)

$(BENCH_PEER): $(BENCH_PEER_OBJS) $(GUEST_LIB_OBJS) $(GUEST_LDS)
	$(GUEST_LINK)

$(BENCH_DOMUS): $(BENCH_PEER) $(GK_PV_ELF) $(GKT_OUT)/sh.cpio
	rm -rf $(BENCH)/domus
	mkdir -p $(BENCH)/domus
	cp $(BENCH_PEER) $(BENCH)/domus/peer
	cp $(GK_PV_ELF) $(BENCH)/domus/kernel
	cp $(GKT_OUT)/sh.cpio $(BENCH)/domus/ramdisk
	cd $(BENCH)/domus && printf 'peer\nkernel\nramdisk\n' | cpio -o -H newc -R 0:0 --quiet > ../$(@F)

-include $(wildcard $(BENCH)/*/*.d)
