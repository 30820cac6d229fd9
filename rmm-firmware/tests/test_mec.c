/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI 1.1 MEC (<rmm/mec.h>): version negotiation, RMI_FEATURES(1), every
 * failure condition of RMI_MEC_SET_SHARED / RMI_MEC_SET_PRIVATE, the MECID
 * checks of RMI_REALM_CREATE, the EL3 refresh flow and the RMI 1.0 path.
 */
#include <string.h>
#include <abi/rmm-el3.h>
#include <rmm/mec.h>
#include "helpers.h"

#define MAX_MECID_16	65534ULL	/* (2^16 - 1) - 1 reserved */

/* A realm being created: its granules, kept for a retry or a destroy. */
struct mec_realm {
	uint64_t rd, rtt_base;
	struct rmi_realm_params p;
};

static void mrealm_init(struct mec_realm *r, uint16_t vmid, int64_t mecid)
{
	r->rtt_base = alloc_granules(2, 2);
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, r->rtt_base).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, r->rtt_base + GRANULE_SIZE).x[0],
			 RMI_SUCCESS);
	r->rd = alloc_delegated();
	realm_params_fill_default(&r->p, r->rtt_base);
	r->p.vmid = vmid;
	r->p.mecid = mecid;
}

static uint64_t mrealm_create(struct mec_realm *r)
{
	return RMI2(RMI_REALM_CREATE, r->rd, realm_params_ns(&r->p)).x[0];
}

/* Create and assert success. */
static void mrealm_new(struct mec_realm *r, uint16_t vmid, int64_t mecid)
{
	mrealm_init(r, vmid, mecid);
	assert_int_equal(mrealm_create(r), RMI_SUCCESS);
}

static void mrealm_destroy(struct mec_realm *r)
{
	assert_int_equal(RMI1(RMI_REALM_DESTROY, r->rd).x[0], RMI_SUCCESS);
}

static void expect_not_created(const struct mec_realm *r)
{
	assert_int_equal(granule_state_at(r->rd), GRANULE_STATE_DELEGATED);
	assert_int_equal(granule_state_at(r->rtt_base), GRANULE_STATE_DELEGATED);
	assert_no_locks();
}

static void negotiate_1_1(void)
{
	assert_int_equal(RMI1(RMI_VERSION, RMI_ABI_VERSION_1_1).x[0], RMI_SUCCESS);
}

static int setup_1_1(void **state)
{
	test_setup(state);
	negotiate_1_1();
	return 0;
}

/* ---- RMI_VERSION, RMI_FEATURES */

static void version_1_1_succeeds_and_is_recorded(void **state)
{
	struct rmi_result r;

	(void)state;
	assert_int_equal(rmi_version_negotiated(), RMI_ABI_VERSION_1_0);
	r = RMI1(RMI_VERSION, RMI_ABI_VERSION_1_1);
	assert_int_equal(r.x[0], RMI_SUCCESS);
	assert_int_equal(r.x[1], RMI_ABI_VERSION_1_1);
	assert_int_equal(r.x[2], RMI_ABI_VERSION_1_1);
	assert_int_equal(rmi_version_negotiated(), RMI_ABI_VERSION_1_1);
	/* A failed request changes nothing; a 1.0 request goes back to 1.0. */
	assert_int_equal(RMI1(RMI_VERSION, RMI_ABI_VERSION(2, 0)).x[0], RMI_ERROR_INPUT);
	assert_int_equal(rmi_version_negotiated(), RMI_ABI_VERSION_1_1);
	r = RMI1(RMI_VERSION, RMI_ABI_VERSION_1_0);
	assert_int_equal(r.x[0], RMI_SUCCESS);
	assert_int_equal(r.x[1], RMI_ABI_VERSION_1_0);
	assert_int_equal(r.x[2], RMI_ABI_VERSION_1_1);
	assert_int_equal(rmi_version_negotiated(), RMI_ABI_VERSION_1_0);
}

static void features_1_is_max_mecid(void **state)
{
	struct rmi_result r = RMI1(RMI_FEATURES, RMI_FEATURE_REGISTER_1_MAX_MECID);

	(void)state;
	assert_int_equal(r.x[0], RMI_SUCCESS);
	assert_int_equal(r.x[1], MAX_MECID_16);
	host_features()->mecid_bits = 8;
	assert_int_equal(RMI1(RMI_FEATURES, 1).x[1], 254);
	host_features()->mecid_bits = 0;
	assert_int_equal(RMI1(RMI_FEATURES, 1).x[1], 0);
}

static void dispatch_lists_mec_commands(void **state)
{
	unsigned int count, i, found = 0;
	const struct rmi_command *t = rmi_command_table(&count);

	(void)state;
	for (i = 0; i < count; i++) {
		if (t[i].fid == RMI_MEC_SET_SHARED || t[i].fid == RMI_MEC_SET_PRIVATE) {
			assert_int_equal(t[i].num_args, 1);
			assert_int_equal(t[i].num_outputs, 0);
			found++;
		}
	}
	assert_int_equal(found, 2);
}

/* ---- RMI_MEC_SET_SHARED */

static void set_shared_mecid_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, MAX_MECID_16 + 1).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, ~0ULL).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 1ULL << 32).x[0], RMI_ERROR_INPUT);
	assert_int_equal(host_mec_log()->refresh_calls, 0);
}

static void set_shared_state_shared(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 3).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 3).x[0], RMI_ERROR_INPUT);
	assert_int_equal(mec_state_of(3), MEC_SHARED);
}

static void set_shared_state_private_assigned(void **state)
{
	struct mec_realm r;

	(void)state;
	mrealm_new(&r, 1, 9);
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 9).x[0], RMI_ERROR_INPUT);
	assert_int_equal(mec_state_of(9), MEC_PRIVATE_ASSIGNED);
}

static void set_shared_success_refreshes(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, MAX_MECID_16).x[0], RMI_SUCCESS);
	assert_int_equal(mec_state_of(MAX_MECID_16), MEC_SHARED);
	assert_int_equal(mec_members_of(MAX_MECID_16), 0);
	assert_int_equal(host_mec_log()->creates, 1);
	/* User MECID n is hardware MECID n + 1: the top one is 0xFFFF. */
	assert_int_equal(host_mec_log()->last_mecid, 0xFFFF);
	assert_int_equal(host_mec_log()->last_reason, RMM_MEC_REFRESH_REASON_CREATE);
}

static void set_shared_refresh_failure(void **state)
{
	(void)state;
	host_mec_fail(E_RMM_INVAL, 1);
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 4).x[0], RMI_ERROR_INPUT);
	assert_int_equal(mec_state_of(4), MEC_PRIVATE_UNASSIGNED);
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 4).x[0], RMI_SUCCESS);
}

/* ---- RMI_MEC_SET_PRIVATE */

static void set_private_mecid_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_MEC_SET_PRIVATE, MAX_MECID_16 + 1).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI1(RMI_MEC_SET_PRIVATE, ~0ULL).x[0], RMI_ERROR_INPUT);
}

static void set_private_state_not_shared(void **state)
{
	struct mec_realm r;

	(void)state;
	/* PRIVATE_UNASSIGNED */
	assert_int_equal(RMI1(RMI_MEC_SET_PRIVATE, 0).x[0], RMI_ERROR_INPUT);
	/* PRIVATE_ASSIGNED */
	mrealm_new(&r, 1, 6);
	assert_int_equal(RMI1(RMI_MEC_SET_PRIVATE, 6).x[0], RMI_ERROR_INPUT);
	assert_int_equal(mec_state_of(6), MEC_PRIVATE_ASSIGNED);
}

static void set_private_members(void **state)
{
	struct mec_realm r;

	(void)state;
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 0).x[0], RMI_SUCCESS);
	mrealm_new(&r, 1, 0);
	assert_int_equal(mec_members_of(0), 1);
	assert_int_equal(RMI1(RMI_MEC_SET_PRIVATE, 0).x[0], RMI_ERROR_INPUT);
	assert_int_equal(mec_state_of(0), MEC_SHARED);
	mrealm_destroy(&r);
	assert_int_equal(mec_members_of(0), 0);
	assert_int_equal(RMI1(RMI_MEC_SET_PRIVATE, 0).x[0], RMI_SUCCESS);
}

static void set_private_success_refreshes(void **state)
{
	struct mec_realm r;

	(void)state;
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 12).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_MEC_SET_PRIVATE, 12).x[0], RMI_SUCCESS);
	assert_int_equal(mec_state_of(12), MEC_PRIVATE_UNASSIGNED);
	assert_int_equal(host_mec_log()->destroys, 1);
	assert_int_equal(host_mec_log()->last_mecid, 13);
	assert_int_equal(host_mec_log()->last_reason, RMM_MEC_REFRESH_REASON_DESTROY);
	/* Back to PRIVATE_UNASSIGNED: usable privately. */
	mrealm_new(&r, 1, 12);
}

/* ---- RMI_REALM_CREATE / DESTROY (1.1 host) */

static void create_private_mecid(void **state)
{
	struct mec_realm r;

	(void)state;
	mrealm_new(&r, 1, 77);
	assert_int_equal(mec_state_of(77), MEC_PRIVATE_ASSIGNED);
	assert_int_equal(((struct rd *)host_pa_to_va(r.rd))->mecid, 77);
	assert_int_equal(realm_hw_mecid(host_pa_to_va(r.rd)), 78);
	assert_int_equal(host_mec_log()->creates, 1);
	assert_int_equal(host_mec_log()->last_mecid, 78);
}

static void create_mecid_bound(void **state)
{
	struct mec_realm r;

	(void)state;
	mrealm_init(&r, 1, (int64_t)MAX_MECID_16 + 1);
	assert_int_equal(mrealm_create(&r), RMI_ERROR_INPUT);
	expect_not_created(&r);
	r.p.mecid = -1;
	assert_int_equal(mrealm_create(&r), RMI_ERROR_INPUT);
	expect_not_created(&r);
	/* The VMID was not kept: the same realm with a good MECID works. */
	r.p.mecid = (int64_t)MAX_MECID_16;
	assert_int_equal(mrealm_create(&r), RMI_SUCCESS);
}

static void create_mecid_in_use(void **state)
{
	struct mec_realm a, b;

	(void)state;
	mrealm_new(&a, 1, 5);
	mrealm_init(&b, 2, 5);
	assert_int_equal(mrealm_create(&b), RMI_ERROR_INPUT);
	expect_not_created(&b);
	assert_int_equal(host_mec_log()->creates, 1);
	b.p.mecid = 6;
	assert_int_equal(mrealm_create(&b), RMI_SUCCESS);
}

static void create_refresh_failure(void **state)
{
	struct mec_realm r;

	(void)state;
	mrealm_init(&r, 1, 8);
	host_mec_fail(E_RMM_INVAL, 1);
	assert_int_equal(mrealm_create(&r), RMI_ERROR_INPUT);
	expect_not_created(&r);
	assert_int_equal(mec_state_of(8), MEC_PRIVATE_UNASSIGNED);
	assert_int_equal(mrealm_create(&r), RMI_SUCCESS);
}

static void destroy_releases_and_refreshes(void **state)
{
	struct mec_realm a, b;

	(void)state;
	mrealm_new(&a, 1, 40);
	mrealm_destroy(&a);
	assert_int_equal(mec_state_of(40), MEC_PRIVATE_UNASSIGNED);
	assert_int_equal(host_mec_log()->destroys, 1);
	assert_int_equal(host_mec_log()->last_mecid, 41);
	assert_int_equal(host_mec_log()->last_reason, RMM_MEC_REFRESH_REASON_DESTROY);
	mrealm_new(&b, 2, 40);
	assert_int_equal(host_mec_log()->creates, 2);
}

/*
 * The destroy refresh failed: the MECID is free, but no realm gets it
 * until EL3 has refreshed it (the create refresh of the next reservation).
 */
static void reuse_needs_refresh_since_release(void **state)
{
	struct mec_realm a, b;

	(void)state;
	mrealm_new(&a, 1, 41);
	host_mec_fail(E_RMM_UNK, 2);	/* the destroy and the next create */
	mrealm_destroy(&a);
	assert_int_equal(mec_state_of(41), MEC_PRIVATE_UNASSIGNED);
	mrealm_init(&b, 2, 41);
	assert_int_equal(mrealm_create(&b), RMI_ERROR_INPUT);
	expect_not_created(&b);
	assert_int_equal(mrealm_create(&b), RMI_SUCCESS);
	assert_int_equal(mec_state_of(41), MEC_PRIVATE_ASSIGNED);
}

static void shared_realms_coexist(void **state)
{
	struct mec_realm a, b;

	(void)state;
	/* Not shared yet: the first realm would own MECID 0 privately. */
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 0).x[0], RMI_SUCCESS);
	mrealm_new(&a, 1, 0);
	mrealm_new(&b, 2, 0);
	assert_int_equal(mec_members_of(0), 2);
	assert_int_equal(host_mec_log()->creates, 1);	/* SET_SHARED only */
	assert_int_equal(realm_hw_mecid(host_pa_to_va(a.rd)), 1);
	mrealm_destroy(&a);
	assert_int_equal(RMI1(RMI_MEC_SET_PRIVATE, 0).x[0], RMI_ERROR_INPUT);
	mrealm_destroy(&b);
	assert_int_equal(host_mec_log()->destroys, 0);	/* members only */
	assert_int_equal(RMI1(RMI_MEC_SET_PRIVATE, 0).x[0], RMI_SUCCESS);
	assert_int_equal(host_mec_log()->destroys, 1);
}

/* ---- RMI 1.0 hosts */

static void legacy_realms_share_mecid_0(void **state)
{
	struct mec_realm a, b;

	(void)state;
	/* No VERSION(1.1): params' 0x828 is not a MECID for a 1.0 host. */
	mrealm_new(&a, 1, 1234);
	mrealm_new(&b, 2, -7);
	assert_int_equal(((struct rd *)host_pa_to_va(a.rd))->mecid, 0);
	assert_int_equal(mec_state_of(0), MEC_SHARED);
	assert_int_equal(mec_members_of(0), 2);
	assert_int_equal(mec_state_of(1234), MEC_PRIVATE_UNASSIGNED);
	mrealm_destroy(&a);
	mrealm_destroy(&b);
	/* MECID 0 was shared implicitly: it reverts with its last member. */
	assert_int_equal(mec_state_of(0), MEC_PRIVATE_UNASSIGNED);
	assert_int_equal(host_mec_log()->creates, 1);
	assert_int_equal(host_mec_log()->destroys, 1);
}

static void legacy_realm_needs_mecid_0_free(void **state)
{
	struct mec_realm a, b;

	(void)state;
	negotiate_1_1();
	mrealm_new(&a, 1, 0);		/* private MECID 0 */
	assert_int_equal(RMI1(RMI_VERSION, RMI_ABI_VERSION_1_0).x[0], RMI_SUCCESS);
	mrealm_init(&b, 2, 0);
	assert_int_equal(mrealm_create(&b), RMI_ERROR_INPUT);
	expect_not_created(&b);
}

static void legacy_joins_explicit_shared(void **state)
{
	struct mec_realm a;

	(void)state;
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 0).x[0], RMI_SUCCESS);
	mrealm_new(&a, 1, 0);
	mrealm_destroy(&a);
	/* Explicitly shared: stays SHARED until SET_PRIVATE. */
	assert_int_equal(mec_state_of(0), MEC_SHARED);
	assert_int_equal(RMI1(RMI_MEC_SET_PRIVATE, 0).x[0], RMI_SUCCESS);
}

/* ---- no FEAT_MEC */

static void no_mec_only_mecid_0_no_refresh(void **state)
{
	struct mec_realm a, b;

	(void)state;
	host_features()->mecid_bits = 0;
	negotiate_1_1();
	mrealm_init(&b, 2, 1);
	assert_int_equal(mrealm_create(&b), RMI_ERROR_INPUT);
	mrealm_new(&a, 1, 0);
	assert_int_equal(mec_state_of(0), MEC_PRIVATE_ASSIGNED);
	mrealm_destroy(&a);
	assert_int_equal(host_mec_log()->refresh_calls, 0);
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 0).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_MEC_SET_SHARED, 1).x[0], RMI_ERROR_INPUT);
}

#define T(f)	cmocka_unit_test_setup(f, test_setup)
#define T11(f)	cmocka_unit_test_setup(f, setup_1_1)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(version_1_1_succeeds_and_is_recorded),
		T(features_1_is_max_mecid),
		T(dispatch_lists_mec_commands),
		T11(set_shared_mecid_bound),
		T11(set_shared_state_shared),
		T11(set_shared_state_private_assigned),
		T11(set_shared_success_refreshes),
		T11(set_shared_refresh_failure),
		T11(set_private_mecid_bound),
		T11(set_private_state_not_shared),
		T11(set_private_members),
		T11(set_private_success_refreshes),
		T11(create_private_mecid),
		T11(create_mecid_bound),
		T11(create_mecid_in_use),
		T11(create_refresh_failure),
		T11(destroy_releases_and_refreshes),
		T11(reuse_needs_refresh_since_release),
		T11(shared_realms_coexist),
		T(legacy_realms_share_mecid_0),
		T(legacy_realm_needs_mecid_0_free),
		T(legacy_joins_explicit_shared),
		T(no_mec_only_mecid_0_no_refresh),
	};

	return cmocka_run_group_tests_name("mec", tests, NULL, NULL);
}
