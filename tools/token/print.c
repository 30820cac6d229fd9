// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reports of a token that passed cca_token_verify().  Strings from the
 * token are untrusted: in text they are printed with non-printable bytes
 * replaced by '?', in JSON every byte outside printable ASCII is \u-escaped.
 */
#include "cose_sign1.h"
#include "hex.h"
#include "print.h"
#include "token_claims.h"

static void text_safe(FILE *f, const struct text *s)
{
	size_t i;

	for (i = 0; i < s->len; i++) {
		unsigned char c = (unsigned char)s->p[i];

		fputc(c >= 0x20 && c < 0x7f ? c : '?', f);
	}
}

static void json_str(FILE *f, const struct text *s)
{
	size_t i;

	fputc('"', f);
	for (i = 0; i < s->len; i++) {
		unsigned char c = (unsigned char)s->p[i];

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void json_hex(FILE *f, const struct bytes *b)
{
	fputc('"', f);
	hex_print(f, b->p, b->len);
	fputc('"', f);
}

static void text_line(FILE *f, const char *label, const struct bytes *b)
{
	fprintf(f, "  %-28s ", label);
	hex_print(f, b->p, b->len);
	fputc('\n', f);
}

static void text_str(FILE *f, const char *label, const struct text *s)
{
	fprintf(f, "  %-28s ", label);
	text_safe(f, s);
	fputc('\n', f);
}

void print_text(FILE *f, const struct cca_token *t)
{
	const struct realm_info *r = &t->realm;
	const struct plat_info *p = &t->plat;
	char label[32];
	size_t i;

	fprintf(f, "CCA token (tag %llu): all checks passed\n", (unsigned long long)t->tag);
	if (t->plat_sig_checked)
		fprintf(f, "  platform signature           OK (%s, CPAK)\n",
			cose_alg_name(t->plat_cose.alg));
	else
		fprintf(f, "  platform signature           NOT CHECKED (no --cpak)\n");
	fprintf(f, "  realm signature              OK (ES384, RAK from claim 44237, %s)\n",
		t->rak_legacy ? "raw point" : "COSE_Key");
	fprintf(f, "  binding                      OK (");
	text_safe(f, &r->rak_alg);
	fprintf(f, "(claim 44237) == platform challenge)\n");

	fprintf(f, "Realm token claims:\n");
	if (r->present & REALM_HAVE_PROFILE)
		text_str(f, "profile", &r->profile);
	text_line(f, "challenge", &r->challenge);
	text_line(f, "personalization value", &r->rpv);
	text_str(f, "measurement hash algorithm", &r->meas_alg);
	text_str(f, "public key hash algorithm", &r->rak_alg);
	text_line(f, "public key", &r->rak);
	text_line(f, "RIM", &r->rim);
	for (i = 0; i < r->num_rems; i++) {
		snprintf(label, sizeof(label), "REM%zu", i);
		text_line(f, label, &r->rem[i]);
	}

	fprintf(f, "Platform token claims:\n");
	text_str(f, "profile", &p->profile);
	text_line(f, "challenge", &p->challenge);
	text_line(f, "implementation id", &p->impl_id);
	text_line(f, "instance id", &p->instance_id);
	text_line(f, "platform config", &p->config);
	fprintf(f, "  %-28s 0x%04llx\n", "lifecycle", (unsigned long long)p->lifecycle);
	text_str(f, "hash algorithm", &p->hash_alg);
	if (p->present & PLAT_HAVE_VSI)
		text_str(f, "verification service", &p->vsi);
	fprintf(f, "  sw components (%zu):\n", p->num_sw);
	for (i = 0; i < p->num_sw; i++) {
		const struct sw_comp_info *sw = &p->sw[i];

		fprintf(f, "    [%zu] ", i);
		if (sw->present & SW_HAVE_TYPE)
			text_safe(f, &sw->type);
		else
			fputc('-', f);
		fputc(' ', f);
		if (sw->present & SW_HAVE_HASH_ALG)
			text_safe(f, &sw->hash_alg);
		fputc(':', f);
		hex_print(f, sw->measurement.p, sw->measurement.len);
		fprintf(f, " signer ");
		hex_print(f, sw->signer_id.p, sw->signer_id.len);
		if (sw->present & SW_HAVE_VERSION) {
			fprintf(f, " version ");
			text_safe(f, &sw->version);
		}
		fputc('\n', f);
	}
}

void print_json(FILE *f, const struct cca_token *t)
{
	const struct realm_info *r = &t->realm;
	const struct plat_info *p = &t->plat;
	size_t i;

	fprintf(f, "{\n  \"tag\": %llu,\n", (unsigned long long)t->tag);
	fprintf(f, "  \"checks\": {\"platform_signature\": \"%s\", \"realm_signature\": \"ok\", "
		"\"binding\": \"ok\", \"claims\": \"ok\"},\n",
		t->plat_sig_checked ? "ok" : "not-checked");
	fprintf(f, "  \"platform_alg\": \"%s\",\n  \"realm\": {\n", cose_alg_name(t->plat_cose.alg));
	if (r->present & REALM_HAVE_PROFILE) {
		fprintf(f, "    \"profile\": ");
		json_str(f, &r->profile);
		fprintf(f, ",\n");
	}
	fprintf(f, "    \"challenge\": ");
	json_hex(f, &r->challenge);
	fprintf(f, ",\n    \"personalization_value\": ");
	json_hex(f, &r->rpv);
	fprintf(f, ",\n    \"measurement_hash_algorithm\": ");
	json_str(f, &r->meas_alg);
	fprintf(f, ",\n    \"public_key_hash_algorithm\": ");
	json_str(f, &r->rak_alg);
	fprintf(f, ",\n    \"public_key\": ");
	json_hex(f, &r->rak);
	fprintf(f, ",\n    \"rim\": ");
	json_hex(f, &r->rim);
	fprintf(f, ",\n    \"rems\": [");
	for (i = 0; i < r->num_rems; i++) {
		fprintf(f, "%s", i ? ", " : "");
		json_hex(f, &r->rem[i]);
	}
	fprintf(f, "]\n  },\n  \"platform\": {\n    \"profile\": ");
	json_str(f, &p->profile);
	fprintf(f, ",\n    \"challenge\": ");
	json_hex(f, &p->challenge);
	fprintf(f, ",\n    \"implementation_id\": ");
	json_hex(f, &p->impl_id);
	fprintf(f, ",\n    \"instance_id\": ");
	json_hex(f, &p->instance_id);
	fprintf(f, ",\n    \"config\": ");
	json_hex(f, &p->config);
	fprintf(f, ",\n    \"lifecycle\": %llu,\n    \"hash_algorithm\": ",
		(unsigned long long)p->lifecycle);
	json_str(f, &p->hash_alg);
	if (p->present & PLAT_HAVE_VSI) {
		fprintf(f, ",\n    \"verification_service\": ");
		json_str(f, &p->vsi);
	}
	fprintf(f, ",\n    \"sw_components\": [");
	for (i = 0; i < p->num_sw; i++) {
		const struct sw_comp_info *sw = &p->sw[i];

		fprintf(f, "%s\n      {", i ? "," : "");
		if (sw->present & SW_HAVE_TYPE) {
			fprintf(f, "\"type\": ");
			json_str(f, &sw->type);
			fprintf(f, ", ");
		}
		fprintf(f, "\"measurement\": ");
		json_hex(f, &sw->measurement);
		fprintf(f, ", \"signer_id\": ");
		json_hex(f, &sw->signer_id);
		if (sw->present & SW_HAVE_VERSION) {
			fprintf(f, ", \"version\": ");
			json_str(f, &sw->version);
		}
		if (sw->present & SW_HAVE_HASH_ALG) {
			fprintf(f, ", \"hash_algorithm\": ");
			json_str(f, &sw->hash_alg);
		}
		fputc('}', f);
	}
	fprintf(f, "\n    ]\n  }\n}\n");
}
