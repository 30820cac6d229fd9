/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_VERSION and RMI_FEATURES (DEN0137 B4.3.23, B4.3.4).
 */
#include <abi/rmi.h>
#include <rmm/plat.h>
#include <rmm/rmi-handlers.h>

/* The only interface revision implemented: 1.0. */
#define RMI_IMPL_LOWER		RMI_ABI_VERSION_1_0
#define RMI_IMPL_HIGHER		RMI_ABI_VERSION_1_0

/*
 * DEN0137 B4.3.23: SUCCESS with lower = requested if a compatible revision is
 * supported; otherwise ERROR_INPUT with lower = the highest supported
 * revision below the request (request newer than 1.0) or lower = higher
 * (request older than 1.0).  With one revision both cases give 1.0.
 */
void rmi_version(const uint64_t *args, struct rmi_result *res)
{
	uint64_t req = args[0];

	res->x[0] = (req == RMI_ABI_VERSION_1_0) ? RMI_SUCCESS : RMI_ERROR_INPUT;
	res->x[1] = RMI_IMPL_LOWER;
	res->x[2] = RMI_IMPL_HIGHER;
}

/* RmiFeatureRegister0, 1.0-REL0 layout (cca-interfaces.md §5.4). */
uint64_t rmi_feature_register_0(void)
{
	const struct plat_features *f = plat_get_features();
	uint64_t reg = 0;

	reg |= RMI_FEAT0_PUT(f->pa_bits, S2SZ);
	reg |= RMI_FEAT0_PUT(f->lpa2 ? 1 : 0, LPA2);
	reg |= RMI_FEAT0_PUT(f->sve ? 1 : 0, SVE_EN);
	reg |= RMI_FEAT0_PUT(f->sve ? f->sve_max_vl : 0, SVE_VL);
	reg |= RMI_FEAT0_PUT(f->num_bps, NUM_BPS);
	reg |= RMI_FEAT0_PUT(f->num_wps, NUM_WPS);
	reg |= RMI_FEAT0_PUT(f->pmu ? 1 : 0, PMU_EN);
	reg |= RMI_FEAT0_PUT(f->pmu ? f->pmu_num_ctrs : 0, PMU_NUM_CTRS);
	reg |= RMI_FEAT0_PUT(1, HASH_SHA_256);
	reg |= RMI_FEAT0_PUT(1, HASH_SHA_512);
	reg |= RMI_FEAT0_PUT(f->gicv3_num_lrs, GICV3_NUM_LRS);
	reg |= RMI_FEAT0_PUT(f->max_recs_order, MAX_RECS_ORDER);
	return reg;
}

/* Index 0 is the only feature register in 1.0; others read as zero. */
void rmi_features(const uint64_t *args, struct rmi_result *res)
{
	res->x[0] = RMI_SUCCESS;
	res->x[1] = (args[0] == RMI_FEATURE_REGISTER_0) ? rmi_feature_register_0() : 0;
}
