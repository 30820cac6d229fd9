// SPDX-License-Identifier: GPL-2.0-only
/*
 * The option table of `run` and `measure`, and the argv parser.  Every
 * option has one setter; the --config file (config-json.c) goes through the
 * same setters, so a value means the same and fails with the same words
 * wherever it comes from.  Setters report only the reason ("not a size");
 * the caller adds where the value came from ("--mem 3X: ").
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vmm/config.h"
#include "vmm/layout.h"
#include "vmm/util.h"

static int set_string(char **field, const char *arg, struct vmm_err *err)
{
	char *s;

	if (!*arg)
		return vmm_err__set(err, EINVAL, "empty");
	s = strdup(arg);
	if (!s)
		return vmm_err__set(err, ENOMEM, "out of memory");
	free(*field);
	*field = s;
	return 0;
}

static int set_kernel(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	return set_string(&cfg->kernel_path, arg, err);
}

static int set_initrd(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	return set_string(&cfg->initrd_path, arg, err);
}

static int set_disk(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	return set_string(&cfg->disk_path, arg, err);
}

static int set_config(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	return set_string(&cfg->config_path, arg, err);
}

static int set_report(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	return set_string(&cfg->report_path, arg, err);
}

/* An empty command line is a real choice (only the VMM's console options). */
static int set_cmdline(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	char *s = strdup(arg);

	if (!s)
		return vmm_err__set(err, ENOMEM, "out of memory");
	free(cfg->cmdline);
	cfg->cmdline = s;
	return 0;
}

static int set_mem(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	uint64_t bytes;
	int ret = vmm_size__parse(arg, &bytes);

	if (ret == -ERANGE)
		return vmm_err__set(err, ERANGE, "too large");
	if (ret)
		return vmm_err__set(err, EINVAL, "not a size (use a number with K, M or G)");
	if (!bytes || !IS_ALIGNED(bytes, VMM_RAM_ALIGN))
		return vmm_err__set(err, EINVAL, "not a multiple of 2 MiB");
	cfg->ram_size = bytes;
	return 0;
}

static int set_cpus(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	uint64_t v;

	if (vmm_uint__parse(arg, 1, VMM_MAX_CPUS, &v))
		return vmm_err__set(err, EINVAL, "not a CPU count in 1..%u", VMM_MAX_CPUS);
	cfg->nr_cpus = (unsigned int)v;
	return 0;
}

static int set_ipa_bits(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	uint64_t v;

	if (vmm_uint__parse(arg, VMM_IPA_BITS_MIN, VMM_IPA_BITS_MAX, &v))
		return vmm_err__set(err, EINVAL, "not an IPA width in %u..%u",
				    VMM_IPA_BITS_MIN, VMM_IPA_BITS_MAX);
	cfg->ipa_bits = (unsigned int)v;
	return 0;
}

/* --mec alone: a private MECID the module picks; --mec ID: that one. */
static int set_mec(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	uint64_t v;

	if (!arg) {
		cfg->mec_policy = KVM_REALM_MEC_PRIVATE_AUTO;
		cfg->mecid = 0;
		return 0;
	}
	if (vmm_uint__parse(arg, 0, 65535, &v))
		return vmm_err__set(err, EINVAL, "not a MECID in 0..65535");
	cfg->mec_policy = KVM_REALM_MEC_PRIVATE;
	cfg->mecid = (unsigned int)v;
	return 0;
}

static int set_algo(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	if (!strcmp(arg, "sha256"))
		cfg->hash_algo = KVM_REALM_MEASURE_SHA256;
	else if (!strcmp(arg, "sha512"))
		cfg->hash_algo = KVM_REALM_MEASURE_SHA512;
	else
		return vmm_err__set(err, EINVAL, "not a measurement algorithm (use sha256 or sha512)");
	return 0;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Bytes in the order written, zero-padded at the end to 64 (as kvmtool-cca). */
static int set_rpv(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	uint8_t rpv[KVM_REALM_RPV_SIZE] = { 0 };
	size_t i, len;

	if (arg[0] == '0' && (arg[1] == 'x' || arg[1] == 'X'))
		arg += 2;
	len = strlen(arg);
	for (i = 0; i < len; i++)
		if (hex_digit(arg[i]) < 0)
			return vmm_err__set(err, EINVAL, "not hex (use up to %u hex digits)",
					    2 * KVM_REALM_RPV_SIZE);
	if (!len || len % 2)
		return vmm_err__set(err, EINVAL, "needs an even, non-zero number of hex digits");
	if (len > 2 * KVM_REALM_RPV_SIZE)
		return vmm_err__set(err, EINVAL, "longer than %u bytes", KVM_REALM_RPV_SIZE);
	for (i = 0; i < len / 2; i++)
		rpv[i] = (uint8_t)(hex_digit(arg[2 * i]) << 4 | hex_digit(arg[2 * i + 1]));
	memcpy(cfg->rpv, rpv, sizeof(rpv));
	return 0;
}

static int set_dry_run(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	(void)arg;
	(void)err;
	cfg->dry_run = true;
	return 0;
}

static int set_help(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	(void)arg;
	(void)err;
	cfg->help = true;
	return 0;
}

/* --sve VQ: SVE for the realm with a VL of VQ x 128 bits (RmiRealmParams.sve_vl). */
static int set_sve(struct vmm_config *cfg, const char *arg, struct vmm_err *err)
{
	uint64_t v;

	if (vmm_uint__parse(arg, 1, VMM_SVE_VQ_MAX, &v))
		return vmm_err__set(err, EINVAL, "not an SVE vector length in quadwords, 1..%u",
				    VMM_SVE_VQ_MAX);
	cfg->sve_vq = (unsigned int)v;
	return 0;
}

const struct vmm_option vmm_options[] = {
	{ "kernel", 'k', VMM_OPT_ARG, "FILE", "arm64 Linux Image to boot (required)", true, set_kernel },
	{ "initrd", 'i', VMM_OPT_ARG, "FILE", "initial ramdisk", true, set_initrd },
	{ "cmdline", 'p', VMM_OPT_ARG, "STRING", "kernel command line, after the VMM's console options", true, set_cmdline },
	{ "mem", 'm', VMM_OPT_ARG, "SIZE", "guest RAM with a K, M or G suffix, a multiple of 2M (default 256M)", true, set_mem },
	{ "cpus", 'c', VMM_OPT_ARG, "N", "number of vCPUs (RECs), 1..64 (default 1)", true, set_cpus },
	{ "mec", 0, VMM_OPT_OPTARG, "MECID", "private MEC: the given MECID 0..65535, or one the module picks", true, set_mec },
	{ "measurement-algo", 0, VMM_OPT_ARG, "ALGO", "RIM hash: sha256 (default) or sha512", true, set_algo },
	{ "rpv", 0, VMM_OPT_ARG, "HEX", "Realm Personalization Value, up to 64 bytes of hex, zero-padded", true, set_rpv },
	{ "ipa-bits", 0, VMM_OPT_ARG, "N", "IPA width of the realm, 32..48 (default 40)", true, set_ipa_bits },
	{ "sve", 0, VMM_OPT_ARG, "VQ", "SVE with a vector length of VQ x 128 bits, 1..16 (default: none)", true, set_sve },
	{ "disk", 'd', VMM_OPT_ARG, "FILE", "disk image for a virtio-blk device", true, set_disk },
	{ "config", 0, VMM_OPT_ARG, "FILE.json", "read these options from a JSON object; the command line wins", false, set_config },
	{ "report", 0, VMM_OPT_ARG, "FILE.json", "write the realm's measurement report here", true, set_report },
	{ "dry-run", 0, VMM_OPT_NOARG, NULL, "check everything, print the configuration as JSON, exit", false, set_dry_run },
	{ "help", 'h', VMM_OPT_NOARG, NULL, "this text", false, set_help },
};
const unsigned int vmm_option_count = ARRAY_SIZE(vmm_options);
_Static_assert(ARRAY_SIZE(vmm_options) <= 64, "cli_set has 64 bits");

const char *vmm_cmd__name(enum vmm_cmd cmd)
{
	return cmd == VMM_CMD_MEASURE ? "measure" : "run";
}

void vmm_config__init(struct vmm_config *cfg, enum vmm_cmd cmd)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->cmd = cmd;
	cfg->ram_size = VMM_RAM_SIZE_DEFAULT;
	cfg->nr_cpus = 1;
	cfg->ipa_bits = VMM_IPA_BITS_DEFAULT;
	cfg->hash_algo = KVM_REALM_MEASURE_SHA256;
	cfg->mec_policy = KVM_REALM_MEC_SHARED;
}

void vmm_config__exit(struct vmm_config *cfg)
{
	free(cfg->kernel_path);
	free(cfg->initrd_path);
	free(cfg->cmdline);
	free(cfg->disk_path);
	free(cfg->config_path);
	free(cfg->report_path);
	memset(cfg, 0, sizeof(*cfg));
}

const struct vmm_option *vmm_option__find(const char *name)
{
	unsigned int i;

	for (i = 0; i < vmm_option_count; i++)
		if (!strcmp(vmm_options[i].name, name))
			return &vmm_options[i];
	return NULL;
}

static const struct vmm_option *option__find_short(char c)
{
	unsigned int i;

	for (i = 0; i < vmm_option_count; i++)
		if (vmm_options[i].short_name && vmm_options[i].short_name == c)
			return &vmm_options[i];
	return NULL;
}

/* Apply one argv option; @spelled is how the user wrote its name. */
static int option__apply_arg(struct vmm_config *cfg, const struct vmm_option *opt,
			     const char *spelled, const char *arg, struct vmm_err *err)
{
	int ret = opt->set(cfg, arg, err);

	if (ret && err) {
		struct vmm_err why = *err;

		if (arg)
			vmm_err__set(err, -ret, "%s %s: %s", spelled, *arg ? arg : "''", why.msg);
		else
			vmm_err__set(err, -ret, "%s: %s", spelled, why.msg);
	}
	if (!ret)
		cfg->cli_set |= 1ULL << (opt - vmm_options);
	return ret;
}

int vmm_config__parse_args(struct vmm_config *cfg, int argc, char **argv,
			   struct vmm_err *err)
{
	const char *cmd = vmm_cmd__name(cfg->cmd);
	int i;

	for (i = 1; i < argc; i++) {
		const struct vmm_option *opt = NULL;
		const char *a = argv[i], *val = NULL;
		char spelled[64];
		int ret;

		if (a[0] != '-' || !a[1])
			return vmm_err__set(err, EINVAL, "unexpected argument '%s'; see '" VMM_NAME " %s --help'",
					    a, cmd);
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t n = eq ? (size_t)(eq - a) : strlen(a);

			if (n < sizeof(spelled)) {
				memcpy(spelled, a, n);
				spelled[n] = '\0';
				opt = vmm_option__find(spelled + 2);
			}
			if (eq)
				val = eq + 1;
		} else if (!a[2]) {
			/* -m 512M; messages still name the long option. */
			opt = option__find_short(a[1]);
			if (opt)
				snprintf(spelled, sizeof(spelled), "--%s", opt->name);
		}
		if (!opt)
			return vmm_err__set(err, EINVAL, "unknown option '%s'; see '" VMM_NAME " %s --help'",
					    a, cmd);

		switch (opt->arg) {
		case VMM_OPT_NOARG:
			if (val)
				return vmm_err__set(err, EINVAL, "%s takes no value", spelled);
			break;
		case VMM_OPT_ARG:
			if (!val) {
				if (i + 1 >= argc)
					return vmm_err__set(err, EINVAL, "%s needs a value (%s)",
							    spelled, opt->metavar);
				val = argv[++i];
			}
			break;
		case VMM_OPT_OPTARG:
			/* No positional arguments exist, so a non-option word is the value. */
			if (!val && i + 1 < argc && argv[i + 1][0] != '-')
				val = argv[++i];
			break;
		}
		ret = option__apply_arg(cfg, opt, spelled, val, err);
		if (ret)
			return ret;
		if (cfg->help)
			return 0;
	}
	return 0;
}

int vmm_config__parse(struct vmm_config *cfg, int argc, char **argv,
		      struct vmm_err *err)
{
	int ret = vmm_config__parse_args(cfg, argc, argv, err);

	if (ret || cfg->help || !cfg->config_path)
		return ret;
	return vmm_config__load_json(cfg, cfg->config_path, err);
}

void vmm_config__usage(FILE *f, enum vmm_cmd cmd)
{
	unsigned int i;

	fprintf(f, "usage: " VMM_NAME " %s --kernel FILE [options]\n\n", vmm_cmd__name(cmd));
	fprintf(f, cmd == VMM_CMD_MEASURE ?
		"Predict the Realm Initial Measurement of a realm, offline.\n\n" :
		"Boot a Linux kernel in a realm.\n\n");
	for (i = 0; i < vmm_option_count; i++) {
		const struct vmm_option *o = &vmm_options[i];
		char lhs[48], shrt[5] = "    ";

		if (o->short_name)
			snprintf(shrt, sizeof(shrt), "-%c, ", o->short_name);
		if (o->arg == VMM_OPT_ARG)
			snprintf(lhs, sizeof(lhs), "%s--%s %s", shrt, o->name, o->metavar);
		else if (o->arg == VMM_OPT_OPTARG)
			snprintf(lhs, sizeof(lhs), "%s--%s [%s]", shrt, o->name, o->metavar);
		else
			snprintf(lhs, sizeof(lhs), "%s--%s", shrt, o->name);
		fprintf(f, "  %-32s %s\n", lhs, o->help);
	}
	fprintf(f, "\nSIZE: 512M, 2G, ...  A --config file is a JSON object whose keys are the\n"
		"long option names (not config, dry-run or help); command-line options\n"
		"override it.  Exit status: 0 ok, 1 an error (one line on stderr says which).\n");
}
