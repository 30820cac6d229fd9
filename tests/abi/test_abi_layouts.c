// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit tests for the shared firmware ABI headers (include/abi/),
 * group d: offset, size and signedness of every field of the RMI, RSI and
 * boot-manifest structures, and that every table entry is walked.
 *
 * Reference legend and check helpers: abi-check.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include <abi/types.h>
#include <abi/smccc.h>
#include <abi/psci.h>
#include <abi/rmi.h>
#include <abi/rsi.h>
#include <abi/rmm-el3.h>

#include "abi-check.h"

struct layout_check {
	const char *type;
	const char *field;	/* NULL: the whole structure */
	size_t offset, exp_offset;
	size_t size, exp_size;
	bool is_signed, exp_signed;
};

#define IS_SIGNED_INT(x) \
	_Generic((x), int8_t: true, int16_t: true, int32_t: true, int64_t: true, \
		 default: false)
#define MEMBER(T, m)	(((struct T *)0)->m)

/* Field at offset off, size sz bytes (array: total), unsigned or not an integer. */
#define F(T, m, off, sz)						\
	{ #T, #m, offsetof(struct T, m), (off), sizeof(MEMBER(T, m)), (sz), \
	  IS_SIGNED_INT(MEMBER(T, m)), false }
/* Same, but the reference gives a signed type (s64). */
#define FS(T, m, off, sz)						\
	{ #T, #m, offsetof(struct T, m), (off), sizeof(MEMBER(T, m)), (sz), \
	  IS_SIGNED_INT(MEMBER(T, m)), true }
#define SZ(T, sz)	{ #T, NULL, 0, 0, sizeof(struct T), (sz), false, false }

/*
 * Offsets and types from the reference; where it gives only an offset, the
 * field is a 64-bit register/PA/count (§0: every field 8-byte aligned, the
 * next field follows 8 bytes later).
 */
static const struct layout_check layouts[] = {
	/* [CCA] §5.1 RmiRealmParams (1.0 table + 1.1 delta), 4 KiB */
	SZ(rmi_realm_params, 0x1000),
	F(rmi_realm_params, flags0,		0x000, 8),
	F(rmi_realm_params, s2sz,		0x008, 4),
	F(rmi_realm_params, sve_vl,		0x010, 4),
	F(rmi_realm_params, num_bps,		0x018, 4),
	F(rmi_realm_params, num_wps,		0x020, 4),
	F(rmi_realm_params, pmu_num_ctrs,	0x028, 4),
	F(rmi_realm_params, hash_algo,		0x030, 1),
	F(rmi_realm_params, num_aux_planes,	0x038, 4),
	F(rmi_realm_params, rpv,		0x400, 64),
	F(rmi_realm_params, ats_plane,		0x440, 8),
	F(rmi_realm_params, vmid,		0x800, 2),
	F(rmi_realm_params, rtt_base,		0x808, 8),
	FS(rmi_realm_params, rtt_level_start,	0x810, 8),
	F(rmi_realm_params, rtt_num_start,	0x818, 4),
	F(rmi_realm_params, flags1,		0x820, 8),
	FS(rmi_realm_params, mecid,		0x828, 8),
	F(rmi_realm_params, aux_vmid,		0xF00, 3 * 2),
	F(rmi_realm_params, aux_rtt_base,	0xF80, 3 * 8),

	/* §5.2 RmiRecParams, 4 KiB */
	SZ(rmi_rec_params, 0x1000),
	F(rmi_rec_params, flags,		0x000, 8),
	F(rmi_rec_params, mpidr,		0x100, 8),
	F(rmi_rec_params, pc,			0x200, 8),
	F(rmi_rec_params, gprs,			0x300, 8 * 8),
	F(rmi_rec_params, num_aux,		0x800, 8),
	F(rmi_rec_params, aux,			0x808, 16 * 8),

	/* §5.3 RmiRecRun: one 4 KiB page, enter @0x000, exit @0x800 */
	SZ(rmi_rec_run, 0x1000),
	F(rmi_rec_run, enter,			0x000, 0x800),
	F(rmi_rec_run, exit,			0x800, 0x800),
	SZ(rmi_rec_enter, 0x800),
	F(rmi_rec_enter, flags,			0x000, 8),
	F(rmi_rec_enter, gprs,			0x200, 31 * 8),
	F(rmi_rec_enter, gicv3_hcr,		0x300, 8),
	F(rmi_rec_enter, gicv3_lrs,		0x308, 0x388 - 0x308),
	SZ(rmi_rec_exit, 0x800),
	F(rmi_rec_exit, exit_reason,		0x000, 8),
	F(rmi_rec_exit, esr,			0x100, 8),
	F(rmi_rec_exit, far,			0x108, 8),
	F(rmi_rec_exit, hpfar,			0x110, 8),
	F(rmi_rec_exit, rtt_tree,		0x118, 8),	/* 1.1 */
	F(rmi_rec_exit, rtt_level,		0x120, 8),	/* 1.1 */
	F(rmi_rec_exit, gprs,			0x200, 31 * 8),
	F(rmi_rec_exit, gicv3_hcr,		0x300, 8),
	F(rmi_rec_exit, gicv3_lrs,		0x308, 16 * 8),
	F(rmi_rec_exit, gicv3_misr,		0x388, 8),
	F(rmi_rec_exit, gicv3_vmcr,		0x390, 8),
	F(rmi_rec_exit, cntp_ctl,		0x400, 8),
	F(rmi_rec_exit, cntp_cval,		0x408, 8),
	F(rmi_rec_exit, cntv_ctl,		0x410, 8),
	F(rmi_rec_exit, cntv_cval,		0x418, 8),
	F(rmi_rec_exit, ripas_base,		0x500, 8),
	F(rmi_rec_exit, ripas_top,		0x508, 8),
	F(rmi_rec_exit, ripas_value,		0x510, 1),	/* "8-bit" */
	F(rmi_rec_exit, s2ap_base,		0x520, 8),	/* 1.1 */
	F(rmi_rec_exit, s2ap_top,		0x528, 8),
	F(rmi_rec_exit, vdev_id_1,		0x530, 8),
	F(rmi_rec_exit, vdev_id_2,		0x538, 8),
	F(rmi_rec_exit, dev_mem_base,		0x540, 8),
	F(rmi_rec_exit, dev_mem_top,		0x548, 8),
	F(rmi_rec_exit, dev_mem_pa,		0x550, 8),
	F(rmi_rec_exit, imm,			0x600, 4),	/* TF-RMM u32 */
	F(rmi_rec_exit, plane,			0x608, 8),	/* 1.1, u64 */
	F(rmi_rec_exit, pmu_ovf_status,		0x700, 8),

	/* §5.6 RmiPdevParams */
	SZ(rmi_pdev_params, 0x1000),
	F(rmi_pdev_params, flags,		0x000, 8),
	F(rmi_pdev_params, pdev_id,		0x008, 8),
	F(rmi_pdev_params, segment_id,		0x010, 8),
	F(rmi_pdev_params, ecam_addr,		0x018, 8),
	F(rmi_pdev_params, root_id,		0x020, 8),
	F(rmi_pdev_params, cert_id,		0x028, 8),
	F(rmi_pdev_params, rid_base,		0x030, 8),
	F(rmi_pdev_params, rid_top,		0x038, 8),
	F(rmi_pdev_params, hash_algo,		0x040, 8),
	F(rmi_pdev_params, num_aux,		0x048, 8),
	F(rmi_pdev_params, ide_sid,		0x050, 8),
	F(rmi_pdev_params, ncoh_num_addr_range,	0x058, 8),
	F(rmi_pdev_params, coh_num_addr_range,	0x060, 8),
	F(rmi_pdev_params, aux,			0x100, 32 * 8),
	/* 16 {base, top} ranges fill 0x200..0x300 */
	F(rmi_pdev_params, ncoh_addr_range,	0x200, 16 * 16),
	F(rmi_pdev_params, coh_addr_range,	0x300, 4 * 16),

	/* §5.6 RmiDevCommData: enter @0x0, exit @0x800 */
	SZ(rmi_dev_comm_data, 0x1000),
	F(rmi_dev_comm_data, enter,		0x000, 0x800),
	F(rmi_dev_comm_data, exit,		0x800, 0x800),
	F(rmi_dev_comm_data, enter.status,	0x000, 1),	/* u8 */
	F(rmi_dev_comm_data, enter.req_addr,	0x008, 8),
	F(rmi_dev_comm_data, enter.resp_addr,	0x010, 8),
	F(rmi_dev_comm_data, enter.resp_len,	0x018, 8),
	F(rmi_dev_comm_data, exit.flags,		0x800 + 0x00, 8),
	F(rmi_dev_comm_data, exit.cache_req_offset,	0x800 + 0x08, 8),
	F(rmi_dev_comm_data, exit.cache_req_len,	0x800 + 0x10, 8),
	F(rmi_dev_comm_data, exit.cache_rsp_offset,	0x800 + 0x18, 8),
	F(rmi_dev_comm_data, exit.cache_rsp_len,	0x800 + 0x20, 8),
	F(rmi_dev_comm_data, exit.cache_obj_id,		0x800 + 0x28, 8),
	F(rmi_dev_comm_data, exit.protocol,		0x800 + 0x30, 8),
	F(rmi_dev_comm_data, exit.req_delay,		0x800 + 0x38, 8),
	F(rmi_dev_comm_data, exit.req_len,		0x800 + 0x40, 8),
	F(rmi_dev_comm_data, exit.timeout,		0x800 + 0x48, 8),

	/* §5.6 RmiPublicKeyParams */
	SZ(rmi_public_key_params, 0x1000),
	F(rmi_public_key_params, key,		0x000, 1024),
	F(rmi_public_key_params, metadata,	0x400, 1024),
	F(rmi_public_key_params, key_len,	0x800, 8),
	F(rmi_public_key_params, metadata_len,	0x808, 8),
	F(rmi_public_key_params, algo,		0x810, 8),

	/* §5.6 RmiVdevParams */
	SZ(rmi_vdev_params, 0x1000),
	F(rmi_vdev_params, flags,		0x000, 8),
	F(rmi_vdev_params, vdev_id,		0x008, 8),
	F(rmi_vdev_params, tdi_id,		0x010, 8),
	F(rmi_vdev_params, num_aux,		0x018, 8),
	F(rmi_vdev_params, aux,			0x100, 32 * 8),

	/* §7.2 RsiRealmConfig (1.0 + 1.1 delta), 4 KiB */
	SZ(rsi_realm_config, 0x1000),
	F(rsi_realm_config, ipa_width,		0x000, 8),
	F(rsi_realm_config, hash_algo,		0x008, 1),
	F(rsi_realm_config, num_aux_planes,	0x010, 8),
	F(rsi_realm_config, gicv3_vtr,		0x018, 4),
	F(rsi_realm_config, ats_plane,		0x020, 8),
	F(rsi_realm_config, rpv,		0x200, 64),

	/* §7.2 RsiHostCall: imm @0x0 (TF-RMM u32), gprs[31] @0x8..0x100 */
	SZ(rsi_host_call, 0x100),
	F(rsi_host_call, imm,			0x000, 4),
	F(rsi_host_call, gprs,			0x008, 0x100 - 0x008),

	/* §8 RsiPlaneRun, 4 KiB: enter @0x000, exit @0x800 */
	SZ(rsi_plane_run, 0x1000),
	F(rsi_plane_run, enter,			0x000, 0x800),
	F(rsi_plane_run, exit,			0x800, 0x800),
	F(rsi_plane_run, enter.flags,		0x000, 8),
	F(rsi_plane_run, enter.pc,		0x008, 8),
	F(rsi_plane_run, enter.pstate,		0x010, 8),
	F(rsi_plane_run, enter.gprs,		0x100, 31 * 8),
	F(rsi_plane_run, enter.gicv3_hcr,	0x200, 8),
	F(rsi_plane_run, enter.gicv3_lrs,	0x208, 16 * 8),
	F(rsi_plane_run, exit.reason,		0x800 + 0x000, 8),
	F(rsi_plane_run, exit.elr_el2,		0x800 + 0x008, 8),
	F(rsi_plane_run, exit.pstate,		0x800 + 0x010, 8),
	F(rsi_plane_run, exit.gprs,		0x800 + 0x100, 31 * 8),
	F(rsi_plane_run, exit.esr_el2,		0x800 + 0x200, 8),
	F(rsi_plane_run, exit.far_el2,		0x800 + 0x208, 8),
	F(rsi_plane_run, exit.hpfar_el2,	0x800 + 0x210, 8),
	F(rsi_plane_run, exit.gicv3_hcr,	0x800 + 0x300, 8),
	F(rsi_plane_run, exit.gicv3_lrs,	0x800 + 0x308, 16 * 8),
	F(rsi_plane_run, exit.gicv3_misr,	0x800 + 0x388, 8),
	F(rsi_plane_run, exit.gicv3_vmcr,	0x800 + 0x390, 8),
	F(rsi_plane_run, exit.cntp_ctl,		0x800 + 0x400, 8),
	F(rsi_plane_run, exit.cntp_cval,	0x800 + 0x408, 8),
	F(rsi_plane_run, exit.cntv_ctl,		0x800 + 0x410, 8),
	F(rsi_plane_run, exit.cntv_cval,	0x800 + 0x418, 8),
	F(rsi_plane_run, exit.sctlr_el1,	0x800 + 0x500, 8),
	F(rsi_plane_run, exit.vbar_el1,		0x800 + 0x508, 8),
	F(rsi_plane_run, exit.elr_el1,		0x800 + 0x510, 8),
	F(rsi_plane_run, exit.pmu_ovf_status,	0x800 + 0x600, 8),

	/*
	 * §10.4 boot manifest v0.5.  The reference prose says "160 bytes", but
	 * its own table ends with the 32-byte root-complex list at 136: 168.
	 */
	SZ(rmm_boot_manifest, 168),
	F(rmm_boot_manifest, version,		0, 4),
	F(rmm_boot_manifest, padding,		4, 4),
	F(rmm_boot_manifest, plat_data,		8, 8),
	F(rmm_boot_manifest, plat_dram,		16, 24),
	F(rmm_boot_manifest, plat_console,	40, 24),
	F(rmm_boot_manifest, plat_ncoh_region,	64, 24),
	F(rmm_boot_manifest, plat_coh_region,	88, 24),
	F(rmm_boot_manifest, plat_smmu,		112, 24),
	F(rmm_boot_manifest, plat_root_complex,	136, 32),
	/* memory_info {num_banks u64 @0, banks ptr @8, checksum @16} */
	SZ(rmm_memory_info, 24),
	F(rmm_memory_info, num_banks,		0, 8),
	F(rmm_memory_info, banks,		8, 8),
	F(rmm_memory_info, checksum,		16, 8),
	/* console_list {num_consoles @0, consoles ptr @8, checksum @16} */
	SZ(rmm_console_list, 24),
	F(rmm_console_list, num_consoles,	0, 8),
	F(rmm_console_list, consoles,		8, 8),
	F(rmm_console_list, checksum,		16, 8),
	/* smmu_list {num_smmus, smmus ptr, checksum}: consecutive u64s */
	SZ(rmm_smmu_list, 24),
	F(rmm_smmu_list, num_smmus,		0, 8),
	F(rmm_smmu_list, smmus,			8, 8),
	F(rmm_smmu_list, checksum,		16, 8),
	/* root complex list {num u64 @0, rc_info_version u32 @8, pad @12, ptr @16, checksum @24} */
	SZ(rmm_root_complex_list, 32),
	F(rmm_root_complex_list, num_root_complex,	0, 8),
	F(rmm_root_complex_list, rc_info_version,	8, 4),
	F(rmm_root_complex_list, padding,		12, 4),
	F(rmm_root_complex_list, root_complex,		16, 8),
	F(rmm_root_complex_list, checksum,		24, 8),
	/* memory_bank {base u64, size u64} */
	SZ(rmm_memory_bank, 16),
	F(rmm_memory_bank, base,		0, 8),
	F(rmm_memory_bank, size,		8, 8),
	/* console_info {base @0, map_pages @8, name[8] @16, clk_in_hz @24, baud_rate @32, flags @40} */
	SZ(rmm_console_info, 48),
	F(rmm_console_info, base,		0, 8),
	F(rmm_console_info, map_pages,		8, 8),
	F(rmm_console_info, name,		16, 8),
	F(rmm_console_info, clk_in_hz,		24, 8),
	F(rmm_console_info, baud_rate,		32, 8),
	F(rmm_console_info, flags,		40, 8),
	/* smmu_info {smmu_base, smmu_r_base} */
	SZ(rmm_smmu_info, 16),
	F(rmm_smmu_info, smmu_base,		0, 8),
	F(rmm_smmu_info, smmu_r_base,		8, 8),
};

static unsigned int check_layout_entry(const struct layout_check *l)
{
	unsigned int fails = 0;

	if (!l->field) {
		if (l->size != l->exp_size) {
			print_error("MISMATCH sizeof(struct %s): header %zu (0x%zx), reference %zu (0x%zx)\n",
				    l->type, l->size, l->size, l->exp_size, l->exp_size);
			fails++;
		}
		return fails;
	}
	if (l->offset != l->exp_offset) {
		print_error("MISMATCH offsetof(struct %s, %s): header 0x%zx, reference 0x%zx\n",
			    l->type, l->field, l->offset, l->exp_offset);
		fails++;
	}
	if (l->size != l->exp_size) {
		print_error("MISMATCH sizeof(struct %s.%s): header %zu, reference %zu\n",
			    l->type, l->field, l->size, l->exp_size);
		fails++;
	}
	if (l->is_signed != l->exp_signed) {
		print_error("MISMATCH signedness of struct %s.%s: header %s, reference %s\n",
			    l->type, l->field, l->is_signed ? "signed" : "unsigned",
			    l->exp_signed ? "signed" : "unsigned");
		fails++;
	}
	return fails;
}

/* Check every table entry of the named structures; each name must match. */
static void check_layouts_of(const char *group, const char *const types[],
			     size_t ntypes)
{
	unsigned int fails = 0, checked = 0;

	for (size_t t = 0; t < ntypes; t++) {
		unsigned int entries = 0;

		for (size_t i = 0; i < ARRAY_LEN(layouts); i++) {
			if (strcmp(layouts[i].type, types[t]))
				continue;
			fails += check_layout_entry(&layouts[i]);
			checked += layouts[i].field ? 3 : 1;
			entries++;
		}
		if (!entries)
			fail_msg("no layout entries for struct %s", types[t]);
	}
	report(group, checked, fails);
}

#define CHECK_LAYOUTS(group, ...)					\
	do {								\
		static const char *const types[] = { __VA_ARGS__ };	\
		check_layouts_of(group, types, ARRAY_LEN(types));	\
	} while (0)

static void test_layout_rmi_realm_params(void **state)
{
	(void)state;
	CHECK_LAYOUTS("layout RmiRealmParams", "rmi_realm_params");
}

static void test_layout_rmi_rec_params(void **state)
{
	(void)state;
	CHECK_LAYOUTS("layout RmiRecParams", "rmi_rec_params");
}

static void test_layout_rmi_rec_run(void **state)
{
	(void)state;
	CHECK_LAYOUTS("layout RmiRecRun/Enter/Exit",
		      "rmi_rec_run", "rmi_rec_enter", "rmi_rec_exit");
}

static void test_layout_rmi_device_assignment(void **state)
{
	(void)state;
	CHECK_LAYOUTS("layout RmiPdevParams", "rmi_pdev_params");
	CHECK_LAYOUTS("layout RmiDevCommData", "rmi_dev_comm_data");
	CHECK_LAYOUTS("layout RmiPublicKeyParams", "rmi_public_key_params");
	CHECK_LAYOUTS("layout RmiVdevParams", "rmi_vdev_params");
}

static void test_layout_rsi_structures(void **state)
{
	(void)state;
	CHECK_LAYOUTS("layout RsiRealmConfig", "rsi_realm_config");
	CHECK_LAYOUTS("layout RsiHostCall", "rsi_host_call");
	CHECK_LAYOUTS("layout RsiPlaneRun", "rsi_plane_run");
}

static const char *const manifest_types[] = {
	"rmm_boot_manifest", "rmm_memory_info", "rmm_console_list",
	"rmm_smmu_list", "rmm_root_complex_list", "rmm_memory_bank",
	"rmm_console_info", "rmm_smmu_info",
};

static void test_layout_rmm_boot_manifest(void **state)
{
	(void)state;
	check_layouts_of("layout boot manifest and elements", manifest_types,
			 ARRAY_LEN(manifest_types));
}

/* Every entry above belongs to a structure one of the layout tests walks. */
static void test_layout_table_fully_covered(void **state)
{
	static const char *const walked[] = {
		"rmi_realm_params", "rmi_rec_params", "rmi_rec_run",
		"rmi_rec_enter", "rmi_rec_exit", "rmi_pdev_params",
		"rmi_dev_comm_data", "rmi_public_key_params", "rmi_vdev_params",
		"rsi_realm_config", "rsi_host_call", "rsi_plane_run",
	};
	unsigned int orphans = 0;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(layouts); i++) {
		bool found = false;

		for (size_t w = 0; w < ARRAY_LEN(walked) && !found; w++)
			found = !strcmp(layouts[i].type, walked[w]);
		for (size_t w = 0; w < ARRAY_LEN(manifest_types) && !found; w++)
			found = !strcmp(layouts[i].type, manifest_types[w]);
		if (!found) {
			print_error("UNCHECKED layout entry struct %s.%s\n",
				    layouts[i].type,
				    layouts[i].field ? layouts[i].field : "(sizeof)");
			orphans++;
		}
	}
	report("layout table coverage", ARRAY_LEN(layouts), orphans);
}

int main(void)
{
	const struct CMUnitTest layout_tests[] = {
		cmocka_unit_test(test_layout_rmi_realm_params),
		cmocka_unit_test(test_layout_rmi_rec_params),
		cmocka_unit_test(test_layout_rmi_rec_run),
		cmocka_unit_test(test_layout_rmi_device_assignment),
		cmocka_unit_test(test_layout_rsi_structures),
		cmocka_unit_test(test_layout_rmm_boot_manifest),
		cmocka_unit_test(test_layout_table_fully_covered),
	};
	int failed = 0;

	failed += cmocka_run_group_tests_name("abi_struct_layouts", layout_tests, NULL, NULL);
	return failed ? 1 : 0;
}
