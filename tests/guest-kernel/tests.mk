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

# $(call pack_root,NAME): $(GKT_OUT)/NAME.cpio from the folder NAME.root,
# in the newc format Debian's cpio writes, in a stable order, owned by root.
pack_root = cd $(GKT_OUT)/$(1).root && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet > ../$(1).cpio

# The program is the archive's /init.
$(GKT_OUT)/%.cpio: $(GKT_OUT)/%.elf
	rm -rf $(GKT_OUT)/$*.root
	mkdir -p $(GKT_OUT)/$*.root
	cp $< $(GKT_OUT)/$*.root/init
	$(call pack_root,$*)

# $(call userland_root,NAME,PROGRAMS[,RC[,FILES]]): $(GKT_OUT)/NAME.cpio, a
# root with init, the PROGRAMS in /bin, an empty /tmp to work in, given RC
# that program as /etc/rc, which init runs first, and the FILES, each
# SOURCE:PATH. The programs go in without symbols or debugging sections,
# which only the host's debugger reads (from $(USER_BUILD)/bin), so that
# the roots stay small.
define userland_root
ALL_TARGETS += $(GKT_OUT)/$(1).cpio
$(GKT_OUT)/$(1).cpio: $(USER_BUILD)/bin/init $(2:%=$(USER_BUILD)/bin/%) $(3:%=$(USER_BUILD)/bin/%) \
		$(foreach f,$(4),$(firstword $(subst :, ,$(f))))
	rm -rf $(GKT_OUT)/$(1).root
	mkdir -p $(GKT_OUT)/$(1).root/tmp $(GKT_OUT)/$(1).root/bin
	strip -o $(GKT_OUT)/$(1).root/init $(USER_BUILD)/bin/init
	for p in $(2); do \
		strip -o $(GKT_OUT)/$(1).root/bin/$$$$p $(USER_BUILD)/bin/$$$$p || exit 1; \
	done
	$(if $(3),mkdir -p $(GKT_OUT)/$(1).root/etc && \
		strip -o $(GKT_OUT)/$(1).root/etc/rc $(USER_BUILD)/bin/$(3))
	$(foreach f,$(4),mkdir -p $(dir $(GKT_OUT)/$(1).root$(lastword $(subst :, ,$(f)))) && \
		cp -p $(subst :, $(GKT_OUT)/$(1).root,$(f)) && ) true
	$$(call pack_root,$(1))
endef

# systest's root: init runs /bin/systest (there is neither /etc/rc nor
# /bin/sh), with the programs the suite runs.
$(eval $(call userland_root,systest,systest hello))
# The shell's root: init starts /bin/sh on the console; xl is dom0's
# toolstack (dom0/xl), xenstore its xenstore client, which guests have too
# (as guests made from this root, with xenbus_test, are).
$(eval $(call userland_root,sh,sh $(USER_TOOLS) xl xenstore xenbus_test))
# A domU's root for xl create: init runs hello as /etc/rc, then powers off.
$(eval $(call userland_root,domu,true,hello))
# The xl test's root (run.sh): the shell's, xenstored and xenconsoled
# (which dom0.rc starts; dom0.rc.shutdown shuts guests down at poweroff),
# privcmd's and evtchn's own tests, and guests for xl create and xl
# console: their configs, the PV kernel, the root above and the shell's,
# a hostile test guest that corrupts its rings, and one that crashes.
$(eval $(call userland_root,xl,sh $(USER_TOOLS) xl xenstore xenstored xenconsoled privcmd_test evtchn_test,,\
	$(GKT)/dom0.rc:/etc/rc $(GKT)/dom0.rc.shutdown:/etc/rc.shutdown \
	$(GKT)/guest.cfg:/etc/xen/guest.cfg $(GKT)/shell.cfg:/etc/xen/shell.cfg \
	$(GKT)/ring_corrupt.cfg:/etc/xen/ring_corrupt.cfg \
	$(BUILD)/guests/domu/ring_corrupt.elf:/boot/ring_corrupt.elf \
	$(GKT)/crash.cfg:/etc/xen/crash.cfg $(BUILD)/guests/domu/domu_crash.elf:/boot/domu_crash.elf \
	$(GK_PV_ELF):/boot/guest-kernel-pv.elf $(GKT_OUT)/domu.cpio:/boot/domu.cpio \
	$(GKT_OUT)/sh.cpio:/boot/guest.cpio))
# make bench's root: init runs the lmbench-style rows as /etc/rc.
$(eval $(call userland_root,lmbench,true,lmbench))
# Its xenstore rows' root: /etc/rc starts xenstored, then runs xsbench.
$(eval $(call userland_root,xsbench,sh xenstored xsbench poweroff,,tests/bench/xsbench.rc:/etc/rc))

# make run's domain 0 (GK_DOM0_ROOT): the shell's root with xenstored and
# the PV kernel, the shell's root again for GUESTS guests of 16 MiB
# (guest1.cfg ...), an /etc/rc that starts xenstored, creates the guests
# and lists them before the shell starts, and dom0.rc.shutdown.
GUESTS ?= 3
GK_DOM0_ROOT := $(GKT_OUT)/dom0-$(GUESTS).cpio
GK_DOM0_FILES := $(GKT_OUT)/dom0-$(GUESTS).files
GK_GUEST_CFGS := $(foreach i,$(shell seq $(GUESTS)),$(GK_DOM0_FILES)/guest$(i).cfg)
$(GK_DOM0_FILES)/rc: $(GKT)/dom0.rc
	@mkdir -p $(@D)
	{ cat $(GKT)/dom0.rc; for i in $$(seq $(GUESTS)); do echo "xl create /etc/xen/guest$$i.cfg"; done; \
	  echo 'xl list'; } > $@
	chmod 0755 $@
$(GK_DOM0_FILES)/guest%.cfg:
	@mkdir -p $(@D)
	printf 'name = "guest%s"\nkernel = "/boot/guest-kernel-pv.elf"\nramdisk = "/boot/guest.cpio"\nextra = "console=hvc0"\nmemory = 16\n' $* > $@
$(eval $(call userland_root,dom0-$(GUESTS),sh $(USER_TOOLS) xl xenstore xenstored xenconsoled,,\
	$(GK_DOM0_FILES)/rc:/etc/rc $(GKT)/dom0.rc.shutdown:/etc/rc.shutdown \
	$(GK_PV_ELF):/boot/guest-kernel-pv.elf \
	$(GKT_OUT)/sh.cpio:/boot/guest.cpio \
	$(foreach c,$(GK_GUEST_CFGS),$(c):/etc/xen/$(notdir $(c)))))

# The guest kernel as a domU (tests/guests/gk_domu.c): its PV build and
# systest's root, as the one boot module a dom0 test guest gets.
GK_DOMU_BUNDLE := $(GKT_OUT)/domu-bundle.cpio
ALL_TARGETS += $(GK_DOMU_BUNDLE)
$(GK_DOMU_BUNDLE): $(GK_PV_ELF) $(GKT_OUT)/systest.cpio
	rm -rf $(GKT_OUT)/domu-bundle
	mkdir -p $(GKT_OUT)/domu-bundle
	cp $(GK_PV_ELF) $(GKT_OUT)/domu-bundle/kernel
	cp $(GKT_OUT)/systest.cpio $(GKT_OUT)/domu-bundle/ramdisk
	cd $(GKT_OUT)/domu-bundle && printf 'kernel\nramdisk\n' | cpio -o -H newc -R 0:0 --quiet > ../domu-bundle.cpio

-include $(wildcard $(GKT_OUT)/*.d)
