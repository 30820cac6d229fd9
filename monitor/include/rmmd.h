/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The monitor's side of the RMM: loading and measuring the image, booting
 * it on every CPU, and the world switch that carries RMI calls to it and
 * its answers back (cca-interfaces.md §10).
 */
#ifndef MONITOR_RMMD_H
#define MONITOR_RMMD_H

#include <stdbool.h>
#include <stdint.h>
#include <exception.h>

/*
 * rmm-load.c: copy the RMM from flash into the carve-out, measure it and
 * write the boot manifest into the shared page.  Boot CPU, EL3 MMU on,
 * before the GPT makes the carve-out Realm.  False if there is no usable
 * image (the monitor then runs without an RMM).
 */
bool rmm_image_load(uint64_t *entry);
/* SHA-256 of the loaded RMM image (32 bytes), NULL if none was loaded. */
const uint8_t *rmm_image_measurement(void);

/* Cold boot of the RMM on the boot CPU, after the GPC is on. */
void rmmd_cold_boot(uint64_t entry);
/* Warm boot on a CPU that PSCI CPU_ON brought up, before NS resumes. */
void rmmd_warm_boot(void);

/* RMI calls from NS, RMM-EL3 calls from the Realm world (smc.c). */
void rmmd_smc(struct el3_frame *f, uint32_t fid, unsigned int world);

/* world.S */
int64_t el3_realm_boot(const struct el3_frame *realm, uint64_t *sp_slot);
void __attribute__((noreturn)) el3_realm_boot_return(uint64_t sp, int64_t status);

#endif /* MONITOR_RMMD_H */
