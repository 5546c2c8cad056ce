# Host unit tests (Check): the hypervisor's pure-logic sources, compiled
# unchanged for the host and linked with the test file named after them.
# tests/unit/run.sh runs every binary in UNIT_TESTS and adds up the counts.

UNIT_OBJ := $(BUILD)/unit
# What every test object needs; each group of sources adds its headers.
UNIT_BASE_CFLAGS := $(HOST_CFLAGS) $(shell pkg-config --cflags check) -Itests/unit -MMD -MP
UNIT_CFLAGS := $(UNIT_BASE_CFLAGS) -I$(BUILD)/include -Ihypervisor/include \
	-D__XEN_INTERFACE_VERSION__=0x00040e00
UNIT_LIBS := $(shell pkg-config --libs check)

# string.c and vsnprintf.c define functions GCC treats as builtins: without
# -fno-builtin (as the hypervisor builds them) GCC may turn strlen's call to
# strnlen back into strlen, or fold a test's snprintf("%d", 5) at compile
# time so that the code under test never runs.
UNIT_NO_BUILTIN := hypervisor/common/string.c hypervisor/common/vsnprintf.c \
	tests/unit/test_vsnprintf.c
$(UNIT_NO_BUILTIN:%.c=$(UNIT_OBJ)/%.o): UNIT_CFLAGS += -fno-builtin

# $(call unit_test,NAME,OBJECTS): build/unit/test_NAME from
# tests/unit/test_NAME.c, support.c and the sources OBJECTS names.
define unit_test
UNIT_TESTS += $(UNIT_OBJ)/test_$(1)
UNIT_OBJS += $(patsubst %.c,$(UNIT_OBJ)/%.o,tests/unit/test_$(1).c tests/unit/support.c $(2))
$(UNIT_OBJ)/test_$(1): $(patsubst %.c,$(UNIT_OBJ)/%.o,tests/unit/test_$(1).c tests/unit/support.c $(2))
	@echo "  LINK  $$@"
	@$(HOSTCC) $$(UNIT_LDFLAGS) -o $$@ $$(filter %.o,$$^) $(UNIT_LIBS)
endef

# Elsewhere the code under test calls libc's memcpy & co.: they have the
# same contract, and only test_string is about string.c. In test_vsnprintf
# the hypervisor's snprintf and vsnprintf do replace libc's, but libcheck
# formats only through glibc's __vsnprintf_chk, so its messages are safe.
$(eval $(call unit_test,frame_pool,hypervisor/mm/frame_pool.c))
$(eval $(call unit_test,event_2l,hypervisor/common/event_2l.c))
$(eval $(call unit_test,evtchn,hypervisor/common/evtchn.c hypervisor/common/event_2l.c))
$(eval $(call unit_test,guest_access,hypervisor/arch/x86/guest_access.c))
$(eval $(call unit_test,vsnprintf,hypervisor/common/vsnprintf.c))
$(eval $(call unit_test,string,))
$(eval $(call unit_test,xen_elf,hypervisor/common/xen_elf.c tests/unit/elf_image.c))
$(eval $(call unit_test,xen_elf_notes,hypervisor/common/xen_elf.c tests/unit/elf_image.c))

# The page-type engine, its tests split in three files by concern.
# page_type.c reaches machine frames only through "frames.h"; the tests
# shadow it with a fake machine (tests/unit/include/frames.h), so that
# folder must come before hypervisor/include. The flag is set on these
# objects, not on the binaries: a binary's target-specific variables pass
# on to its prerequisites, support.o among them, which other tests share.
PAGE_TYPE_SRCS := hypervisor/mm/page_type.c tests/unit/fake_frames.c tests/unit/page_tables.c
PAGE_TYPE_TESTS := page_type page_type_refusals page_type_update
$(foreach t,$(PAGE_TYPE_TESTS),$(eval $(call unit_test,$(t),$(PAGE_TYPE_SRCS))))
$(patsubst %.c,$(UNIT_OBJ)/%.o,$(PAGE_TYPE_SRCS) $(PAGE_TYPE_TESTS:%=tests/unit/test_%.c)): \
	UNIT_CFLAGS := -Itests/unit/include $(UNIT_CFLAGS)

# dom0's xl.cfg parser is portable userland: it and its tests see only
# libc's headers, since hypervisor/include would shadow <errno.h>.
XL_CONFIG_SRCS := $(addprefix dom0/xl/,report.c cfg_lex.c cfg_parse.c cfg_file.c \
	config.c config_load.c config_get.c config_guest.c config_resources.c \
	config_actions.c config_devices.c disk_spec.c vif_spec.c)
XL_CONFIG_TESTS := xl_syntax xl_keys xl_devices xl_hostile xl_load
$(foreach t,$(XL_CONFIG_TESTS),$(eval $(call unit_test,$(t),$(XL_CONFIG_SRCS))))
$(patsubst %.c,$(UNIT_OBJ)/%.o,$(XL_CONFIG_SRCS) $(XL_CONFIG_TESTS:%=tests/unit/test_%.c)): \
	UNIT_CFLAGS := $(UNIT_BASE_CFLAGS) -Idom0/xl
# It reads whatever a user hands it: an overflow, undefined behaviour or,
# in each test's child, a leak fails the test.
$(patsubst %.c,$(UNIT_OBJ)/%.o,$(XL_CONFIG_SRCS)): UNIT_CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all
$(XL_CONFIG_TESTS:%=$(UNIT_OBJ)/test_%): UNIT_LDFLAGS := -fsanitize=address,undefined

# The PV guest kernel's parts: its direct map, over a fake Xen MMU, and
# its log ring. Its own headers are reached with -iquote: as -I they would
# shadow libc's <errno.h>.
GK_UNIT_CFLAGS := $(UNIT_BASE_CFLAGS) -I$(BUILD)/include -D__XEN_INTERFACE_VERSION__=0x00040e00 \
	-iquote guest-kernel/include -iquote guest-kernel/arch/x86_64/include \
	-iquote guest-kernel/arch/x86_64-xenpv/include
GK_PHYSMAP_SRCS := guest-kernel/arch/x86_64-xenpv/kernel_tables.c guest-kernel/arch/x86_64/pgtable.c
$(eval $(call unit_test,gk_physmap,$(GK_PHYSMAP_SRCS)))
$(patsubst %.c,$(UNIT_OBJ)/%.o,$(GK_PHYSMAP_SRCS) tests/unit/test_gk_physmap.c): \
	UNIT_CFLAGS := $(GK_UNIT_CFLAGS)
$(eval $(call unit_test,gk_klog,guest-kernel/kernel/klog.c))
$(UNIT_OBJ)/guest-kernel/kernel/klog.o $(UNIT_OBJ)/tests/unit/test_gk_klog.o: \
	UNIT_CFLAGS := $(GK_UNIT_CFLAGS)

# string.c's functions carry libc's names: linked into a test binary they
# would replace libc's for libcheck too, and one bug would kill the
# reporter. So they live alone in a shared object with no libc (-z defs)
# that test_string loads privately; -Bsymbolic keeps their calls to each
# other inside it.
UNIT_OBJS += $(UNIT_OBJ)/hypervisor/common/string.o
$(UNIT_OBJ)/test_string: $(UNIT_OBJ)/hv_string.so
$(UNIT_OBJ)/hypervisor/common/string.o: UNIT_CFLAGS += -fPIC
$(UNIT_OBJ)/hv_string.so: $(UNIT_OBJ)/hypervisor/common/string.o
	@echo "  LINK  $@"
	@$(HOSTCC) -shared -nostdlib -Wl,-Bsymbolic -Wl,-z,defs -o $@ $<

# guest_access.c's exception table holds absolute addresses, which only
# text relocations could fix up in a position-independent executable.
$(UNIT_OBJ)/test_guest_access: UNIT_LDFLAGS := -no-pie

# The ELF parser reads untrusted images: under AddressSanitizer an overflow
# of its own buffers fails a test too, as image_parse()'s guard page does
# for reads past the image.
$(UNIT_OBJ)/hypervisor/common/xen_elf.o: UNIT_CFLAGS += -fsanitize=address
$(UNIT_OBJ)/test_xen_elf $(UNIT_OBJ)/test_xen_elf_notes: UNIT_LDFLAGS := -fsanitize=address

# xenstored (dom0/) is portable userland as well, with libc's headers
# only; its tests drive it through a fake transport and platform
# (xs_harness.c). It parses what domains send: an overflow, undefined
# behaviour or, in each test's child, a leak fails the test.
XS_SRCS := $(wildcard dom0/xenstored/*.c) dom0/libxenstore/xs_lib.c tests/unit/xs_harness.c
XS_TESTS := xs_path xs_tree xs_perms xs_transaction xs_watch xs_quota xs_ring xs_domain \
	xs_malformed
$(foreach t,$(XS_TESTS),$(eval $(call unit_test,$(t),$(XS_SRCS))))
$(patsubst %.c,$(UNIT_OBJ)/%.o,$(XS_SRCS) $(XS_TESTS:%=tests/unit/test_%.c)): \
	UNIT_CFLAGS := $(UNIT_BASE_CFLAGS) -I$(BUILD)/include -Idom0/xenstored -Iring-buffers \
	-Idom0/libxenstore/include
$(patsubst %.c,$(UNIT_OBJ)/%.o,$(XS_SRCS)): UNIT_CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all
$(XS_TESTS:%=$(UNIT_OBJ)/test_%): UNIT_LDFLAGS := -fsanitize=address,undefined

$(UNIT_OBJ)/%.o: %.c | $(BUILD)/include/xen
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	@$(HOSTCC) $(UNIT_CFLAGS) -c $< -o $@

-include $(sort $(UNIT_OBJS:.o=.d))
