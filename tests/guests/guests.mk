# PV64 test guests: tests/guests/NAME.c plus the framework in lib/ links to
# build/guests/NAME.elf; tests/integration/run.sh boots each one on Xenith
# and on real Xen (see docs/testing.md).

GUEST_NAMES := $(basename $(notdir $(wildcard tests/guests/*.c)))
GUEST_ELFS := $(GUEST_NAMES:%=$(BUILD)/guests/%.elf)
GUEST_OBJ := $(BUILD)/guests/obj
# The domain builder is dom0's (dom0/libxenguest), built here for guests
# over the framework's xg_env.h.
GUEST_LIB_OBJS := $(patsubst tests/guests/%,$(GUEST_OBJ)/%.o,\
	$(wildcard tests/guests/lib/*.c tests/guests/lib/*.S)) \
	$(patsubst dom0/libxenguest/%,$(GUEST_OBJ)/libxenguest/%.o,$(wildcard dom0/libxenguest/*.c))
GUEST_LDS := tests/guests/lib/guest.lds
# domU guests (tests/guests/domu/NAME.c) link the same way to
# build/guests/domu/NAME.elf; they boot only as a later module of a dom0
# guest that builds a domain from them.
DOMU_NAMES := $(basename $(notdir $(wildcard tests/guests/domu/*.c)))
DOMU_ELFS := $(DOMU_NAMES:%=$(BUILD)/guests/domu/%.elf)
GUEST_INCLUDES := -Itests/guests/lib -Idom0/libxenguest/include -Iring-buffers

# The compile and link steps of a guest, shared with tests/hostile/hostile.mk.
GUEST_COMPILE = $(CC) $(GUEST_CFLAGS) $(GUEST_INCLUDES) -MMD -MP -c $< -o $@
GUEST_LINK = $(CC) $(GUEST_LDFLAGS) -Wl,--build-id=none -T $(GUEST_LDS) -o $@ \
	$(filter %.o,$^)

# Real Xen, the oracle every guest's expectations are checked against.
XEN_ELF := $(BUILD)/xen/xen.elf
XEN_GZ := /boot/xen-4.17-amd64.gz

ALL_TARGETS += $(GUEST_ELFS) $(DOMU_ELFS) $(XEN_ELF)

# Objects reached only through the pattern rules would count as intermediate
# and be deleted after every link.
.SECONDARY: $(GUEST_LIB_OBJS) $(GUEST_NAMES:%=$(GUEST_OBJ)/%.c.o) \
	$(DOMU_NAMES:%=$(GUEST_OBJ)/domu/%.c.o)

$(GUEST_OBJ)/%.c.o: tests/guests/%.c | $(BUILD)/include/xen
	@mkdir -p $(@D)
	$(GUEST_COMPILE)

$(GUEST_OBJ)/libxenguest/%.c.o: dom0/libxenguest/%.c | $(BUILD)/include/xen
	@mkdir -p $(@D)
	$(GUEST_COMPILE)

$(GUEST_OBJ)/%.S.o: tests/guests/%.S | $(BUILD)/include/xen
	@mkdir -p $(@D)
	$(CC) $(GUEST_CFLAGS) $(GUEST_INCLUDES) -D__ASSEMBLY__ -MMD -MP -c $< -o $@

$(BUILD)/guests/%.elf: $(GUEST_OBJ)/%.c.o $(GUEST_LIB_OBJS) $(GUEST_LDS)
	@mkdir -p $(@D)
	$(GUEST_LINK)

$(XEN_ELF): $(XEN_GZ)
	@mkdir -p $(@D)
	gunzip -c $< > $@.tmp
	mv $@.tmp $@

-include $(wildcard $(GUEST_OBJ)/*.d $(GUEST_OBJ)/lib/*.d $(GUEST_OBJ)/domu/*.d $(GUEST_OBJ)/libxenguest/*.d)
