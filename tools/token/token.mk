# SPDX-License-Identifier: GPL-2.0-only
#
# Host build rules for cca-token-verify and its library, shared by
# tools/token/Makefile and fwlib/tests/Makefile.  Needs TOP, O, BEARSSL_DIR.
# Gives $(TOKEN_LIB_OBJS) (everything but main.o) and $(O)/cca-token-verify.

TOKEN_DIR	:= $(TOP)/tools/token
TOKEN_O		:= $(O)/token-build
TOKEN_CC	?= gcc
TOKEN_WARNINGS	:= -Wall -Wextra -Werror -Wundef -Wshadow -Wstrict-prototypes \
		   -Wmissing-prototypes -Wwrite-strings -Wvla
TOKEN_CFLAGS	?= -std=gnu11 -O2 -g
TOKEN_CFLAGS	+= $(TOKEN_WARNINGS) -I$(TOKEN_DIR) -I$(TOP)/fwlib/cbor \
		   -I$(TOP)/fwlib/attest -isystem $(BEARSSL_DIR)/inc -MMD -MP
TOKEN_LDFLAGS	?=

TOKEN_BEARSSL_SRCS := hash/sha2small.c hash/sha2big.c \
	codec/dec32be.c codec/enc32be.c codec/dec64be.c codec/enc64be.c \
	ec/ec_prime_i31.c ec/ec_secp256r1.c ec/ec_secp384r1.c ec/ec_secp521r1.c \
	ec/ec_pubkey.c ec/ec_keygen.c ec/ecdsa_i31_bits.c ec/ecdsa_i31_sign_raw.c \
	ec/ecdsa_i31_vrfy_raw.c rand/hmac_drbg.c mac/hmac.c codec/ccopy.c \
	int/i32_div32.c \
	$(patsubst $(BEARSSL_DIR)/src/%,%,$(wildcard $(BEARSSL_DIR)/src/int/i31_*.c))

TOKEN_LIB_OBJS	:= \
	$(patsubst $(TOP)/%.c,$(TOKEN_O)/%.o,$(wildcard $(TOP)/fwlib/cbor/*.c) \
		$(wildcard $(TOP)/fwlib/attest/*.c) \
		$(filter-out $(TOKEN_DIR)/main.c,$(wildcard $(TOKEN_DIR)/*.c))) \
	$(TOKEN_BEARSSL_SRCS:%.c=$(TOKEN_O)/bearssl/%.o)

$(O)/cca-token-verify: $(TOKEN_O)/tools/token/main.o $(TOKEN_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(TOKEN_CC) $(TOKEN_LDFLAGS) -o $@ $^

$(TOKEN_O)/%.o: $(TOP)/%.c
	@mkdir -p $(dir $@)
	$(TOKEN_CC) $(TOKEN_CFLAGS) -c -o $@ $<

# Third-party: -Wall -Wextra -Werror only.
$(TOKEN_O)/bearssl/%.o: $(BEARSSL_DIR)/src/%.c
	@mkdir -p $(dir $@)
	$(TOKEN_CC) $(filter-out $(TOKEN_WARNINGS),$(TOKEN_CFLAGS)) -Wall -Wextra -Werror \
		-isystem $(BEARSSL_DIR)/src -c -o $@ $<

-include $(patsubst %.o,%.d,$(TOKEN_LIB_OBJS) $(TOKEN_O)/tools/token/main.o)
