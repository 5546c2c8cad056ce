# Compiler flags shared by every part of the tree.

CC := gcc
HOSTCC := gcc
WARN := -Wall -Wextra -Wshadow -Werror

# Ring-0 and guest code: no libc, no red zone (interrupts land on the same
# stack), no SSE (the hypervisor never saves guest vector state around its
# own code), frame pointers for the backtraces.
FREESTANDING := -std=gnu11 -ffreestanding -fno-builtin -nostdinc -nostdlib \
	-fno-stack-protector -fno-asynchronous-unwind-tables -fno-omit-frame-pointer \
	-mno-red-zone -mno-sse -mno-mmx -mno-sse2 -mno-avx -mgeneral-regs-only \
	-O2 -g $(WARN)

# Guests linked in the low 2 GiB use the small code model; the Xen headers
# come from Debian's libxen-dev.
GUEST_CFLAGS := $(FREESTANDING) -fno-pic -fno-pie -mcmodel=small \
	-isystem $(shell $(CC) -print-file-name=include) -I$(BUILD)/include \
	-D__XEN_INTERFACE_VERSION__=0x00040e00
GUEST_LDFLAGS := -nostdlib -static -no-pie -z max-page-size=4096 -z noexecstack

HOST_CFLAGS := -std=gnu11 -O2 -g $(WARN)

# Freestanding code must not see glibc's headers, so the Xen headers are
# reached through a folder that holds only them.
$(BUILD)/include/xen:
	@mkdir -p $(dir $@)
	@ln -sfn /usr/include/xen $@
