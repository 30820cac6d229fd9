/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_GIC_H
#define MONITOR_GIC_H

/* Once, on the boot CPU: affinity routing on, all SPIs Group 1 NS. */
void gic_init_distributor(void);
/* On every CPU, cold and warm: system-register interface for the lower ELs,
 * this CPU's redistributor awake and its SGIs/PPIs Group 1 NS. */
void gic_init_this_cpu(void);

#endif /* MONITOR_GIC_H */
