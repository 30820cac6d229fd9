/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_PSCI_H
#define MONITOR_PSCI_H

#include <stdint.h>
#include <smc.h>

/* PSCI for the Non-secure host; each returns the value for x0. */
uint64_t psci_version(const struct smc_args *a);
uint64_t psci_features(const struct smc_args *a);
uint64_t psci_cpu_suspend(const struct smc_args *a);
uint64_t psci_cpu_off(const struct smc_args *a);
uint64_t psci_cpu_on(const struct smc_args *a);
uint64_t psci_affinity_info(const struct smc_args *a);
uint64_t psci_migrate_info_type(const struct smc_args *a);
uint64_t psci_system_off(const struct smc_args *a);
uint64_t psci_system_reset(const struct smc_args *a);

/* Mark this CPU ON after a CPU_ON warm boot; returns its entry and context. */
void psci_cpu_on_finish(uint64_t *entry, uint64_t *context);

#endif /* MONITOR_PSCI_H */
