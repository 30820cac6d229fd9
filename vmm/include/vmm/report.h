/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_REPORT_H
#define VMM_REPORT_H

#include <stdint.h>

struct realm_plan;
struct vm;
struct vmm_config;

/* What `run` measured about itself, for --report. */
struct run_report {
	uint64_t setup_ns;		/* realm creation to activation */
	uint64_t run_ns;		/* first REC entry to the realm's end */
	const char *end;		/* "system-off", "system-reset", "failed" */
	const char *error;		/* NULL unless failed */
	int exit_status;
};

/*
 * Write the JSON report: the configuration, the predicted RIM, the MECID
 * the realm got, timings and how it ended.  Returns 0 or -errno.
 */
int run_report__write(const char *path, const struct vmm_config *cfg,
		      const struct realm_plan *plan, const struct vm *vm,
		      const struct run_report *r);

#endif /* VMM_REPORT_H */
