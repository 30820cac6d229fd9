/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI 1.0 commands this RMM does not provide yet.  They are dispatched (the
 * table lists every 1.0 command) but refuse every request with
 * RMI_ERROR_INPUT and change no state, so a host never mistakes them for
 * working commands.  RMI 1.0 has no "not supported" status
 * (RMI_ERROR_NOT_SUPPORTED is 1.1).
 *
 * RMI_REC_ENTER needs the aarch64 realm entry/exit runtime (separate work).
 * That runtime records realm requests in the REC through <rmm/rec.h>
 * (rec_ripas_request(), rec_psci_request()), which RMI_RTT_SET_RIPAS and
 * RMI_PSCI_COMPLETE already complete.
 */
#include <rmm/rmi-handlers.h>

#define RMI_REFUSE(name) \
	void name(const uint64_t *args, struct rmi_result *res) \
	{ \
		(void)args; \
		res->x[0] = RMI_ERROR_INPUT; \
	}

RMI_REFUSE(rmi_rec_enter)
