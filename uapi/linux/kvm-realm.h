/* SPDX-License-Identifier: GPL-2.0-only WITH Linux-syscall-note */
/*
 * kvm-realm: userspace API of kvm-realm.ko, the Arm CCA realm host driver.
 *
 * Object model:
 *
 *   open("/dev/kvm-realm")          system fd
 *     KVM_REALM_CREATE       ->    realm fd    (one realm, one RMM realm descriptor)
 *       KVM_REALM_CREATE_REC ->    REC fd      (one realm execution context, a vCPU)
 *         mmap()                   struct kvm_realm_run, shared with the kernel
 *
 * Every structure has fixed-width fields, explicit padding and reserved
 * fields that must be zero; unknown flags and non-zero reserved fields are
 * rejected with -EINVAL so that they can be given a meaning later.
 * Operations over a range are restartable: the kernel writes its progress
 * back into the argument and userspace repeats the call until the range is
 * empty.  Documentation/virt/kvm-realm/api.rst describes every ioctl.
 */
#ifndef _UAPI_LINUX_KVM_REALM_H
#define _UAPI_LINUX_KVM_REALM_H

#include <linux/const.h>
#include <linux/ioctl.h>
#include <linux/types.h>

#define KVM_REALM_API_VERSION		1
#define KVM_REALM_IO			0xB9

/* ------------------------------------------------------------------ system */

#define KVM_REALM_GET_API_VERSION	_IO(KVM_REALM_IO, 0x00)

/* What the RMM and the module support.  Output only; reserved fields are 0. */
struct kvm_realm_caps {
	__u64 rmi_version;		/* negotiated: (major << 16) | minor */
	__u64 rmi_lower;		/* lowest revision the RMM implements */
	__u64 rmi_higher;		/* highest revision the RMM implements */
	__u64 feat_reg0;		/* RmiFeatureRegister0, raw */
	__u32 ipa_bits_max;		/* largest IPA width of a realm */
	__u32 hash_algos;		/* KVM_REALM_HASH_* bit mask */
	__u32 sve_vq_max;		/* 0: no SVE; else largest VQ (VL / 128) */
	__u32 pmu_num_ctrs;		/* 0: no PMU; else counters available */
	__u32 num_bps;			/* breakpoints (count, not "minus one") */
	__u32 num_wps;			/* watchpoints */
	__u32 gic_num_lrs;		/* GICv3 list registers in the run page */
	__u32 max_recs;			/* RECs per realm */
	__u32 flags;			/* KVM_REALM_CAP_* */
	__u32 mecid_max;		/* largest MECID (0 without MEC) */
	__u32 num_aux_planes_max;	/* auxiliary planes per realm (1.1) */
	__u32 rec_aux_granules;		/* RMI_REC_AUX_COUNT of a default realm */
	__u64 reserved[8];
};

#define KVM_REALM_CAP_LPA2		_BITUL(0)
#define KVM_REALM_CAP_MEC		_BITUL(1)
#define KVM_REALM_CAP_PLANES		_BITUL(2)
#define KVM_REALM_CAP_DA		_BITUL(3)

#define KVM_REALM_HASH_SHA256		_BITUL(0)
#define KVM_REALM_HASH_SHA512		_BITUL(1)

#define KVM_REALM_GET_CAPS		_IOR(KVM_REALM_IO, 0x01, struct kvm_realm_caps)

/* Returns a realm fd.  flags: none defined yet. */
struct kvm_realm_create {
	__u32 flags;
	__u32 reserved0;
	__u64 reserved[3];
};

#define KVM_REALM_CREATE		_IOW(KVM_REALM_IO, 0x02, struct kvm_realm_create)

/* ------------------------------------------------------------------ realm */

/* Measurement algorithm (RmiHashAlgorithm). */
#define KVM_REALM_MEASURE_SHA256	0
#define KVM_REALM_MEASURE_SHA512	1

/* MEC policy. */
#define KVM_REALM_MEC_SHARED		0	/* the platform's shared MECID */
#define KVM_REALM_MEC_PRIVATE		1	/* private MECID given in .mecid */
#define KVM_REALM_MEC_PRIVATE_AUTO	2	/* private MECID picked by the module */

#define KVM_REALM_CONFIG_SVE		_BITUL(0)	/* .sve_vq is valid */
#define KVM_REALM_CONFIG_PMU		_BITUL(1)	/* .pmu_num_ctrs is valid */
#define KVM_REALM_CONFIG_LPA2		_BITUL(2)	/* 52-bit IPA with LPA2 */
#define KVM_REALM_CONFIG_FLAGS		(KVM_REALM_CONFIG_SVE | KVM_REALM_CONFIG_PMU | \
					 KVM_REALM_CONFIG_LPA2)

#define KVM_REALM_RPV_SIZE		64

/*
 * Realm parameters; KVM_REALM_CONFIGURE creates the realm in the RMM
 * (RMI_REALM_CREATE), so they are fixed from then on and measured.
 * On success .mecid holds the MECID in use (useful with PRIVATE_AUTO).
 */
struct kvm_realm_config {
	__u32 flags;			/* KVM_REALM_CONFIG_* */
	__u32 ipa_bits;			/* IPA width, 32 .. caps.ipa_bits_max */
	__u32 hash_algo;		/* KVM_REALM_MEASURE_* */
	__u32 sve_vq;			/* with CONFIG_SVE: vector length / 128 */
	__u32 pmu_num_ctrs;		/* with CONFIG_PMU */
	__u32 num_bps;			/* 0: the RMM's maximum; else a count >= 2 */
	__u32 num_wps;			/* 0: the RMM's maximum; else a count >= 2 */
	__u32 mec_policy;		/* KVM_REALM_MEC_* */
	__u32 mecid;			/* in with MEC_PRIVATE; out always */
	__u32 num_aux_planes;		/* RMM 1.1 planes; 0 for none */
	__u8 rpv[KVM_REALM_RPV_SIZE];	/* personalization value */
	__u64 reserved[8];
};

#define KVM_REALM_CONFIGURE		_IOWR(KVM_REALM_IO, 0x10, struct kvm_realm_config)

/*
 * An IPA range of the protected half: [base, base + size), granule aligned.
 * On return base and size describe what is left to do (size 0 when done).
 */
struct kvm_realm_range {
	__u64 base;
	__u64 size;
	__u32 flags;			/* none defined */
	__u32 reserved0;
	__u64 reserved[2];
};

/* RIPAS EMPTY -> RAM before activation (RMI_RTT_INIT_RIPAS), measured. */
#define KVM_REALM_INIT_RIPAS		_IOWR(KVM_REALM_IO, 0x11, struct kvm_realm_range)

#define KVM_REALM_POPULATE_MEASURE	_BITUL(0)

/*
 * Copy guest memory from a separate userspace buffer into delegated
 * granules at [base, base + size) (RMI_DATA_CREATE).  Restartable: base,
 * size and source_uaddr advance together.
 */
struct kvm_realm_populate {
	__u64 base;
	__u64 size;
	__u64 source_uaddr;
	__u32 flags;			/* KVM_REALM_POPULATE_* */
	__u32 reserved0;
	__u64 reserved[2];
};

#define KVM_REALM_POPULATE		_IOWR(KVM_REALM_IO, 0x12, struct kvm_realm_populate)

/*
 * Back [ipa, ipa + size) of the unprotected half (ipa has the top IPA bit
 * set) with the userspace pages at uaddr (RMI_RTT_MAP_UNPROTECTED).  The
 * pages stay pinned until the realm is destroyed or the range is unmapped.
 * Restartable like the others: ipa, size and uaddr advance together.
 */
struct kvm_realm_shared_mem {
	__u64 ipa;
	__u64 size;
	__u64 uaddr;
	__u32 flags;			/* none defined */
	__u32 reserved0;
	__u64 reserved[2];
};

#define KVM_REALM_MAP_SHARED		_IOWR(KVM_REALM_IO, 0x13, struct kvm_realm_shared_mem)
#define KVM_REALM_UNMAP_SHARED		_IOWR(KVM_REALM_IO, 0x14, struct kvm_realm_shared_mem)

#define KVM_REALM_REC_RUNNABLE		_BITUL(0)

/* Returns a REC fd.  RECs are created in MPIDR index order (Aff3:Aff2:Aff1:Aff0). */
struct kvm_realm_rec_create {
	__u64 mpidr;			/* Aff0[3:0], Aff1[15:8], Aff2[23:16], Aff3[31:24] */
	__u64 pc;
	__u64 gprs[8];			/* x0..x7 at the first entry */
	__u32 flags;			/* KVM_REALM_REC_* */
	__u32 reserved0;
	__u64 reserved[3];
};

#define KVM_REALM_CREATE_REC		_IOW(KVM_REALM_IO, 0x15, struct kvm_realm_rec_create)

/* NEW -> ACTIVE (RMI_REALM_ACTIVATE): the measurement is final. */
#define KVM_REALM_ACTIVATE		_IO(KVM_REALM_IO, 0x16)

/* ------------------------------------------------------------------ REC */

/* kvm_realm_run.exit_reason */
#define KVM_REALM_EXIT_NONE		0
#define KVM_REALM_EXIT_MMIO		1	/* emulate; complete with the next RUN */
#define KVM_REALM_EXIT_PSCI		2	/* PSCI request; see rec.exit.gprs */
#define KVM_REALM_EXIT_HOST_CALL	3	/* RSI_HOST_CALL; gprs in rec.exit.gprs */
#define KVM_REALM_EXIT_RIPAS_CHANGE	4	/* rec.exit.ripas_*; answer in run flags */
#define KVM_REALM_EXIT_SYSTEM_OFF	5	/* the realm turned itself off or reset */
#define KVM_REALM_EXIT_WFI		6	/* WFI/WFE with TRAP_WFI/WFE set */
#define KVM_REALM_EXIT_INTR		7	/* a signal is pending (-EINTR) */
#define KVM_REALM_EXIT_SERROR		8	/* SError taken from the realm */
#define KVM_REALM_EXIT_TIMER		9	/* a realm timer fires: see rec.exit.cnt* */
#define KVM_REALM_EXIT_SYSREG		10	/* trapped MSR (ICC_SGI*R_EL1): exit.esr, gprs[0] */

/* kvm_realm_run.rmi_exit_reason when RUN returned before entering the REC. */
#define KVM_REALM_RMI_EXIT_NONE		(~0ULL)

#define KVM_REALM_RUN_PAGE_SIZE		4096

/*
 * The mmap()ed run area of a REC fd: 2 pages.  The second page is the
 * RmiRecRun granule handed to RMI_REC_ENTER, in the RMM specification's
 * layout (struct rmi_rec_run in include/abi/rmi.h): userspace fills
 * rec.enter (GIC list registers, completion flags, MMIO load data) and reads
 * rec.exit.  The first page is the kernel's view of the last exit.
 */
struct kvm_realm_run {
	__u32 exit_reason;		/* KVM_REALM_EXIT_* */
	__u32 immediate_exit;		/* set by userspace: return before entering */
	__u64 rmi_exit_reason;		/* rec.exit.exit_reason, or RMI_EXIT_NONE */
	__u64 mmio_ipa;			/* EXIT_MMIO: faulting IPA */
	__u32 mmio_len;			/* EXIT_MMIO: access size in bytes */
	__u32 mmio_is_write;		/* EXIT_MMIO */
	__u64 mmio_data;		/* EXIT_MMIO write: value stored */
	__u64 reserved[(KVM_REALM_RUN_PAGE_SIZE - 40) / 8];
	__u8 rec[KVM_REALM_RUN_PAGE_SIZE]; /* RmiRecRun (enter @0, exit @0x800) */
};

#define KVM_REALM_RUN			_IO(KVM_REALM_IO, 0x20)

/* Complete the PSCI request of the last EXIT_PSCI (RMI_PSCI_COMPLETE). */
struct kvm_realm_psci_complete {
	__u64 target_mpidr;		/* the MPIDR named by CPU_ON/AFFINITY_INFO */
	__s32 status;			/* PSCI_SUCCESS or PSCI_DENIED */
	__u32 reserved0;
	__u64 reserved[2];
};

#define KVM_REALM_PSCI_COMPLETE		_IOW(KVM_REALM_IO, 0x21, struct kvm_realm_psci_complete)

#endif /* _UAPI_LINUX_KVM_REALM_H */
