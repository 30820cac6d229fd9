/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_GPT_ARCH_H
#define MONITOR_GPT_ARCH_H

#include <stdint.h>

/* Build the GPT for the platform layout (boot CPU, once). */
void gpt_setup(void);
/* Program GPTBR/GPCCR and turn the GPC on for this CPU (cold and warm). */
void gpt_enable_this_cpu(void);
/* Log the GPT geometry (after gpt_enable_this_cpu on the boot CPU). */
void gpt_report(void);
/* Exercise delegate/undelegate on one unused NS granule; panics on failure. */
void gpt_self_test(uint64_t pa);
/* RMM_GTSI_DELEGATE / _UNDELEGATE semantics; return an E_RMM_* code. */
int gpt_delegate(uint64_t pa);
int gpt_undelegate(uint64_t pa);

#endif /* MONITOR_GPT_ARCH_H */
