# dom0's userland parts. In dom0's own userland (the guest kernel's, linked
# as its programs are: guest-kernel/user/user.mk): xl over libxenctrl and
# libxenstore, xenstored (dom0/xenstored/ with xen/), xenconsoled, the
# xenstore client and dom0's device tests. Built for the host: libxenstore,
# xenstored as a Unix-socket daemon (build/dom0/xenstored-host, with
# host/) and the libxenstore client that tests/xenstore/run.sh drives.

DOM0_OUT := $(BUILD)/dom0
DOM0_OBJ := $(DOM0_OUT)/obj
DOM0_CFLAGS := $(HOST_CFLAGS) -I$(BUILD)/include -Idom0/libxenstore/include -Iring-buffers \
	-MMD -MP

LIBXENSTORE_SRCS := $(wildcard dom0/libxenstore/*.c)
XENSTORED_SRCS := $(wildcard dom0/xenstored/*.c dom0/xenstored/host/*.c)
XS_CLIENT_SRCS := tests/xenstore/libxs_client.c

dom0_objs = $(patsubst %.c,$(DOM0_OBJ)/%.o,$(1))
DOM0_OBJS := $(call dom0_objs,$(LIBXENSTORE_SRCS) $(XENSTORED_SRCS) $(XS_CLIENT_SRCS))

LIBXENSTORE := $(DOM0_OUT)/libxenstore.a
XENSTORED_HOST := $(DOM0_OUT)/xenstored-host
XS_CLIENT := $(DOM0_OUT)/libxs_client
DOM0_TARGETS := $(LIBXENSTORE) $(XENSTORED_HOST) $(XS_CLIENT)

# A prerequisite of "all" here, not through ALL_TARGETS, so that this file
# works wherever it is included.
all: $(DOM0_TARGETS)

$(LIBXENSTORE): $(call dom0_objs,$(LIBXENSTORE_SRCS))
	@echo "  AR    $@"
	@rm -f $@
	@ar rcs $@ $^

# xenstored shares libxenstore's helpers (socket path, permission strings).
$(XENSTORED_HOST): $(call dom0_objs,$(XENSTORED_SRCS)) $(LIBXENSTORE)
	@echo "  LINK  $@"
	@$(HOSTCC) -o $@ $^

$(XS_CLIENT): $(call dom0_objs,$(XS_CLIENT_SRCS)) $(LIBXENSTORE)
	@echo "  LINK  $@"
	@$(HOSTCC) -o $@ $^

$(DOM0_OBJ)/%.o: %.c | $(BUILD)/include/xen
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	@$(HOSTCC) $(DOM0_CFLAGS) -c $< -o $@

# The wire-compatibility test: xenstored-host against Debian's
# xenstore-utils and our libxenstore.
.PHONY: xenstore-test
xenstore-test: $(XENSTORED_HOST) $(XS_CLIENT)
	@bash tests/xenstore/run.sh

-include $(DOM0_OBJS:.o=.d)

# xl, libxenctrl and the domain builder (dom0/libxenguest, over env/ here
# and over the test framework in tests/guests) see Xen's headers with the
# toolstack's interfaces; env.c makes raw system calls with the libc
# glue's syscall.h. XL_CONFIG_SRCS, the xl.cfg parser, is tests/unit/unit.mk's.
LIBXENCTRL_SRCS := $(wildcard dom0/libxenctrl/*.c)
DOM0_USER_SRCS := $(LIBXENCTRL_SRCS) $(LIBXENSTORE_SRCS) $(wildcard dom0/xl/xl*.c \
	dom0/libxenguest/*.c dom0/libxenguest/env/*.c) $(XL_CONFIG_SRCS)
XENSTORED_USER_SRCS := $(wildcard dom0/xenstored/*.c dom0/xenstored/xen/*.c) \
	dom0/libxenstore/xs_lib.c $(LIBXENCTRL_SRCS)
DOM0_TEST_SRCS := dom0/test/privcmd_test.c dom0/test/check.c $(LIBXENCTRL_SRCS)
# The guest kernel's /dev/xen/evtchn, tested from dom0's userland.
EVTCHN_TEST_SRCS := dom0/test/evtchn_test.c dom0/test/check.c
# xenstore from a domU: the guest kernel's /dev/xen/xenbus and dom0's xenstored.
XENBUS_TEST_SRCS := dom0/test/xenbus_test.c dom0/test/check.c $(LIBXENSTORE_SRCS)
$(USER_OBJ)/dom0/%.o: USER_CFLAGS += -I$(BUILD)/include -D__XEN_TOOLS__ \
	-Idom0/libxenctrl/include -Idom0/libxenctrl -Idom0/xl -Idom0/libxenguest/env \
	-Idom0/libxenguest/include -Idom0/libxenstore/include -Iring-buffers \
	-iquote guest-kernel/user/libc
$(sort $(DOM0_USER_SRCS:%.c=$(USER_OBJ)/%.o) $(DOM0_TEST_SRCS:%.c=$(USER_OBJ)/%.o) \
	$(XENSTORED_USER_SRCS:%.c=$(USER_OBJ)/%.o) $(EVTCHN_TEST_SRCS:%.c=$(USER_OBJ)/%.o) \
	$(XENBUS_TEST_SRCS:%.c=$(USER_OBJ)/%.o)): \
	| $(BUILD)/include/xen
$(eval $(call user_program,xl,$(DOM0_USER_SRCS)))
$(eval $(call user_program,xenstored,$(XENSTORED_USER_SRCS)))
XENCONSOLED_SRCS := $(wildcard dom0/xenconsoled/*.c) $(LIBXENSTORE_SRCS) $(LIBXENCTRL_SRCS)
$(XENCONSOLED_SRCS:%.c=$(USER_OBJ)/%.o): | $(BUILD)/include/xen
$(eval $(call user_program,xenconsoled,$(XENCONSOLED_SRCS)))
XENSTORE_CLIENT_SRCS := dom0/xenstore-client/xenstore.c $(LIBXENSTORE_SRCS)
$(XENSTORE_CLIENT_SRCS:%.c=$(USER_OBJ)/%.o): | $(BUILD)/include/xen
$(eval $(call user_program,xenstore,$(XENSTORE_CLIENT_SRCS)))
$(eval $(call user_program,privcmd_test,$(DOM0_TEST_SRCS)))
$(eval $(call user_program,evtchn_test,$(EVTCHN_TEST_SRCS)))
$(eval $(call user_program,xenbus_test,$(XENBUS_TEST_SRCS)))
# make bench's xenstore rows: libxenstore on the lmbench rows' loop, with
# their failed() (guest-kernel/user/user.mk gives those objects their flags).
XSBENCH_SRCS := $(wildcard dom0/xsbench/*.c) $(LIBXENSTORE_SRCS) \
	guest-kernel/user/lmbench/failed.c $(USER_BENCH_SRCS)
$(USER_OBJ)/dom0/xsbench/%.o: USER_CFLAGS += -Itests/bench/common -Iguest-kernel/user/lmbench
$(XSBENCH_SRCS:%.c=$(USER_OBJ)/%.o): | $(BUILD)/include/xen
$(eval $(call user_program,xsbench,$(XSBENCH_SRCS)))
