// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit tests for the shared firmware ABI headers (include/abi/),
 * group e: parses [CCA] (and [TP] §5.8) at run time and checks every FID
 * row against the headers, and scans the headers for FID macros the table
 * in abi-fid-table.c does not know, so a new FID cannot go unchecked.
 *
 * Reference legend and check helpers: abi-check.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <abi/types.h>
#include <abi/smccc.h>
#include <abi/psci.h>
#include <abi/rmi.h>
#include <abi/rsi.h>
#include <abi/rmm-el3.h>

#include "abi-check.h"
#include "abi-fid-table.h"

#ifndef REFERENCE_DIR
#define REFERENCE_DIR "../shared/reference"
#endif

static const struct fid_check *fid_by_name(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(fids); i++)
		if (!strcmp(fids[i].name, name))
			return &fids[i];
	return NULL;
}

struct ref_stats {
	unsigned int fid_rows;		/* table rows carrying an SMCCC FID */
	unsigned int names_matched;	/* (name, FID) pairs checked */
	unsigned int unused_rows;	/* "*(unused in 1.0)*" slots */
	unsigned int mismatches;
	unsigned int unknown;		/* names this file cannot map */
	unsigned int malformed;
	bool seen[ARRAY_LEN(fids)];	/* fids[] entries named by the file */
};

/*
 * Reference names that are not header macro names: PSCI calls as [CCA] §9
 * and [TP] §5.8 write them.  The SMC32 or SMC64 variant is chosen by the
 * FID's bit 30.
 */
static const struct {
	const char *ref_name;
	const char *smc32;
	const char *smc64;
} fid_aliases[] = {
	{ "PSCI_VERSION",	"PSCI_FID_VERSION",		NULL },
	{ "PSCI_FEATURES",	"PSCI_FID_FEATURES",		NULL },
	{ "CPU_SUSPEND",	"PSCI_FID_CPU_SUSPEND_32",	"PSCI_FID_CPU_SUSPEND_64" },
	{ "CPU_OFF",		"PSCI_FID_CPU_OFF",		NULL },
	{ "CPU_ON",		"PSCI_FID_CPU_ON_32",		"PSCI_FID_CPU_ON_64" },
	{ "AFFINITY_INFO",	"PSCI_FID_AFFINITY_INFO_32",	"PSCI_FID_AFFINITY_INFO_64" },
	{ "MIGRATE_INFO_TYPE",	"PSCI_FID_MIGRATE_INFO_TYPE",	NULL },
	{ "SYSTEM_OFF",		"PSCI_FID_SYSTEM_OFF",		NULL },
	{ "SYSTEM_RESET",	"PSCI_FID_SYSTEM_RESET",	NULL },
};

static const struct fid_check *resolve_ref_name(const char *ref, uint32_t fid)
{
	const struct fid_check *f = fid_by_name(ref);

	if (f)
		return f;
	for (size_t i = 0; i < ARRAY_LEN(fid_aliases); i++) {
		if (strcmp(fid_aliases[i].ref_name, ref))
			continue;
		if ((fid & REF_SMC64) && fid_aliases[i].smc64)
			return fid_by_name(fid_aliases[i].smc64);
		return fid_by_name(fid_aliases[i].smc32);
	}
	return NULL;
}

static bool is_known_ref_name(const char *ref)
{
	return resolve_ref_name(ref, 0) != NULL;
}

static void check_ref_pair(struct ref_stats *st, const char *where,
			   const char *ref, uint32_t fid)
{
	const struct fid_check *f = resolve_ref_name(ref, fid);

	if (!f) {
		print_error("UNKNOWN %s: reference name %s (0x%08x) has no header macro in this test\n",
			    where, ref, fid);
		st->unknown++;
		return;
	}
	st->names_matched++;
	st->seen[f - fids] = true;
	if (f->value != fid) {
		print_error("MISMATCH %s: %s (as %s) header 0x%08x, reference 0x%08x\n",
			    where, ref, f->name, f->value, fid);
		st->mismatches++;
	}
}

/* Cell i (0-based) of a markdown table row, trimmed; "\|" does not split. */
static bool md_cell(const char *line, unsigned int idx, char *out, size_t outlen)
{
	const char *p = line;
	size_t n = 0;

	while (*p == ' ')
		p++;
	if (*p++ != '|')
		return false;
	for (unsigned int cell = 0; *p && *p != '\n'; p++) {
		if (*p == '\\' && p[1] == '|') {
			p++;
		} else if (*p == '|') {
			if (cell++ == idx)
				break;
			continue;
		}
		if (cell == idx && n + 1 < outlen)
			out[n++] = *p;
	}
	out[n] = '\0';
	/* trim */
	while (n && isspace((unsigned char)out[n - 1]))
		out[--n] = '\0';
	n = strspn(out, " \t");
	memmove(out, out + n, strlen(out + n) + 1);
	return true;
}

/* "0x" and exactly 8 hex digits. */
static const char *parse_fid_hex(const char *s, uint32_t *fid)
{
	char *end;
	unsigned long v;

	if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
		return NULL;
	errno = 0;
	v = strtoul(s + 2, &end, 16);
	if (errno || end - (s + 2) != 8)
		return NULL;
	*fid = (uint32_t)v;
	return end;
}

/* An SMCCC fast call with bits 23:16 clear; rules out address-range rows. */
static bool looks_like_fid(uint32_t v)
{
	return (v & REF_FAST_CALL) && !(v & 0x00FF0000);
}

static size_t leading_ident(const char *s, char *out, size_t outlen)
{
	size_t n = 0;

	while ((isalnum((unsigned char)s[n]) || s[n] == '_') && n + 1 < outlen) {
		out[n] = s[n];
		n++;
	}
	out[n] = '\0';
	return n;
}

#define MAX_ROW_FIDS	8

/*
 * Form A: first cell "0xC4000150", "0xA / 0xB / 0xC" or the range
 * "0xC400016A–6D" (en dash, the last digits replaced); second cell the name
 * or "NAME / NAME ..." in the same order.  In a range row later names may
 * be bare suffixes ("RMI_VSMMU_CREATE / DESTROY / MAP / UNMAP"): a name
 * that is not itself known gets the first name's prefix up to its last
 * '_'.  Rows whose name cell is "*(unused in 1.0)*" are free slots: they
 * are counted and skipped.
 */
static bool parse_form_a(struct ref_stats *st, const char *where,
			 const char *c0, const char *c1)
{
	uint32_t vals[MAX_ROW_FIDS];
	unsigned int nvals = 0, nnames = 0;
	const char *p = parse_fid_hex(c0, &vals[0]);
	char names[MAX_ROW_FIDS][64];
	char prefix[64] = "";

	if (!p || !looks_like_fid(vals[0]))
		return false;
	nvals = 1;
	if (!strncmp(p, "\xE2\x80\x93", 3) || *p == '-') {
		/* range: suffix digits replace the low digits of the first FID */
		char *end;
		const char *suf = p + (*p == '-' ? 1 : 3);
		unsigned long last = strtoul(suf, &end, 16);
		unsigned int digits = end - suf;
		uint32_t keep = ~(uint32_t)((1ULL << (4 * digits)) - 1);

		last |= vals[0] & keep;
		if (!digits || digits > 7 || last <= vals[0] ||
		    last - vals[0] >= MAX_ROW_FIDS) {
			print_error("MALFORMED %s: range '%s'\n", where, c0);
			st->malformed++;
			return true;
		}
		while (vals[nvals - 1] < last) {
			vals[nvals] = vals[nvals - 1] + 1;
			nvals++;
		}
	} else {
		while (!strncmp(p, " / ", 3) && nvals < MAX_ROW_FIDS) {
			p = parse_fid_hex(p + 3, &vals[nvals]);
			if (!p) {
				print_error("MALFORMED %s: FID list '%s'\n", where, c0);
				st->malformed++;
				return true;
			}
			nvals++;
		}
	}

	st->fid_rows++;
	if (!isupper((unsigned char)c1[0])) {
		/* "*(unused in 1.0)*": no command in this slot */
		st->unused_rows++;
		return true;
	}
	for (const char *q = c1; q && nnames < MAX_ROW_FIDS; nnames++) {
		leading_ident(q, names[nnames], sizeof(names[nnames]));
		q = strstr(q, " / ");
		if (q)
			q += 3;
	}
	{
		const char *us = strrchr(names[0], '_');

		if (us)
			snprintf(prefix, sizeof(prefix), "%.*s",
				 (int)(us - names[0] + 1), names[0]);
	}
	if (nnames != nvals) {
		print_error("MALFORMED %s: %u FIDs but %u names in '%s'\n",
			    where, nvals, nnames, c1);
		st->malformed++;
		return true;
	}
	for (unsigned int i = 0; i < nnames; i++) {
		char full[sizeof(prefix) + sizeof(names[0])];
		size_t lp = 0;

		if (i && !is_known_ref_name(names[i]) && prefix[0]) {
			lp = strlen(prefix);
			memcpy(full, prefix, lp);
		}
		memcpy(full + lp, names[i], strlen(names[i]) + 1);
		check_ref_pair(st, where, full, vals[i]);
	}
	return true;
}

/*
 * Form B ([CCA] §9): first cell "NAME (0xA)", "NAME (0xA / 0xB)" or
 * "NAME (0xA), NAME (0xB)".  Rows without a parenthesised FID are skipped.
 */
static bool parse_form_b(struct ref_stats *st, const char *where, const char *c0)
{
	const char *p = c0;
	bool any = false;

	for (;;) {
		char name[64];
		size_t n = leading_ident(p, name, sizeof(name));
		uint32_t fid;

		if (!n || strncmp(p + n, " (", 2))
			break;
		p += n + 2;
		if (!parse_fid_hex(p, &fid) || !looks_like_fid(fid))
			break;
		if (!any)
			st->fid_rows++;
		any = true;
		for (;;) {
			p = parse_fid_hex(p, &fid);
			check_ref_pair(st, where, name, fid);
			if (strncmp(p, " / ", 3))
				break;
			p += 3;
			if (!parse_fid_hex(p, &fid)) {
				print_error("MALFORMED %s: '%s'\n", where, c0);
				st->malformed++;
				return true;
			}
		}
		if (*p != ')')
			break;
		p++;
		if (strncmp(p, ", ", 2))
			break;
		p += 2;
	}
	return any;
}

/* Returns false if the file cannot be opened. */
static bool scan_reference(const char *file, struct ref_stats *a, struct ref_stats *b)
{
	char path[4096], where[4200], c0[512], c1[512];
	char *line = NULL;
	size_t cap = 0;
	unsigned int lineno = 0;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", REFERENCE_DIR, file);
	fp = fopen(path, "r");
	if (!fp) {
		print_message("[   INFO   ] cannot open %s: %s\n", path, strerror(errno));
		return false;
	}
	while (getline(&line, &cap, fp) > 0) {
		lineno++;
		if (!md_cell(line, 0, c0, sizeof(c0)) || !md_cell(line, 1, c1, sizeof(c1)))
			continue;
		snprintf(where, sizeof(where), "%s:%u", file, lineno);
		if (parse_form_a(a, where, c0, c1))
			continue;
		if (b)
			parse_form_b(b, where, c0);
	}
	free(line);
	fclose(fp);
	return true;
}

static void require_reference_dir(void)
{
	if (!REFERENCE_DIR[0])
		fail_msg("REFERENCE_DIR is empty: the build did not pass the reference location");
}

static void report_ref(const char *group, const struct ref_stats *st,
		       unsigned int min_matched)
{
	print_message("[   INFO   ] %s: %u FID rows, %u names checked, %u unused slots, "
		      "%u mismatches, %u unknown, %u malformed\n",
		      group, st->fid_rows, st->names_matched, st->unused_rows,
		      st->mismatches, st->unknown, st->malformed);
	if (st->names_matched < min_matched)
		fail_msg("%s: only %u names matched, expected at least %u",
			 group, st->names_matched, min_matched);
	if (st->mismatches || st->unknown || st->malformed)
		fail_msg("%s: %u mismatch(es), %u unknown, %u malformed, each named above",
			 group, st->mismatches, st->unknown, st->malformed);
}

/*
 * [CCA] FID tables (§2, §3.1, §3.2, §7.1, §8, §10.1): 104 FID rows, 3 of
 * them unused 1.0 slots, one a 4-FID range: 104 names.  §9 PSCI rows
 * ("NAME (FID[ / FID])[, NAME (FID)]"): 7 rows naming 11 FIDs.
 */
#define REF_CCA_FID_ROWS	104
#define REF_CCA_UNUSED_ROWS	3
#define REF_CCA_NAMES		104
#define REF_CCA_PSCI_NAMES	11

static void test_reference_cca_fid_tables(void **state)
{
	static struct ref_stats a, b;
	unsigned int unseen = 0;

	(void)state;
	require_reference_dir();
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	if (!scan_reference("cca-interfaces.md", &a, &b))
		skip();

	report_ref("cca-interfaces.md FID tables", &a, REF_CCA_NAMES);
	if (a.fid_rows < REF_CCA_FID_ROWS || a.unused_rows != REF_CCA_UNUSED_ROWS)
		fail_msg("cca-interfaces.md: %u FID rows (%u unused), expected %u (%u)",
			 a.fid_rows, a.unused_rows, REF_CCA_FID_ROWS,
			 REF_CCA_UNUSED_ROWS);

	/* the reverse direction: every RMI/RSI/RMM-EL3 FID is in the file */
	for (size_t i = 0; i < ARRAY_LEN(fids); i++) {
		if (fids[i].cls == FID_PSCI || fids[i].cls == FID_SMCCC_ARCH)
			continue;
		if (!a.seen[i]) {
			print_error("MISSING %s: no row in cca-interfaces.md\n",
				    fids[i].name);
			unseen++;
		}
	}
	if (unseen)
		fail_msg("%u header FID(s) not found in the reference", unseen);

	report_ref("cca-interfaces.md §9 PSCI rows", &b, REF_CCA_PSCI_NAMES);
}

/* [TP] §5.8: 8 FID rows, one of them "CPU_ON / CPU_OFF / AFFINITY_INFO": 10 names. */
#define REF_TP_NAMES	10

static void test_reference_toolchain_smc_table(void **state)
{
	static struct ref_stats a;

	(void)state;
	require_reference_dir();
	memset(&a, 0, sizeof(a));
	if (!scan_reference("toolchain-and-platform.md", &a, NULL))
		skip();
	report_ref("toolchain-and-platform.md §5.8", &a, REF_TP_NAMES);
}

/*
 * Completeness: every FID macro the headers define is in fids[] (so it was
 * checked above).  A FID macro is an object-like #define whose body is
 * SMC64_STD_FID(...) or an 8-digit hex literal that encodes an SMCCC fast
 * call.  The headers are found next to this source file.
 */
static bool abi_header_dir(char *out, size_t len)
{
	const char *slash;

#ifdef ABI_HEADER_DIR
	snprintf(out, len, "%s", ABI_HEADER_DIR);
	return true;
#endif
	slash = strrchr(__FILE__, '/');
	if (!slash)
		return false;
	/* <top>/tests/abi/test_abi_reference.c -> <top>/include/abi */
	snprintf(out, len, "%.*s/../../include/abi", (int)(slash - __FILE__), __FILE__);
	return true;
}

static bool is_fid_macro_body(const char *body)
{
	uint32_t v;
	const char *end;

	if (!strncmp(body, "SMC64_STD_FID(", 14))
		return true;
	end = parse_fid_hex(body, &v);
	if (!end || !looks_like_fid(v))
		return false;
	if (*end == 'U' || *end == 'u')
		end++;
	return *end == '\0' || isspace((unsigned char)*end) || *end == '/';
}

static void test_headers_define_no_unchecked_fid(void **state)
{
	static const char *const headers[] = {
		"types.h", "smccc.h", "psci.h", "rmi.h", "rsi.h", "rmm-el3.h",
	};
	unsigned int found = 0, unchecked = 0;
	char dir[4096], path[4200];
	bool listed[ARRAY_LEN(fids)] = { false };

	(void)state;
	if (!abi_header_dir(dir, sizeof(dir)))
		skip();
	for (size_t h = 0; h < ARRAY_LEN(headers); h++) {
		char *line = NULL;
		size_t cap = 0;
		FILE *fp;

		snprintf(path, sizeof(path), "%s/%s", dir, headers[h]);
		fp = fopen(path, "r");
		if (!fp) {
			print_message("[   INFO   ] cannot open %s: %s\n", path,
				      strerror(errno));
			skip();
		}
		while (getline(&line, &cap, fp) > 0) {
			char name[128];
			const char *p = line;
			const struct fid_check *f;
			size_t n;

			while (isspace((unsigned char)*p))
				p++;
			if (strncmp(p, "#define", 7) || !isspace((unsigned char)p[7]))
				continue;
			p += 7;
			while (isspace((unsigned char)*p))
				p++;
			n = leading_ident(p, name, sizeof(name));
			if (!n || p[n] == '(')	/* function-like macro */
				continue;
			p += n;
			while (isspace((unsigned char)*p))
				p++;
			if (!is_fid_macro_body(p))
				continue;
			found++;
			f = fid_by_name(name);
			if (!f) {
				print_error("UNCHECKED %s (%s): FID macro missing from this test's table\n",
					    name, headers[h]);
				unchecked++;
			} else {
				listed[f - fids] = true;
			}
		}
		free(line);
		fclose(fp);
	}
	for (size_t i = 0; i < ARRAY_LEN(fids); i++) {
		if (!listed[i]) {
			print_error("STALE %s: in this test's table but not defined as a FID in the headers\n",
				    fids[i].name);
			unchecked++;
		}
	}
	print_message("[   INFO   ] headers: %u FID macros found, table has %zu\n",
		      found, ARRAY_LEN(fids));
	if (unchecked)
		fail_msg("%u FID macro(s) out of step with the table", unchecked);
	assert_true(found == ARRAY_LEN(fids));
}

int main(void)
{
	const struct CMUnitTest reference_tests[] = {
		cmocka_unit_test(test_reference_cca_fid_tables),
		cmocka_unit_test(test_reference_toolchain_smc_table),
		cmocka_unit_test(test_headers_define_no_unchecked_fid),
	};
	int failed = 0;

	failed += cmocka_run_group_tests_name("abi_reference_file", reference_tests, NULL, NULL);
	return failed ? 1 : 0;
}
