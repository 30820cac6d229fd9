# SPDX-License-Identifier: GPL-2.0-only
# Common flags for the freestanding aarch64 firmware (monitor/, rmm-firmware/).
# Included by their Makefiles, which run inside the tool root.

TOP		?= $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)
CROSS_COMPILE	?= aarch64-linux-gnu-
FW_CC		:= $(CROSS_COMPILE)gcc-14
FW_OBJCOPY	:= $(CROSS_COMPILE)objcopy
FW_GCC_INC	:= $(shell $(FW_CC) -print-file-name=include)

# -mgeneral-regs-only: firmware never touches FP/SIMD, so the lower ELs'
# FP state survives a world switch without being saved.
FW_WARNINGS	:= -Wall -Wextra -Werror -Wundef -Wshadow -Wstrict-prototypes \
		   -Wmissing-prototypes -Wwrite-strings -Wvla
FW_CFLAGS	:= -std=gnu11 -O2 -g -ffreestanding -fno-builtin -nostdinc \
		   -isystem $(FW_GCC_INC) -mgeneral-regs-only -mstrict-align \
		   -fno-pic -fno-pie -fno-stack-protector -fno-common \
		   -ffunction-sections -fdata-sections -mbranch-protection=none \
		   $(FW_WARNINGS) -I$(TOP)/include -MMD -MP
FW_ASFLAGS	:= -D__ASSEMBLY__ $(FW_CFLAGS)
FW_LDFLAGS	:= -nostdlib -static -no-pie -Wl,--gc-sections -Wl,--build-id=none \
		   -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments
