# The hypervisor: hypervisor/ and hypercalls/ linked into one ELF64 image,
# then wrapped as the 32-bit multiboot ELF that QEMU and GRUB load.

HV_SRCS := $(shell find hypervisor hypercalls -name '*.c' -o -name '*.S' | grep -v '/boot/mkelf32.c' | sort)
HV_OBJS := $(patsubst %,$(BUILD)/hv/%.o,$(HV_SRCS))

HV_CFLAGS := $(FREESTANDING) -fpie -fvisibility=hidden \
	-isystem $(shell $(CC) -print-file-name=include) -I$(BUILD)/include \
	-Ihypervisor/include -Ihypercalls -D__XEN_INTERFACE_VERSION__=0x00040e00 -MMD -MP

$(BUILD)/hv/%.c.o: %.c | $(BUILD)/include/xen
	@mkdir -p $(dir $@)
	@echo "  CC  $<"
	@$(CC) $(HV_CFLAGS) -include hypervisor/include/visibility.h -c $< -o $@

$(BUILD)/hv/%.S.o: %.S | $(BUILD)/include/xen
	@mkdir -p $(dir $@)
	@echo "  AS  $<"
	@$(CC) $(HV_CFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(BUILD)/xenith.elf: $(HV_OBJS) hypervisor/xenith.lds
	@echo "  LD  $@"
	@$(CC) -nostdlib -static -no-pie -Wl,-T,hypervisor/xenith.lds -Wl,--build-id=none \
		-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments -o $@ $(HV_OBJS)

$(BUILD)/mkelf32: hypervisor/boot/mkelf32.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -o $@ $<

$(BUILD)/xenith.elf32: $(BUILD)/xenith.elf $(BUILD)/mkelf32
	$(BUILD)/mkelf32 $< $@ 0xffff82d040000000

ALL_TARGETS += $(BUILD)/xenith.elf32

-include $(HV_OBJS:.o=.d)
