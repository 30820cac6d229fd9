/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * The RMM's steady state on every CPU: one SMC carries the result of the
 * previous call (or the boot status) to EL3, and its "return" is the next
 * RMI call from the host, x0 = FID (SVE hint bit as the host set it),
 * x1..x7 = arguments.  The portable dispatcher does the rest.
 */
#include <string.h>
#include <abi/rmm-el3.h>
#include <plat-aarch64.h>
#include <rmm/rmi-handlers.h>
#include <runtime/boot.h>

_Static_assert(sizeof(((struct rmi_result *)0)->x) <= 5 * sizeof(uint64_t),
	       "RMM_RMI_REQ_COMPLETE carries x1..x5 to the host (IFC 0.x)");

void rmm_main_loop(int64_t status)
{
	struct plat_smc_regs r = { .x = { RMM_BOOT_COMPLETE, (uint64_t)status } };
	struct rmi_result res;

	if (status != RMM_BOOT_SUCCESS) {
		/* EL3 never enters a failed RMM again; stop if it does. */
		plat_smc_exchange(&r);
		plat_halt();
	}
	rmm_boot_done();
	for (;;) {
		plat_smc_exchange(&r);
		rmi_dispatch(r.x, &res);
		memset(&r, 0, sizeof(r));
		r.x[0] = RMM_RMI_REQ_COMPLETE;
		memcpy(&r.x[1], res.x, sizeof(res.x));
	}
}
