/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_VERSION and RMI_FEATURES (DEN0137 B4.3.23, B4.3.4; 1.1 additions).
 */
#include <abi/rmi.h>
#include <rmm/mec.h>
#include <rmm/plat.h>
#include <rmm/rmi-handlers.h>

/* Revisions implemented: 1.0 and 1.1 (the MEC additions of 1.1). */
#define RMI_IMPL_HIGHEST	RMI_ABI_VERSION_1_1

/* Written by RMI_VERSION on any CPU; a single aligned 64-bit word. */
static volatile uint64_t rmi_negotiated = RMI_ABI_VERSION_1_0;

uint64_t rmi_version_negotiated(void)
{
	return rmi_negotiated;
}

void rmi_version_reset(void)
{
	rmi_negotiated = RMI_ABI_VERSION_1_0;
}

static bool version_supported(uint64_t v)
{
	return v == RMI_ABI_VERSION_1_0 || v == RMI_ABI_VERSION_1_1;
}

/*
 * DEN0137 RMI_VERSION (cca-interfaces.md §2, "Later TF-RMM" row):
 *   supported request      SUCCESS, lower = request, higher = highest (1.1)
 *   newer than some we do  ERROR_INPUT, lower = highest revision below the
 *                          request, higher = highest
 *   older than all we do   ERROR_INPUT, lower = higher = highest
 * With {1.0, 1.1} both error cases give lower = 1.1.  A successful request
 * also records the revision the host speaks: the 1.1 RealmParams fields
 * are only read for a 1.1 host.
 */
void rmi_version(const uint64_t *args, struct rmi_result *res)
{
	uint64_t req = args[0];

	res->x[2] = RMI_IMPL_HIGHEST;
	if (version_supported(req)) {
		rmi_negotiated = req;
		res->x[0] = RMI_SUCCESS;
		res->x[1] = req;
	} else {
		res->x[0] = RMI_ERROR_INPUT;
		res->x[1] = RMI_IMPL_HIGHEST;
	}
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

/*
 * Index 0: RmiFeatureRegister0.  Index 1 (1.1): MAX_MECID, the largest
 * MECID the host may name (cca-interfaces.md §5.4, §13).  Other indices
 * read as zero.
 */
void rmi_features(const uint64_t *args, struct rmi_result *res)
{
	res->x[0] = RMI_SUCCESS;
	if (args[0] == RMI_FEATURE_REGISTER_0)
		res->x[1] = rmi_feature_register_0();
	else if (args[0] == RMI_FEATURE_REGISTER_1_MAX_MECID)
		res->x[1] = mec_max_mecid();
	else
		res->x[1] = 0;
}
