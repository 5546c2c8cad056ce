# The guest kernel (guest-kernel/): the generic kernel in kernel/ plus one
# port under arch/. This builds the Xen PV port, arch/x86_64-xenpv, as
# build/guest-kernel-pv.elf and the native port, arch/x86_64-native, as
# build/guest-kernel-native.elf; both share arch/x86_64. Only the PV
# port's own files see the Xen headers.

GK := guest-kernel
GK_OUT := $(BUILD)/guest-kernel
GK_PV_ELF := $(BUILD)/guest-kernel-pv.elf

GK_CFLAGS := $(FREESTANDING) -fno-pic -fno-pie -mcmodel=kernel \
	-isystem $(shell $(CC) -print-file-name=include) \
	-I$(GK)/include -I$(GK)/arch/x86_64/include
GK_PV_INCLUDES := -I$(GK)/arch/x86_64-xenpv/include
GK_XEN_INCLUDES := -I$(BUILD)/include -Iring-buffers -D__XEN_INTERFACE_VERSION__=0x00040e00
GK_LDFLAGS := -nostdlib -static -no-pie -z max-page-size=4096 -z noexecstack \
	-Wl,--build-id=none

GK_GENERIC_SRCS := $(wildcard $(GK)/kernel/*.c)
GK_X86_SRCS := $(wildcard $(GK)/arch/x86_64/*.c $(GK)/arch/x86_64/*.S)
GK_PV_SRCS := $(filter-out %.lds.S,$(wildcard $(GK)/arch/x86_64-xenpv/*.c $(GK)/arch/x86_64-xenpv/*.S))

# Objects of the PV build: build/guest-kernel/pv/<source path>.o
GK_PV_OBJS := $(patsubst $(GK)/%,$(GK_OUT)/pv/%.o,$(GK_GENERIC_SRCS) $(GK_X86_SRCS) $(GK_PV_SRCS))
GK_PV_LDS := $(GK_OUT)/pv/kernel.lds

ALL_TARGETS += $(GK_PV_ELF)

$(GK_OUT)/pv/arch/x86_64-xenpv/%.c.o: GK_EXTRA := $(GK_XEN_INCLUDES)
$(GK_OUT)/pv/arch/x86_64-xenpv/%.S.o: GK_EXTRA := $(GK_XEN_INCLUDES)

$(GK_OUT)/pv/%.c.o: $(GK)/%.c | $(BUILD)/include/xen
	@mkdir -p $(@D)
	$(CC) $(GK_CFLAGS) $(GK_PV_INCLUDES) $(GK_EXTRA) -MMD -MP -c $< -o $@

$(GK_OUT)/pv/%.S.o: $(GK)/%.S | $(BUILD)/include/xen
	@mkdir -p $(@D)
	$(CC) $(GK_CFLAGS) $(GK_PV_INCLUDES) $(GK_EXTRA) -D__ASSEMBLY__ -MMD -MP -c $< -o $@

$(GK_PV_LDS): $(GK)/arch/x86_64-xenpv/kernel.lds.S
	@mkdir -p $(@D)
	$(CC) -E -P -x c $(GK_PV_INCLUDES) -D__ASSEMBLY__ -MMD -MP -MT $@ -MF $@.d $< -o $@

$(GK_PV_ELF): $(GK_PV_OBJS) $(GK_PV_LDS)
	$(CC) $(GK_LDFLAGS) -T $(GK_PV_LDS) -o $@ $(GK_PV_OBJS)

-include $(GK_PV_OBJS:.o=.d) $(GK_PV_LDS).d

# The native build: build/guest-kernel/native/<source path>.o. Its one
# loadable segment is RWX (see kernel.lds.S); the kernel's page tables
# keep the text read-only.
GK_NATIVE_ELF := $(BUILD)/guest-kernel-native.elf
GK_NATIVE_INCLUDES := -I$(GK)/arch/x86_64-native/include
GK_NATIVE_SRCS := $(filter-out %.lds.S,$(wildcard $(GK)/arch/x86_64-native/*.c $(GK)/arch/x86_64-native/*.S))
GK_NATIVE_OBJS := $(patsubst $(GK)/%,$(GK_OUT)/native/%.o,$(GK_GENERIC_SRCS) $(GK_X86_SRCS) $(GK_NATIVE_SRCS))
GK_NATIVE_LDS := $(GK_OUT)/native/kernel.lds

ALL_TARGETS += $(GK_NATIVE_ELF)

$(GK_OUT)/native/%.c.o: $(GK)/%.c
	@mkdir -p $(@D)
	$(CC) $(GK_CFLAGS) $(GK_NATIVE_INCLUDES) -MMD -MP -c $< -o $@

$(GK_OUT)/native/%.S.o: $(GK)/%.S
	@mkdir -p $(@D)
	$(CC) $(GK_CFLAGS) $(GK_NATIVE_INCLUDES) -D__ASSEMBLY__ -MMD -MP -c $< -o $@

$(GK_NATIVE_LDS): $(GK)/arch/x86_64-native/kernel.lds.S
	@mkdir -p $(@D)
	$(CC) -E -P -x c $(GK_NATIVE_INCLUDES) -D__ASSEMBLY__ -MMD -MP -MT $@ -MF $@.d $< -o $@

$(GK_NATIVE_ELF): $(GK_NATIVE_OBJS) $(GK_NATIVE_LDS)
	$(CC) $(GK_LDFLAGS) -Wl,--no-warn-rwx-segments -T $(GK_NATIVE_LDS) -o $@ $(GK_NATIVE_OBJS)

-include $(GK_NATIVE_OBJS:.o=.d) $(GK_NATIVE_LDS).d
