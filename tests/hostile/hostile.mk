# Hostile guests: tests/hostile/NAME.c, built on the test-guest framework
# (tests/guests/guests.mk, included before this file) to
# build/hostile/NAME.elf; tests/integration/run.sh boots them with the others.

HOSTILE_NAMES := $(basename $(notdir $(wildcard tests/hostile/*.c)))
HOSTILE_OBJ := $(BUILD)/hostile/obj

ALL_TARGETS += $(HOSTILE_NAMES:%=$(BUILD)/hostile/%.elf)

.SECONDARY: $(HOSTILE_NAMES:%=$(HOSTILE_OBJ)/%.c.o)

$(HOSTILE_OBJ)/%.c.o: tests/hostile/%.c | $(BUILD)/include/xen
	@mkdir -p $(@D)
	$(GUEST_COMPILE)

$(BUILD)/hostile/%.elf: $(HOSTILE_OBJ)/%.c.o $(GUEST_LIB_OBJS) $(GUEST_LDS)
	$(GUEST_LINK)

-include $(wildcard $(HOSTILE_OBJ)/*.d)
