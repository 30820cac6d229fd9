/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI 1.0 commands this RMM does not provide yet.  They are dispatched (the
 * table lists every 1.0 command) but refuse every request with
 * RMI_ERROR_INPUT and change no state, so a host never mistakes them for
 * working commands.  RMI 1.0 has no "not supported" status
 * (RMI_ERROR_NOT_SUPPORTED is 1.1).
 */
#include <rmm/rmi-handlers.h>

#define RMI_REFUSE(name) \
	void name(const uint64_t *args, struct rmi_result *res) \
	{ \
		(void)args; \
		res->x[0] = RMI_ERROR_INPUT; \
	}

RMI_REFUSE(rmi_rec_create)
RMI_REFUSE(rmi_rec_destroy)
RMI_REFUSE(rmi_rec_enter)
RMI_REFUSE(rmi_psci_complete)
RMI_REFUSE(rmi_rtt_map_unprotected)
RMI_REFUSE(rmi_rtt_unmap_unprotected)
RMI_REFUSE(rmi_rtt_init_ripas)
RMI_REFUSE(rmi_rtt_set_ripas)
RMI_REFUSE(rmi_data_create)
RMI_REFUSE(rmi_data_create_unknown)
RMI_REFUSE(rmi_data_destroy)
