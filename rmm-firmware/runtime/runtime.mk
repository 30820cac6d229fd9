# SPDX-License-Identifier: GPL-2.0-only
#
# runtime/ - the bootable R-EL2 image: entry, vectors, stage-1 MMU, boot
# manifest, console and the RMI loop around the portable core.  Included by
# rmm-firmware/Makefile inside its aarch64 section (A64_CFLAGS, librmm.a
# and LIBC_LIB are defined there).  Produces:
#   $(O)/rmm.elf   linked at the Realm carve-out base (runtime/rmm.ld.S)
#   $(O)/rmm.bin   the raw image the monitor packs into flash and loads

RT_DIR		:= $(O)/aarch64/runtime
RT_CFLAGS	= $(A64_CFLAGS) -Iruntime/include
RT_SRCS		:= $(wildcard runtime/*.c)
RT_ASM		:= $(wildcard runtime/aarch64/*.S)
RT_OBJS		:= $(patsubst runtime/%.c,$(RT_DIR)/%.o,$(RT_SRCS)) \
		   $(patsubst runtime/%.S,$(RT_DIR)/%.o,$(RT_ASM))

# The runtime objects implementing the core's realm-run hooks
# (<rmm/rec-run.h>), self-contained enough for rmm-linkcheck.elf.
RT_PLAT_OBJS	:= $(addprefix $(RT_DIR)/, rec-run.o ctx-el1.o gic-vcpu.o stage2.o \
		   id-regs.o timer.o aarch64/realm-entry.o aarch64/fp-ctx.o)
$(O)/rmm-linkcheck.elf: $(RT_PLAT_OBJS)

$(RT_DIR)/%.o: runtime/%.c
	@mkdir -p $(dir $@)
	$(FW_CC) $(RT_CFLAGS) -c $< -o $@

$(RT_DIR)/%.o: runtime/%.S
	@mkdir -p $(dir $@)
	$(FW_CC) -D__ASSEMBLY__ $(RT_CFLAGS) -c $< -o $@

$(RT_DIR)/rmm.ld: runtime/rmm.ld.S
	@mkdir -p $(dir $@)
	$(FW_CC) -E -P -x c -D__ASSEMBLY__ -Iplat/aarch64/include -I$(TOP)/include -o $@ $<

# The whole library is linked (not just what the entry reaches) so that
# the core's RMI handlers are all present; --gc-sections drops the rest.
$(O)/rmm.elf: $(RT_OBJS) $(O)/librmm.a $(ATTEST_LIBS) $(LIBC_LIB) $(RT_DIR)/rmm.ld
	$(FW_CC) $(FW_LDFLAGS) -T $(RT_DIR)/rmm.ld -o $@ $(RT_OBJS) \
		-Wl,--start-group $(O)/librmm.a $(ATTEST_LIBS) $(LIBC_LIB) -Wl,--end-group -lgcc

$(O)/rmm.bin: $(O)/rmm.elf
	$(FW_OBJCOPY) -O binary $< $@

-include $(RT_OBJS:.o=.d)
