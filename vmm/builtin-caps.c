// SPDX-License-Identifier: GPL-2.0-only
/*
 * realm-vmm caps: what kvm-realm.ko and the RMM behind it support
 * (KVM_REALM_GET_CAPS), as text or, with --json, as one JSON object.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <json-c/json.h>
#include <linux/kvm-realm.h>

#include "vmm/builtin.h"
#include "vmm/util.h"

static json_object *caps__json(const struct kvm_realm_caps *c)
{
	json_object *o = json_object_new_object();
	json_object *hash = json_object_new_array();
	char ver[96];

	snprintf(ver, sizeof(ver), "%llu.%llu", (unsigned long long)(c->rmi_version >> 16),
		 (unsigned long long)(c->rmi_version & 0xffff));
	json_object_object_add(o, "rmi-version", json_object_new_string(ver));
	snprintf(ver, sizeof(ver), "%llu.%llu..%llu.%llu",
		 (unsigned long long)(c->rmi_lower >> 16), (unsigned long long)(c->rmi_lower & 0xffff),
		 (unsigned long long)(c->rmi_higher >> 16), (unsigned long long)(c->rmi_higher & 0xffff));
	json_object_object_add(o, "rmm-implements", json_object_new_string(ver));
	json_object_object_add(o, "ipa-bits-max", json_object_new_int((int)c->ipa_bits_max));
	if (c->hash_algos & KVM_REALM_HASH_SHA256)
		json_object_array_add(hash, json_object_new_string("sha256"));
	if (c->hash_algos & KVM_REALM_HASH_SHA512)
		json_object_array_add(hash, json_object_new_string("sha512"));
	json_object_object_add(o, "measurement-algos", hash);
	json_object_object_add(o, "sve-vq-max", json_object_new_int((int)c->sve_vq_max));
	json_object_object_add(o, "pmu-counters", json_object_new_int((int)c->pmu_num_ctrs));
	json_object_object_add(o, "breakpoints", json_object_new_int((int)c->num_bps));
	json_object_object_add(o, "watchpoints", json_object_new_int((int)c->num_wps));
	json_object_object_add(o, "gic-list-registers", json_object_new_int((int)c->gic_num_lrs));
	json_object_object_add(o, "max-recs", json_object_new_int64(c->max_recs));
	json_object_object_add(o, "lpa2", json_object_new_boolean(c->flags & KVM_REALM_CAP_LPA2));
	json_object_object_add(o, "mec", json_object_new_boolean(c->flags & KVM_REALM_CAP_MEC));
	json_object_object_add(o, "mecid-max", json_object_new_int64(c->mecid_max));
	json_object_object_add(o, "planes", json_object_new_boolean(c->flags & KVM_REALM_CAP_PLANES));
	json_object_object_add(o, "aux-planes-max", json_object_new_int((int)c->num_aux_planes_max));
	json_object_object_add(o, "device-assignment", json_object_new_boolean(c->flags & KVM_REALM_CAP_DA));
	snprintf(ver, sizeof(ver), "0x%016llx", (unsigned long long)c->feat_reg0);
	json_object_object_add(o, "feature-register-0", json_object_new_string(ver));
	return o;
}

static void caps__text(json_object *o)
{
	json_object_object_foreach(o, key, val)
		printf("%-22s %s\n", key, json_object_get_type(val) == json_type_string ?
		       json_object_get_string(val) : json_object_to_json_string(val));
}

int cmd_caps(int argc, char **argv)
{
	struct kvm_realm_caps caps;
	bool as_json = false;
	json_object *o;
	int fd, i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			as_json = true;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			printf("usage: realm-vmm caps [--json]\n");
			return VMM_EXIT_OK;
		} else {
			pr_err("caps: unknown option '%s'; see 'realm-vmm caps --help'", argv[i]);
			return VMM_EXIT_BAD_INPUT;
		}
	}
	fd = open("/dev/kvm-realm", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		pr_err("/dev/kvm-realm: %s (is kvm-realm.ko loaded, and does the platform have an RMM?)",
		       strerror(errno));
		return VMM_EXIT_BAD_INPUT;
	}
	if (ioctl(fd, KVM_REALM_GET_CAPS, &caps) < 0) {
		pr_err("KVM_REALM_GET_CAPS: %s", strerror(errno));
		close(fd);
		return VMM_EXIT_BAD_INPUT;
	}
	close(fd);
	o = caps__json(&caps);
	if (as_json)
		printf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED));
	else
		caps__text(o);
	json_object_put(o);
	return fflush(stdout) ? VMM_EXIT_BAD_INPUT : VMM_EXIT_OK;
}
