/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared declarations of the ns-host payload (see head.S for its boot). */
#ifndef NS_HOST_H
#define NS_HOST_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdarg.h>
#include <abi/rmi.h>

#define read_sysreg(r) ({ uint64_t __v; __asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define write_sysreg(r, v) __asm__ volatile("msr " #r ", %0" : : "r"((uint64_t)(v)))

/* console.c: PL011 output, already set up by the monitor. */
void con_putc(char c);
void con_vprintf(const char *fmt, va_list ap);
void con_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* fdt.c: a property of the root ("") or of a top-level node "name[@unit]". */
const uint32_t *fdt_prop(const void *fdt, const char *node, const char *prop, uint32_t *len);
bool fdt_valid(const void *fdt);
uint64_t fdt_cells(const uint32_t *p, unsigned int n);	/* n big-endian cells */

/* lib.c: SMC conduit, TAP and fault probes. */
#define GRANULE		RMI_GRANULE_SIZE
#define ESR_EC(esr)	(((esr) >> 26) & 0x3F)
#define ESR_DFSC(esr)	((esr) & 0x3F)
#define ESR_WNR		(1U << 6)
#define EC_DABT_CUR	0x25		/* Data Abort without a change in EL */
#define DFSC_GPF	0x28		/* GPF, not on a translation table walk */
#define SENTINEL	0xDEADBEEFDEADBEEFULL	/* what a faulted probe_read returns */

struct smc_ret {
	uint64_t x0, x1, x2, x3, x4;
};
struct fault_record {
	bool expected, taken;
	uint64_t esr, far;
};
extern volatile struct fault_record fault;

struct smc_ret smc(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);
struct smc_ret smc6(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
		    uint64_t a5);
uint64_t rmi(uint64_t fid, uint64_t a1);			/* x0 only */
bool ok(bool cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void __attribute__((noreturn)) finish(const char *bail);	/* NULL: normal end */
bool probe_read(uint64_t pa, uint64_t *val);	/* true: the load faulted */
bool probe_write(uint64_t pa, uint64_t val);	/* true: the store faulted */
bool is_gpf_at(uint64_t pa);			/* the last fault: GPF, FAR = pa */
volatile uint64_t *granule_words(uint64_t pa);
void fill(uint64_t pa);				/* a per-address pattern */
bool intact(uint64_t pa);			/* readable and still the pattern */
bool all_zero(uint64_t pa);
void print_hex_line(const char *tag, const uint8_t *p, uint64_t len);	/* "# tag: hex" */

/* Called from head.S for every exception; kind = vector index 0..15. */
void ns_exception(uint64_t kind, uint64_t *regs);
void __attribute__((noreturn)) ns_main(const void *dtb);

#endif /* NS_HOST_H */
