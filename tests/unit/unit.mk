# Host unit tests (Check): the hypervisor's pure-logic sources, compiled
# unchanged for the host and linked with the test file named after them.
# tests/unit/run.sh runs every binary in UNIT_TESTS (see docs/testing.md).

UNIT_OBJ := $(BUILD)/unit
UNIT_CFLAGS := $(HOST_CFLAGS) $(shell pkg-config --cflags check) -I$(BUILD)/include \
	-Ihypervisor/include -Itests/unit -D__XEN_INTERFACE_VERSION__=0x00040e00 -MMD -MP
UNIT_LIBS := $(shell pkg-config --libs check)

# string.c and vsnprintf.c define functions GCC treats as builtins: without
# -fno-builtin (as the hypervisor builds them) GCC may turn strlen's call to
# strnlen back into strlen, or fold a test's snprintf("%d", 5) at compile
# time so that the code under test never runs.
UNIT_NO_BUILTIN := hypervisor/common/string.c hypervisor/common/vsnprintf.c \
	tests/unit/test_string.c tests/unit/test_vsnprintf.c
$(UNIT_NO_BUILTIN:%.c=$(UNIT_OBJ)/%.o): UNIT_CFLAGS += -fno-builtin

# $(call unit_test,NAME,OBJECTS): build/unit/test_NAME from
# tests/unit/test_NAME.c, support.c and the sources OBJECTS names.
define unit_test
UNIT_TESTS += $(UNIT_OBJ)/test_$(1)
UNIT_OBJS += $(patsubst %.c,$(UNIT_OBJ)/%.o,tests/unit/test_$(1).c tests/unit/support.c $(2))
$(UNIT_OBJ)/test_$(1): $(patsubst %.c,$(UNIT_OBJ)/%.o,tests/unit/test_$(1).c tests/unit/support.c $(2))
	@echo "  LINK  $$@"
	@$(HOSTCC) $$(UNIT_LDFLAGS) -o $$@ $$^ $(UNIT_LIBS)
endef

# The hypervisor's memcpy & co. are linked in only where the code under
# test is string.c itself: there they stand in for libc's in the whole
# binary (libcheck included), which is safe because they have libc's
# signatures and semantics, and test_string checks exactly that.
$(eval $(call unit_test,frame_pool,hypervisor/mm/frame_pool.c))
$(eval $(call unit_test,event_2l,hypervisor/common/event_2l.c))
$(eval $(call unit_test,guest_access,hypervisor/arch/x86/guest_access.c))

# guest_access.c's exception table holds absolute addresses, which only
# text relocations could fix up in a position-independent executable.
$(UNIT_OBJ)/test_guest_access: UNIT_LDFLAGS := -no-pie

$(UNIT_OBJ)/%.o: %.c | $(BUILD)/include/xen
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	@$(HOSTCC) $(UNIT_CFLAGS) -c $< -o $@

-include $(sort $(UNIT_OBJS:.o=.d))
