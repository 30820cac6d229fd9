// SPDX-License-Identifier: GPL-2.0-only
/*
 * The CPU side of granule protection: the platform's GPT layout, GPCCR_EL3
 * and GPTBR_EL3, and the maintenance instructions gpt.c asks for.  The
 * assembler does not know the RME instructions, so they are written as the
 * SYS encodings they are: DC CIPAPA = SYS #6, C7, C14, #1 and
 * TLBI RPALOS = SYS #6, C8, C4, #7, TLBI PAALLOS = SYS #6, C8, C1, #4.
 */
#include <stdint.h>
#include <abi/rmm-el3.h>
#include <arch.h>
#include <console.h>
#include <gpt.h>
#include <gpt-arch.h>
#include <panic.h>
#include <platform.h>
#include <spinlock.h>
#include <plat/layout.h>

#define GPCCR_PPS_1TB		0x2ULL
#define GPCCR_PPS_BITS		40
#define GPCCR_IRGN_WBRAWA	(1ULL << 8)
#define GPCCR_ORGN_WBRAWA	(1ULL << 10)
#define GPCCR_SH_INNER		(3ULL << 12)
#define GPCCR_PGS_4K		(0ULL << 14)
#define GPCCR_GPC		(1ULL << 16)
#define GPCCR_L0GPTSZ(v)	(((v) >> 20) & 0xF)
#define GPCCR_VALUE		(GPCCR_PPS_1TB | GPCCR_IRGN_WBRAWA | GPCCR_ORGN_WBRAWA | \
				 GPCCR_SH_INNER | GPCCR_PGS_4K)

#define TLBI_RPA_SIZE_4K	(0ULL << 44)

static spinlock_t gpt_lock;
static struct gpt gpt;
static struct gpt_region gpt_regions[5];

void gpt_arch_lock(void)
{
	spin_lock(&gpt_lock);
}

void gpt_arch_unlock(void)
{
	spin_unlock(&gpt_lock);
}

void gpt_arch_popa_clean_inval(uint64_t pa, unsigned int pas)
{
	uint64_t line = 4ULL << id_field(read_sysreg(ctr_el0), 16, 4);
	uint64_t tag = (uint64_t)pas << GPT_PAS_SHIFT;
	uint64_t off;

	for (off = 0; off < GPT_GRANULE_SIZE; off += line)
		__asm__ volatile("sys #6, c7, c14, #1, %0" :: "r"(tag | (pa + off)) : "memory");
	dsb_osh();
}

void gpt_arch_tlbi_granule(uint64_t pa)
{
	dsb_osh();
	__asm__ volatile("sys #6, c8, c4, #7, %0"
			 :: "r"(TLBI_RPA_SIZE_4K | (pa >> GPT_GRANULE_SHIFT)) : "memory");
	dsb_osh();
	isb();
}

static void add_region(unsigned int *n, uint64_t base, uint64_t end, unsigned int gpi, bool delegable)
{
	if (end <= base)
		return;
	gpt_regions[*n] = (struct gpt_region){ base, end - base, gpi, delegable };
	(*n)++;
}

void gpt_setup(void)
{
	unsigned int n = 0;
	uint64_t l0gptsz = GPCCR_L0GPTSZ(read_sysreg(GPCCR_EL3_S));

	if (l0gptsz != 0)
		panic("GPT: L0GPTSZ encoding %lu not supported (only 1 GiB)", l0gptsz);
	if (plat.dram_end > (1ULL << GPCCR_PPS_BITS))
		panic("GPT: DRAM beyond the 1 TB protected space");

	/* Flash and devices below SRAM, and PCIe above it, stay GPI_ANY. */
	add_region(&n, ROOT_SRAM_BASE, ROOT_SRAM_END, GPI_ROOT, false);
	add_region(&n, ROOT_SRAM_END, SRAM_BASE + SRAM_SIZE, GPI_SECURE, false);
	add_region(&n, plat.dram_base, RMM_CARVEOUT_BASE, GPI_NS, true);
	add_region(&n, RMM_CARVEOUT_BASE, RMM_CARVEOUT_END, GPI_REALM, false);
	add_region(&n, RMM_CARVEOUT_END, plat.dram_end, GPI_NS, true);

	gpt = (struct gpt){
		.pps_bits = GPCCR_PPS_BITS,
		.l0 = (uint64_t *)(uintptr_t)GPT_L0_BASE,
		.l1 = (uint64_t *)(uintptr_t)GPT_L1_BASE,
		.l1_pa = GPT_L1_BASE,
		.l1_capacity = GPT_L1_AREA_SIZE / GPT_L1_TABLE_BYTES,
		.regions = gpt_regions,
		.nregions = n,
		.default_gpi = GPI_ANY,
	};
	if (gpt_build(&gpt))
		panic("GPT: layout does not fit %u L1 tables", gpt.l1_capacity);
	dsb_sy();
}

void gpt_enable_this_cpu(void)
{
	write_sysreg(GPTBR_EL3_S, (uint64_t)GPT_L0_BASE >> 12);
	write_sysreg(GPCCR_EL3_S, GPCCR_VALUE);
	isb();
	__asm__ volatile("sys #6, c8, c1, #4" ::: "memory");	/* TLBI PAALLOS */
	dsb_sy();
	isb();
	write_sysreg(GPCCR_EL3_S, GPCCR_VALUE | GPCCR_GPC);
	isb();
}

void gpt_report(void)
{
	mon_printf("monitor: GPT enabled: PPS 1TB PGS 4K, L0 at 0x%x, %u L1 tables at 0x%x, "
		   "REALM 0x%lx-0x%lx\n", GPT_L0_BASE, gpt.l1_used, GPT_L1_BASE,
		   (uint64_t)RMM_CARVEOUT_BASE, (uint64_t)RMM_CARVEOUT_END - 1);
}

/*
 * Run the delegate/undelegate paths once on a granule nobody uses any more,
 * so that a broken encoding of the RME maintenance instructions or of the
 * table walk shows at boot, not at the first RMM call.
 */
void gpt_self_test(uint64_t pa)
{
	static const struct {
		uint64_t pa;
		int expect;
	} refused[] = {
		{ RMM_CARVEOUT_BASE, E_RMM_BAD_ADDR },		/* firmware carve-out */
		{ ROOT_SRAM_BASE, E_RMM_BAD_ADDR },		/* Root memory */
		{ DRAM_BASE + 0x800, E_RMM_BAD_ADDR },		/* not granule aligned */
		{ 1ULL << GPCCR_PPS_BITS, E_RMM_BAD_ADDR },	/* outside the PPS */
	};
	unsigned int i;
	int err;

	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		err = gpt_delegate(refused[i].pa);
		if (err != refused[i].expect)
			panic("GPT self-test: delegate(0x%lx) = %d, expected %d",
			      refused[i].pa, err, refused[i].expect);
	}
	err = gpt_delegate(pa);
	if (err || gpt_get_gpi(&gpt, pa) != (int)GPI_REALM)
		panic("GPT self-test: delegate(0x%lx) = %d", pa, err);
	err = gpt_delegate(pa);
	if (err != E_RMM_BAD_PAS)
		panic("GPT self-test: second delegate(0x%lx) = %d", pa, err);
	err = gpt_undelegate(pa);
	if (err || gpt_get_gpi(&gpt, pa) != (int)GPI_NS)
		panic("GPT self-test: undelegate(0x%lx) = %d", pa, err);
	err = gpt_undelegate(pa);
	if (err != E_RMM_BAD_PAS)
		panic("GPT self-test: second undelegate(0x%lx) = %d", pa, err);
	mon_printf("monitor: GPT self-test: delegate/undelegate of 0x%lx and refusals ok\n", pa);
}

int gpt_delegate(uint64_t pa)
{
	return gpt_table_delegate(&gpt, pa);
}

int gpt_undelegate(uint64_t pa)
{
	return gpt_table_undelegate(&gpt, pa);
}
