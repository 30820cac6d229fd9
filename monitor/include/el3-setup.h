/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_EL3_SETUP_H
#define MONITOR_EL3_SETUP_H

#include <stdint.h>

/*
 * Program this CPU's EL3 controls for running the Non-secure world (SCR,
 * CPTR, ZCR, SMCR, MDCR) and a known EL2 reset state.  Returns the value
 * SCR_EL3 reads back with, i.e. the bits this CPU really implements.
 */
uint64_t el3_setup_this_cpu(void);

#endif /* MONITOR_EL3_SETUP_H */
