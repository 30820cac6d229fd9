# SPDX-License-Identifier: GPL-2.0-only
#
# realm-stack: kvm-realm.ko, realm-vmm, our RMM and EL3 monitor, tests.
#
# The two commands a newcomer needs:
#   make run     boot the emulated RME host and run a realm
#   make check   every test: host unit tests, then the emulated machine
# Both bootstrap what is missing first (tools/bootstrap.sh, idempotent).
# Cross builds run inside the Debian trixie tool root (tools/inroot.sh), with
# the compiler Debian built the arm64 kernel with.

TOP	:= $(CURDIR)
CACHE	?= $(TOP)/.cache
OUT	?= $(TOP)/out
INROOT	:= $(TOP)/tools/inroot.sh
JOBS	?= $(shell nproc)

-include $(CACHE)/env.mk
# Sub-makes and scripts find the tool root and env.mk through CACHE.
export CACHE

# Cross builds always happen inside the tool root: its gcc-14 and the
# arm64 libraries are not installable on a bookworm host.
define inroot
	CACHE=$(CACHE) $(INROOT) '$(1)'
endef

.PHONY: all help bootstrap module vmm selftests firmware fwlib monitor rmm ns-host host-tests \
	check check-host check-style check-emu run bench bench-rmm initramfs clean distclean

all: module vmm firmware selftests ns-host host-tests

help:
	@echo 'realm-stack targets:'
	@echo '  make run         boot the emulated RME host and run a realm (main job)'
	@echo '  make check       all tests: host unit tests + emulated-machine tests'
	@echo '  make             build everything below'
	@echo '  make bootstrap   install the toolchain, tool root, kernel and QEMU (idempotent)'
	@echo '  make module      kvm-realm.ko against the Debian arm64 headers (W=1, -Werror)'
	@echo '  make vmm         static arm64 realm-vmm'
	@echo '  make selftests   kvm-realm kselftest programs (static arm64)'
	@echo '  make firmware    monitor (EL3) and RMM (R-EL2) images'
	@echo '  make ns-host     bare-metal NS-EL2 test payload booted by the monitor'
	@echo '  make host-tests  build the host (cmocka) unit tests'
	@echo '  make check-host  run the host unit tests only'
	@echo '  make check-style checkpatch --strict on kernel/ and uapi/'
	@echo '  make check-emu   run the emulated-machine tests only'
	@echo '  make initramfs   pack busybox, the module, realm-vmm and tests'
	@echo '  make bench       realm vs host: boot time, virtio-blk read throughput'
	@echo '  make bench-rmm   RMM image size, DATA_CREATE and REC round-trip cost (-icount)'
	@echo '  make clean       remove build output (keeps .cache/)'
	@echo '  make distclean   also remove .cache/ (tool root, downloads)'

bootstrap:
	@$(TOP)/tools/bootstrap.sh

# ------------------------------------------------------------------ module
module: bootstrap
	@$(call inroot,make -s CACHE=$(CACHE) -C $(KDIR) M=$(TOP) W=1 modules)
	@mkdir -p $(OUT)
	@$(call inroot,aarch64-linux-gnu-strip --strip-debug -o $(OUT)/kvm-realm.ko $(TOP)/kvm-realm.ko)

# ------------------------------------------------------------------ vmm
vmm: bootstrap
	@$(call inroot,make -s CACHE=$(CACHE) -C $(TOP)/vmm -j$(JOBS) O=$(OUT)/vmm)

# ------------------------------------------------------------------ selftests
selftests: bootstrap
	@$(call inroot,make -s CACHE=$(CACHE) -C $(TOP)/selftests -j$(JOBS) O=$(OUT)/selftests)

# ------------------------------------------------------------------ firmware
firmware: monitor rmm fwlib

# The freestanding libraries (CBOR, attestation, libfdt) and their link check.
fwlib: bootstrap
	@$(call inroot,make -s CACHE=$(CACHE) -C $(TOP)/fwlib -j$(JOBS) O=$(OUT)/fwlib-aarch64)

# flash.bin carries the RMM image: build it first.
monitor: bootstrap rmm
	@$(call inroot,make -s CACHE=$(CACHE) -C $(TOP)/monitor -j$(JOBS) O=$(OUT)/monitor RMM_IMAGE=$(OUT)/rmm/rmm.bin)

rmm: bootstrap
	@$(call inroot,make -s CACHE=$(CACHE) -C $(TOP)/rmm-firmware -j$(JOBS) O=$(OUT)/rmm)

# The bare-metal Non-secure test payload the monitor boots instead of Linux
# (tools/emu-tests.sh config monitor-ns-host).
ns-host: bootstrap
	@$(call inroot,make -s CACHE=$(CACHE) -C $(TOP)/tests/baremetal/ns-host -j$(JOBS) O=$(OUT)/ns-host)

# ------------------------------------------------------------------ host tests
host-tests: bootstrap
	@$(MAKE) -s -C $(TOP)/tests O=$(OUT)/host-tests
	@$(MAKE) -s -C $(TOP)/rmm-firmware O=$(OUT)/rmm host-tests
	@$(MAKE) -s -C $(TOP)/monitor/tests O=$(OUT)/host-tests/monitor
	@$(MAKE) -s -C $(TOP)/vmm O=$(OUT)/vmm-host host-tests
	@$(MAKE) -s -C $(TOP)/fwlib/tests O=$(OUT)/fwlib-tests host-tests
	@$(MAKE) -s -C $(TOP)/tools/token O=$(OUT)/tools

check-host: host-tests
	@$(MAKE) -s -C $(TOP)/tests O=$(OUT)/host-tests run
	@$(TOP)/tests/uapi/check-doc.sh
	@$(MAKE) -s -C $(TOP)/rmm-firmware O=$(OUT)/rmm check-host
	@$(MAKE) -s -C $(TOP)/monitor/tests O=$(OUT)/host-tests/monitor run
	@$(MAKE) -s -C $(TOP)/vmm O=$(OUT)/vmm-host check-host
	@$(MAKE) -s -C $(TOP)/fwlib/tests O=$(OUT)/fwlib-tests check-host

# Kernel style for the module and its UAPI (checkpatch.pl from the same
# kernel series, fetched by the bootstrap).
STYLE_FILES = $(wildcard $(TOP)/kernel/*.[ch] $(TOP)/uapi/*/*.h)
check-style: bootstrap
	@$(CHECKPATCH) --strict --no-tree --quiet --show-types -f $(STYLE_FILES) && \
		echo "checkpatch --strict: $(words $(STYLE_FILES)) files clean"

# ------------------------------------------------------------------ emulated machine
initramfs: module vmm
	@$(TOP)/tools/mkinitramfs.sh $(OUT)/initramfs.cpio.gz

check-emu: module vmm firmware selftests ns-host
	@$(TOP)/tools/emu-tests.sh

check: bootstrap
	@$(MAKE) -s all
	@$(TOP)/tools/check.sh

run: bootstrap
	@$(MAKE) -s all
	@$(TOP)/tools/run.sh

# Numbers, not pass/fail: a realm's boot time and virtio-blk read
# throughput beside the emulated host's own, in one run, then bench-rmm.
bench: bootstrap
	@$(MAKE) -s all
	@$(TOP)/tools/bench.sh

# Numbers, not pass/fail: the RMM's image size and the instruction counts
# of RMI calls and a REC round trip, from the bare-metal host under -icount.
bench-rmm: firmware ns-host
	@$(TOP)/tools/bench-rmm.sh

clean:
	@if [ -f $(KDIR)/Makefile ] || [ -d $(CACHE)/toolroot$(KDIR) ]; then \
		$(call inroot,make -s CACHE=$(CACHE) -C $(KDIR) M=$(TOP) clean) || true; fi
	rm -rf $(OUT)

distclean: clean
	@$(TOP)/tools/distclean.sh
