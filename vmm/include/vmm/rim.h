/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_RIM_H
#define VMM_RIM_H

#include <stdint.h>

struct realm_plan;

#define RIM_MAX_SIZE	64

/*
 * RTT entries RMI_RTT_INIT_RIPAS measures for [base, top), one call per
 * entry, following kvm-realm.ko's policy of donating an RTT only where an
 * entry is not fully inside the range: the largest aligned block that fits,
 * from the starting level down to pages.  Returns the number of entries;
 * calls @fn for each if it is not NULL.
 */
unsigned long rim__ripas_entries(unsigned int ipa_bits, uint64_t base, uint64_t top,
				 void (*fn)(void *arg, uint64_t base, uint64_t top),
				 void *arg);

/* The RIM the RMM will compute for @plan; returns the hash size in bytes. */
unsigned int rim__predict(const struct realm_plan *plan, uint8_t rim[RIM_MAX_SIZE]);

#endif /* VMM_RIM_H */
