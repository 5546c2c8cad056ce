# The guest kernel's userland toolchain: newlib, built once from Debian's
# source package by scripts/build-newlib.sh, the system-call glue in
# guest-kernel/user/libc/, and user_program, which links a static program
# against both. The programs speak Linux's x86-64 system-call ABI, so they
# also run on the host, which is how the glue is tested.

NEWLIB := $(BUILD)/newlib
NEWLIB_LIBC := $(NEWLIB)/lib/libc.a
USER_BUILD := $(BUILD)/user
USER_OBJ := $(USER_BUILD)/obj
USER_LIBC_SRC := guest-kernel/user/libc
USER_LINUX_INCLUDE := $(USER_BUILD)/linux-include
USER_GCC_INCLUDE := $(shell $(CC) -print-file-name=include)

# Unlike ring 0, user code keeps the red zone (the kernel never runs on a
# user stack) and SSE (the ABI passes floating point in it, so the kernel
# saves it per process). No stack protector: GCC's canary is at %fs:0x28
# and our processes have no TLS. -nostdinc, so that only newlib's headers
# and GCC's own are found, never the host's glibc; Linux's uapi headers
# come last, for <asm/unistd.h> and <linux/mman.h>.
USER_CODEGEN := -std=gnu11 -O2 -g -fno-pic -fno-pie -mcmodel=small \
	-fno-stack-protector -nostdinc
USER_CFLAGS := $(USER_CODEGEN) -isystem $(USER_LIBC_SRC)/include \
	-isystem $(NEWLIB)/include -isystem $(USER_GCC_INCLUDE) \
	-isystem $(USER_LINUX_INCLUDE) $(WARN) -MMD -MP

# Static at Linux's customary 0x400000, one page alignment, and no RELRO:
# there is no dynamic loader to make anything read-only after start.
USER_LDFLAGS := -nostdlib -static -no-pie -Wl,-Ttext-segment=0x400000 \
	-z max-page-size=4096 -z noexecstack -z norelro

USER_CRT0 := $(USER_OBJ)/$(USER_LIBC_SRC)/crt0.o
USER_GLUE := $(USER_BUILD)/libglue.a
USER_GLUE_OBJS := $(patsubst %.c,$(USER_OBJ)/%.o,$(wildcard $(USER_LIBC_SRC)/*.c))
# The group, because newlib calls the glue (read, sbrk ...) and the glue
# calls newlib (errno, malloc); libgcc for what GCC emits calls to.
USER_LIBS := -Wl,--start-group $(USER_GLUE) $(NEWLIB_LIBC) $(NEWLIB)/lib/libm.a \
	$(shell $(CC) -print-libgcc-file-name) -Wl,--end-group

# $(call user_program,NAME,SOURCES): $(USER_BUILD)/bin/NAME, a static
# program from the C files SOURCES, also built by make all.
define user_program
USER_PROGRAMS += $(USER_BUILD)/bin/$(1)
ALL_TARGETS += $(USER_BUILD)/bin/$(1)
$(USER_BUILD)/bin/$(1): $(patsubst %.c,$(USER_OBJ)/%.o,$(2)) $(USER_CRT0) $(USER_GLUE) $(NEWLIB_LIBC)
	@mkdir -p $$(@D)
	$$(CC) $$(USER_LDFLAGS) -o $$@ $(USER_CRT0) $(patsubst %.c,$(USER_OBJ)/%.o,$(2)) $$(USER_LIBS)
-include $(patsubst %.c,$(USER_OBJ)/%.d,$(2))
endef

# Newlib's headers must exist before anything user-side compiles.
$(USER_OBJ)/%.o: %.c | $(NEWLIB_LIBC) $(USER_LINUX_INCLUDE)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -c $< -o $@

$(USER_OBJ)/%.o: %.S
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -c $< -o $@

# The glue's kernel side sees Linux's headers instead of newlib's (see
# libc/abi.h).
$(USER_OBJ)/$(USER_LIBC_SRC)/linux_abi.o: USER_CFLAGS := $(USER_CODEGEN) \
	-isystem $(USER_GCC_INCLUDE) -isystem $(USER_LINUX_INCLUDE) $(WARN) -MMD -MP

$(USER_GLUE): $(USER_GLUE_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

# The script rebuilds newlib only if its configuration changed.
$(NEWLIB_LIBC): scripts/build-newlib.sh
	@bash scripts/build-newlib.sh

# Linux's uapi headers without the rest of /usr/include, so that no glibc
# header can be reached from user code.
$(USER_LINUX_INCLUDE):
	@mkdir -p $@
	@ln -sfn /usr/include/linux $@/linux
	@ln -sfn /usr/include/asm-generic $@/asm-generic
	@ln -sfn /usr/include/$(shell $(CC) -print-multiarch)/asm $@/asm

-include $(USER_GLUE_OBJS:.o=.d)

# hello proves a program links; libc_test runs on the host (Linux) as a
# unit test of the glue, its summary in Check's format for tests/unit/run.sh.
$(eval $(call user_program,hello,$(USER_LIBC_SRC)/test/hello.c))
$(eval $(call user_program,libc_test,$(USER_LIBC_SRC)/test/libc_test.c))
UNIT_TESTS += $(USER_BUILD)/bin/libc_test

# The guest kernel's own programs, one folder each under guest-kernel/user/.
$(eval $(call user_program,init,$(wildcard guest-kernel/user/init/*.c)))
$(eval $(call user_program,systest,$(wildcard guest-kernel/user/systest/*.c)))
$(eval $(call user_program,sh,$(wildcard guest-kernel/user/sh/*.c)))
# make bench's lmbench-style rows, on the bench kernels' measurement loop,
# with fewer timed calls than they take (see tests/bench/common/bench.c);
# dom0's xsbench (dom0/dom0.mk) links the same objects.
USER_BENCH_SRCS := tests/bench/common/bench.c tests/bench/common/print.c
LMBENCH_SRCS := $(wildcard guest-kernel/user/lmbench/*.c) $(USER_BENCH_SRCS)
$(eval $(call user_program,lmbench,$(LMBENCH_SRCS)))
$(patsubst %.c,$(USER_OBJ)/%.o,$(LMBENCH_SRCS)): \
	USER_CFLAGS += -Itests/bench/common -DTICK_ITERS=10000
# The tools, one file each.
# power.c is both poweroff and reboot.
USER_TOOL_SRCS := $(filter-out %/power.c,$(wildcard guest-kernel/user/tools/*.c))
USER_TOOLS := $(basename $(notdir $(USER_TOOL_SRCS))) poweroff reboot
$(foreach t,$(USER_TOOL_SRCS),$(eval $(call user_program,$(basename $(notdir $(t))),$(t))))
$(foreach t,poweroff reboot,$(eval $(call user_program,$(t),guest-kernel/user/tools/power.c)))
