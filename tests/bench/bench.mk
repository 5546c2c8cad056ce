# make bench: instruction counts and timings of the same operations on bare
# metal, as a PV guest on Xenith and as a PV guest on Xen 4.17 (docs/bench/).

BENCH := $(BUILD)/bench
BENCH_PLUGIN := $(BENCH)/insncount.so
BENCH_NATIVE := $(BENCH)/native-bench.elf
BENCH_XEN := $(BENCH)/xen.elf

bench_objs = $(patsubst tests/bench/%,$(BENCH)/%.o,$(wildcard $(addprefix tests/bench/$(1)/*.,c S)))
BENCH_COMMON_OBJS := $(call bench_objs,common)
BENCH_NATIVE_OBJS := $(call bench_objs,native)

$(BENCH_PLUGIN): tests/bench/plugin/insncount.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -fPIC -shared -I$(BUILD)/qemu-plugin \
		$$(pkg-config --cflags glib-2.0) $< -o $@

# Bench code is freestanding x86-64 in the low 2 GiB, as guests are.
$(BENCH)/%.c.o: tests/bench/%.c | $(BUILD)/include/xen
	@mkdir -p $(dir $@)
	$(CC) $(GUEST_CFLAGS) -MMD -MP -c $< -o $@

$(BENCH)/%.S.o: tests/bench/%.S | $(BUILD)/include/xen
	@mkdir -p $(dir $@)
	$(CC) $(GUEST_CFLAGS) -MMD -MP -c $< -o $@

# QEMU's multiboot loader takes only 32-bit ELF images; the 64-bit code
# inside does not care which ELF class carries it.
$(BENCH)/native-bench.elf64: $(BENCH_NATIVE_OBJS) $(BENCH_COMMON_OBJS) tests/bench/native/native.ld
	$(CC) $(GUEST_LDFLAGS) -T tests/bench/native/native.ld \
		$(BENCH_NATIVE_OBJS) $(BENCH_COMMON_OBJS) -o $@

$(BENCH_NATIVE): $(BENCH)/native-bench.elf64
	objcopy -O elf32-i386 $< $@

$(BENCH_XEN): /boot/xen-4.17-amd64.gz
	@mkdir -p $(dir $@)
	zcat $< >$@

-include $(BENCH_COMMON_OBJS:.o=.d) $(BENCH_NATIVE_OBJS:.o=.d)
