# Tests of the guest kernel (tests/guest-kernel/): freestanding user
# programs (raw system calls, no C library) packed as /init into a cpio
# initrd, and the newlib userland's test suite in a root of its own; run.sh
# boots the kernel with each as domain 0.

GKT := tests/guest-kernel
GKT_OUT := $(BUILD)/guest-kernel-tests
GKT_CFLAGS := $(FREESTANDING) -fno-pic -fno-pie -mcmodel=small \
	-isystem $(shell $(CC) -print-file-name=include) -Iguest-kernel/include
GKT_LDFLAGS := -nostdlib -static -no-pie -z noexecstack -Wl,--build-id=none

GKT_NAMES := $(basename $(notdir $(wildcard $(GKT)/*.c)))

ALL_TARGETS += $(GKT_NAMES:%=$(GKT_OUT)/%.cpio)

# Reached only through pattern rules, these would be deleted as intermediate.
.SECONDARY: $(GKT_NAMES:%=$(GKT_OUT)/%.o) $(GKT_NAMES:%=$(GKT_OUT)/%.elf)

$(GKT_OUT)/%.o: $(GKT)/%.c
	@mkdir -p $(@D)
	$(CC) $(GKT_CFLAGS) -MMD -MP -c $< -o $@

$(GKT_OUT)/start.o: $(GKT)/start.S
	@mkdir -p $(@D)
	$(CC) $(GKT_CFLAGS) -c $< -o $@

$(GKT_OUT)/%.elf: $(GKT_OUT)/%.o $(GKT_OUT)/start.o
	$(CC) $(GKT_LDFLAGS) -o $@ $^

# The program is the archive's /init; Debian's cpio writes the newc format.
$(GKT_OUT)/%.cpio: $(GKT_OUT)/%.elf
	rm -rf $(GKT_OUT)/$*.root
	mkdir -p $(GKT_OUT)/$*.root
	cp $< $(GKT_OUT)/$*.root/init
	cd $(GKT_OUT)/$*.root && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet > ../$*.cpio

# systest's root: init, which runs /bin/systest (there is no /etc/rc),
# the programs the suite runs, and an empty /tmp to work in. The programs
# go in without their debugging sections, which only the host's debugger
# reads.
GKT_SYSTEST_ROOT := $(GKT_OUT)/systest.root
GKT_SYSTEST_BIN := systest hello
ALL_TARGETS += $(GKT_OUT)/systest.cpio

$(GKT_OUT)/systest.cpio: $(USER_BUILD)/bin/init $(GKT_SYSTEST_BIN:%=$(USER_BUILD)/bin/%)
	rm -rf $(GKT_SYSTEST_ROOT)
	mkdir -p $(GKT_SYSTEST_ROOT)/tmp $(GKT_SYSTEST_ROOT)/bin
	strip --strip-debug -o $(GKT_SYSTEST_ROOT)/init $(USER_BUILD)/bin/init
	for p in $(GKT_SYSTEST_BIN); do \
		strip --strip-debug -o $(GKT_SYSTEST_ROOT)/bin/$$p $(USER_BUILD)/bin/$$p || exit 1; \
	done
	cd $(GKT_SYSTEST_ROOT) && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet > ../systest.cpio

-include $(wildcard $(GKT_OUT)/*.d)
