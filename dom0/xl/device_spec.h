/*
 * The spec strings inside disk = [ ... ] and vif = [ ... ]. A parser fills
 * a zeroed device and returns 0, -EINVAL with the reason in why, or
 * -ENOMEM; whatever it allocated stays in the device for the caller to
 * free, failure or not.
 */
#ifndef XL_DEVICE_SPEC_H
#define XL_DEVICE_SPEC_H

#include "xl_config.h"

int disk_spec_parse(const char *spec, struct xl_disk *disk, char *why, size_t whylen);
int vif_spec_parse(const char *spec, struct xl_vif *vif, char *why, size_t whylen);

void disk_free(struct xl_disk *disk);
void vif_free(struct xl_vif *vif);

#endif
