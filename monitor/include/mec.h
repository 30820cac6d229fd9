/* SPDX-License-Identifier: GPL-2.0-only */
/* RMM_MEC_REFRESH at EL3 (mec.c). */
#ifndef MONITOR_MEC_H
#define MONITOR_MEC_H

struct el3_frame;

/* RMM -> EL3 service, Realm world only (rmmd.c). */
void mec_refresh(struct el3_frame *f);

#endif /* MONITOR_MEC_H */
