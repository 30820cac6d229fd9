// SPDX-License-Identifier: GPL-2.0-only
/* --report: a JSON record of a realm's run, written with json-c. */
#include <errno.h>
#include <stdio.h>

#include <json-c/json.h>

#include "vmm/config.h"
#include "vmm/plan.h"
#include "vmm/report.h"
#include "vmm/rim.h"
#include "vmm/vcpu.h"

static json_object *hex(const uint8_t *p, unsigned int len)
{
	char buf[2 * RIM_MAX_SIZE + 1];
	unsigned int i;

	for (i = 0; i < len && i < RIM_MAX_SIZE; i++)
		snprintf(buf + 2 * i, 3, "%02x", p[i]);
	buf[2 * i] = 0;
	return json_object_new_string(buf);
}

/* How often RUN came back to userspace, per reason, summed over the vCPUs. */
static json_object *exit_counts(const struct vm *vm)
{
	static const char * const names[VCPU_EXIT_REASONS] = {
		[KVM_REALM_EXIT_NONE] = "none", [KVM_REALM_EXIT_MMIO] = "mmio",
		[KVM_REALM_EXIT_PSCI] = "psci", [KVM_REALM_EXIT_HOST_CALL] = "host-call",
		[KVM_REALM_EXIT_RIPAS_CHANGE] = "ripas-change",
		[KVM_REALM_EXIT_SYSTEM_OFF] = "system-off", [KVM_REALM_EXIT_WFI] = "wfi",
		[KVM_REALM_EXIT_INTR] = "intr", [KVM_REALM_EXIT_SERROR] = "serror",
		[KVM_REALM_EXIT_TIMER] = "timer", [KVM_REALM_EXIT_SYSREG] = "sysreg",
	};
	json_object *o = json_object_new_object();

	for (unsigned int r = 0; r < VCPU_EXIT_REASONS; r++) {
		uint64_t n = 0;

		for (unsigned int i = 0; i < vm->nr_cpus; i++)
			n += vm->cpus[i].exits[r];
		json_object_object_add(o, names[r], json_object_new_uint64(n));
	}
	return o;
}

int run_report__write(const char *path, const struct vmm_config *cfg,
		      const struct realm_plan *plan, const struct vm *vm,
		      const struct run_report *r)
{
	static const char * const mec_names[] = { "shared", "private", "private-auto" };
	json_object *root = json_object_new_object();
	json_object *conf = json_object_new_object();
	json_object *realm = json_object_new_object();
	uint8_t rim[RIM_MAX_SIZE];
	unsigned int len = rim__predict(plan, rim);
	int ret = 0;

	json_object_object_add(conf, "kernel", json_object_new_string(cfg->kernel_path));
	if (cfg->initrd_path)
		json_object_object_add(conf, "initrd", json_object_new_string(cfg->initrd_path));
	if (cfg->disk_path)
		json_object_object_add(conf, "disk", json_object_new_string(cfg->disk_path));
	json_object_object_add(conf, "mem", json_object_new_uint64(cfg->ram_size));
	json_object_object_add(conf, "cpus", json_object_new_int((int)cfg->nr_cpus));
	json_object_object_add(conf, "ipa-bits", json_object_new_int((int)cfg->ipa_bits));
	json_object_object_add(conf, "measurement-algo", json_object_new_string(
		plan->params.hash_algo == RMI_HASH_SHA_512 ? "sha512" : "sha256"));
	json_object_object_add(conf, "rpv", hex(plan->params.rpv, sizeof(plan->params.rpv)));
	json_object_object_add(root, "config", conf);

	json_object_object_add(realm, "rim-predicted", hex(rim, len));
	json_object_object_add(realm, "mec-policy",
			       json_object_new_string(mec_names[vm->realm.config.mec_policy % 3]));
	json_object_object_add(realm, "mecid", json_object_new_int((int)vm->realm.config.mecid));
	json_object_object_add(realm, "rmi-version", json_object_new_int64((int64_t)vm->realm.caps.rmi_version));
	json_object_object_add(root, "realm", realm);

	json_object_object_add(root, "setup-ms", json_object_new_double(r->setup_ns / 1e6));
	json_object_object_add(root, "run-ms", json_object_new_double(r->run_ns / 1e6));
	json_object_object_add(root, "exits", exit_counts(vm));
	json_object_object_add(root, "end", json_object_new_string(r->end));
	if (r->error)
		json_object_object_add(root, "error", json_object_new_string(r->error));
	json_object_object_add(root, "exit-status", json_object_new_int(r->exit_status));

	if (json_object_to_file_ext(path, root, JSON_C_TO_STRING_PRETTY))
		ret = errno ? -errno : -EIO;
	json_object_put(root);
	return ret;
}
