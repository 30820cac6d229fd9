// SPDX-License-Identifier: GPL-2.0-only
/*
 * JSON in and out: the --config file (same keys and the same setters as the
 * command line, see options.c) and the --dry-run dump.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "vmm/boot.h"
#include "vmm/config.h"
#include "vmm/config-json.h"
#include "vmm/util.h"

static int config__read_file(const char *path, char **text, size_t *len,
			     struct vmm_err *err)
{
	struct stat st;
	size_t done = 0;
	char *buf;
	int fd, ret = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return vmm_err__set(err, errno, "--config %s: %s", path, strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		ret = vmm_err__set(err, EINVAL, "--config %s: not a regular file", path);
		goto out;
	}
	if (st.st_size > VMM_CONFIG_FILE_MAX) {
		ret = vmm_err__set(err, EFBIG, "--config %s: larger than %d bytes", path,
				   VMM_CONFIG_FILE_MAX);
		goto out;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		ret = vmm_err__set(err, ENOMEM, "--config %s: out of memory", path);
		goto out;
	}
	while (done < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + done, (size_t)st.st_size - done);

		if (n <= 0) {
			ret = vmm_err__set(err, n ? errno : EIO, "--config %s: %s", path,
					   n ? strerror(errno) : "file shrank while read");
			free(buf);
			goto out;
		}
		done += (size_t)n;
	}
	buf[done] = '\0';
	*text = buf;
	*len = done;
out:
	close(fd);
	return ret;
}

static struct json_object *config__parse_text(const char *path, const char *text,
					      size_t len, struct vmm_err *err)
{
	struct json_tokener *tok = json_tokener_new();
	enum json_tokener_error jerr;
	struct json_object *obj;
	size_t end;

	if (!tok) {
		vmm_err__set(err, ENOMEM, "--config %s: out of memory", path);
		return NULL;
	}
	obj = json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	if (!obj && jerr == json_tokener_continue)
		vmm_err__set(err, EINVAL, "--config %s: not JSON: unexpected end of file", path);
	else if (!obj)
		vmm_err__set(err, EINVAL, "--config %s: not JSON: %s at byte %zu", path,
			     json_tokener_error_desc(jerr), end);
	else if (strspn(text + end, " \t\r\n") != len - end)
		vmm_err__set(err, EINVAL, "--config %s: not JSON: trailing data at byte %zu",
			     path, end);
	else if (!json_object_is_type(obj, json_type_object))
		vmm_err__set(err, EINVAL, "--config %s: not a JSON object", path);
	else
		goto done;
	json_object_put(obj);
	obj = NULL;
done:
	json_tokener_free(tok);
	return obj;
}

/* One key: turn the JSON value into the option's argument string. */
static int config__apply_key(struct vmm_config *cfg, const char *path, const char *key,
			     struct json_object *val, struct vmm_err *err)
{
	const struct vmm_option *opt = vmm_option__find(key);
	char num[32];
	const char *arg;
	int ret;

	if (!opt || !opt->in_file)
		return vmm_err__set(err, EINVAL, "--config %s: unknown key \"%s\"", path, key);
	if (cfg->cli_set & (1ULL << (opt - vmm_options)))
		return 0;

	switch (json_object_get_type(val)) {
	case json_type_string:
		arg = json_object_get_string(val);
		break;
	case json_type_int:
		snprintf(num, sizeof(num), "%" PRId64, json_object_get_int64(val));
		arg = num;
		break;
	case json_type_boolean:
		/* Only "--mec" alone has a boolean spelling: true, or false = absent. */
		if (opt->arg != VMM_OPT_OPTARG)
			goto bad_type;
		if (!json_object_get_boolean(val))
			return 0;
		arg = NULL;
		break;
	default:
		goto bad_type;
	}
	ret = opt->set(cfg, arg, err);
	if (ret && err) {
		struct vmm_err why = *err;

		vmm_err__set(err, -ret, "--config %s: \"%s\": %s: %s", path, key,
			     json_object_to_json_string_ext(val, JSON_C_TO_STRING_PLAIN), why.msg);
	}
	return ret;

bad_type:
	return vmm_err__set(err, EINVAL, "--config %s: \"%s\": expects %s", path, key,
			    opt->arg == VMM_OPT_OPTARG ? "true, false or a number" :
			    "a string or a number");
}

int vmm_config__load_json(struct vmm_config *cfg, const char *path,
			  struct vmm_err *err)
{
	struct json_object *obj;
	size_t len = 0;
	char *text = NULL;
	int ret;

	ret = config__read_file(path, &text, &len, err);
	if (ret)
		return ret;
	obj = config__parse_text(path, text, len, err);
	free(text);
	if (!obj)
		return -EINVAL;
	{
		json_object_object_foreach(obj, key, val) {
			ret = config__apply_key(cfg, path, key, val, err);
			if (ret)
				break;
		}
	}
	json_object_put(obj);
	return ret;
}

static struct json_object *json_hex(uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "0x%" PRIx64, v);
	return json_object_new_string(buf);
}

/* RAM is a multiple of 2 MiB, so this is exact. */
static struct json_object *json_mem(uint64_t bytes)
{
	char buf[24];

	if (IS_ALIGNED(bytes, SZ_1G))
		snprintf(buf, sizeof(buf), "%" PRIu64 "G", bytes >> 30);
	else
		snprintf(buf, sizeof(buf), "%" PRIu64 "M", bytes >> 20);
	return json_object_new_string(buf);
}

static void json_add_string(struct json_object *o, const char *key, const char *s)
{
	if (s)
		json_object_object_add(o, key, json_object_new_string(s));
}

struct json_object *vmm_config__to_json(const struct vmm_config *cfg)
{
	struct json_object *o = json_object_new_object();
	char rpv[2 * KVM_REALM_RPV_SIZE + 1];
	unsigned int i;

	if (!o)
		return NULL;
	json_add_string(o, "kernel", cfg->kernel_path);
	json_add_string(o, "initrd", cfg->initrd_path);
	json_add_string(o, "cmdline", cfg->cmdline);
	json_object_object_add(o, "mem", json_mem(cfg->ram_size));
	json_object_object_add(o, "cpus", json_object_new_int((int)cfg->nr_cpus));
	if (cfg->mec_policy == KVM_REALM_MEC_PRIVATE)
		json_object_object_add(o, "mec", json_object_new_int((int)cfg->mecid));
	else
		json_object_object_add(o, "mec", json_object_new_boolean(
			cfg->mec_policy == KVM_REALM_MEC_PRIVATE_AUTO));
	json_object_object_add(o, "measurement-algo", json_object_new_string(
		cfg->hash_algo == KVM_REALM_MEASURE_SHA512 ? "sha512" : "sha256"));
	for (i = 0; i < KVM_REALM_RPV_SIZE; i++)
		snprintf(rpv + 2 * i, 3, "%02x", cfg->rpv[i]);
	json_object_object_add(o, "rpv", json_object_new_string(rpv));
	json_object_object_add(o, "ipa-bits", json_object_new_int((int)cfg->ipa_bits));
	if (cfg->sve_vq)
		json_object_object_add(o, "sve", json_object_new_int((int)cfg->sve_vq));
	json_add_string(o, "disk", cfg->disk_path);
	json_add_string(o, "report", cfg->report_path);
	return o;
}

static struct json_object *json_region(uint64_t base, uint64_t size)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "base", json_hex(base));
	json_object_object_add(o, "size", json_hex(size));
	return o;
}

struct json_object *vmm_boot__to_json(const struct vmm_boot *boot)
{
	const struct vmm_layout *l = &boot->layout;
	struct json_object *o = json_object_new_object();
	struct json_object *k;

	if (!o)
		return NULL;
	json_object_object_add(o, "unprotected-bit", json_hex(l->unprotected_bit));
	json_object_object_add(o, "ram", json_region(l->ram_base, l->ram_size));
	k = json_region(l->kernel_base, l->kernel_size);
	json_object_object_add(k, "entry", json_hex(l->kernel_entry));
	json_object_object_add(k, "file-size", json_hex(l->kernel_file_size));
	json_object_object_add(o, "kernel", k);
	if (l->initrd_size)
		json_object_object_add(o, "initrd", json_region(l->initrd_base, l->initrd_size));
	json_object_object_add(o, "dtb", json_region(l->dtb_base, l->dtb_max_size));
	json_object_object_add(o, "uart", json_region(l->uart_base, l->uart_size));
	json_object_object_add(o, "virtio-mmio", json_region(VMM_VIRTIO_MMIO_BASE,
							     VMM_VIRTIO_MMIO_SIZE));
	json_object_object_add(o, "gicd", json_region(l->gicd_base, l->gicd_size));
	json_object_object_add(o, "gicr", json_region(l->gicr_base, l->gicr_size));
	return o;
}

int vmm_config__dump(FILE *f, const struct vmm_config *cfg, const struct vmm_boot *boot)
{
	struct json_object *o = json_object_new_object();
	int ret = 0;

	if (!o)
		return -ENOMEM;
	json_object_object_add(o, "command", json_object_new_string(vmm_cmd__name(cfg->cmd)));
	json_object_object_add(o, "config", vmm_config__to_json(cfg));
	json_object_object_add(o, "bootargs", json_object_new_string(boot->bootargs));
	json_object_object_add(o, "layout", vmm_boot__to_json(boot));
	if (fprintf(f, "%s\n", json_object_to_json_string_ext(o,
			JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
			JSON_C_TO_STRING_NOSLASHESCAPE)) < 0)
		ret = -EIO;
	json_object_put(o);
	return ret;
}
