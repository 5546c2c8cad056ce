# The hypervisor image.
