/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RSI_ATTESTATION_TOKEN_INIT / _CONTINUE (<rmm/attest.h>) with a TEST RAK
 * and a fake EL3 that signs its own platform token with a TEST CPAK: the
 * token the realm reads out is checked with tools/token's verifier
 * (signatures, binding, claims, the realm's challenge and RIM), chunked
 * in many ways, restarted by INIT, and every error path.
 */
#include <string.h>
#include <abi/rmm-el3.h>
#include <abi/rsi.h>
#include <rmm/attest.h>
#include <rmm/rsi-handlers.h>
#include "realm-fake.h"

#include <bearssl_ec.h>
#include "attest_defs.h"
#include "cbor_enc.h"
#include "cca_token.h"
#include "cose_sign1.h"
#include "plat_claims.h"
#include "realm_claims.h"
#include "token.h"

#define BUF_IPA		RAM_DATA1		/* ASSIGNED RAM */
#define TOKEN_CAP	(2 * ATTEST_TOKEN_MAX_SIZE)

static struct run_realm rr;

/* TEST keys: any scalar below the P-384 order will do. */
static uint8_t rak_scalar[48];
static uint8_t cpak_scalar[48];
static uint8_t cpak_point[97];
static br_ec_private_key cpak_sk = { BR_EC_secp384r1, cpak_scalar, sizeof(cpak_scalar) };
static size_t plat_pad;			/* extra config bytes: token size control */

static int fake_plat_token(const uint8_t *challenge, size_t c_size, uint8_t *out,
			   size_t cap, size_t *len)
{
	static const uint8_t zero32[32];
	static uint8_t impl_id[32], inst_id[33], config[HOST_PLAT_TOKEN_MAX], claims[2 * HOST_PLAT_TOKEN_MAX];
	struct plat_sw_component sw = {
		.type = "RMM", .measurement = zero32, .measurement_len = 32,
		.signer_id = zero32, .signer_id_len = 32, .hash_alg = ATTEST_HASH_SHA256,
	};
	struct plat_claims pc = {
		.challenge = challenge, .challenge_len = c_size, .impl_id = impl_id,
		.instance_id = inst_id, .config = config, .config_len = 4 + plat_pad,
		.lifecycle = 0x1000, .sw = &sw, .num_sw = 1, .hash_alg = ATTEST_HASH_SHA256,
	};
	struct cbor_enc e;
	size_t n;

	memset(impl_id, 0x11, sizeof(impl_id));
	memset(inst_id, 0x22, sizeof(inst_id));
	inst_id[0] = PLAT_UEID_TYPE_RAND;
	memset(config, 'T', sizeof(config));
	cbor_enc_init(&e, claims, sizeof(claims));
	if (plat_claims_encode(&e, &pc) || cbor_enc_finish(&e, &n))
		return -1;
	return cose_sign1_es384_sign(out, cap, len, claims, n, &cpak_sk) == COSE_OK ? 0 : -1;
}

static void keys_init(void)
{
	uint8_t kbuf[BR_EC_KBUF_PUB_MAX_SIZE];
	br_ec_public_key pk;

	for (unsigned int i = 0; i < 48; i++) {
		rak_scalar[i] = (uint8_t)(0x20 + i);
		cpak_scalar[i] = (uint8_t)(0x70 - i);
	}
	assert_int_equal(br_ec_compute_pub(&br_ec_prime_i31, &pk, kbuf, &cpak_sk), 97);
	memcpy(cpak_point, pk.q, 97);
}

static int setup(void **state)
{
	test_setup(state);
	keys_init();
	plat_pad = 0;
	host_attest_set_rak(rak_scalar, sizeof(rak_scalar));
	host_attest_set_plat_token_fn(fake_plat_token);
	assert_int_equal(attest_init(), E_RMM_OK);
	run_realm_setup(&rr);
	return 0;
}

static struct rmi_rec_exit *ex(void)
{
	return &run_page(&rr)->exit;
}

static uint8_t *ipa_va(uint64_t ipa)
{
	struct realm_mem m;
	uint8_t *va;

	assert_int_equal(realm_mem_map(&test_rd(&rr.r)->s2, ipa, &m), REALM_MEM_OK);
	va = m.va;
	realm_mem_unmap(&m);
	return va;
}

/* One RSI call by REC 0; returns x0, *x1 gets x1. */
static uint64_t rsi_call(struct fake_step *s, uint64_t *x1)
{
	assert_int_equal(rec_enter(&rr, rr.rec0), RMI_SUCCESS);
	(void)s;
	assert_int_equal(ex()->exit_reason, RMI_EXIT_IRQ);	/* the next step: IRQ */
	assert_int_equal(fake_seen[1].pc, fake_seen[0].pc + 4);
	assert_no_locks();
	if (x1 != NULL)
		*x1 = fake_seen[1].gprs[1];
	return fake_seen[1].gprs[0];
}

static uint64_t token_init(const uint8_t challenge[64], uint64_t *bound)
{
	struct fake_step *s;

	fake_reset();
	s = fake_smc(RSI_ATTESTATION_TOKEN_INIT, 0, 0, 0, 0);
	memcpy(&s->gprs[1], challenge, 64);
	s->nset = 9;
	return rsi_call(s, bound);
}

static uint64_t token_continue(uint64_t ipa, uint64_t offset, uint64_t size, uint64_t *len)
{
	fake_reset();
	return rsi_call(fake_smc(RSI_ATTESTATION_TOKEN_CONTINUE, ipa, offset, size, 0), len);
}

static void challenge_fill(uint8_t c[64], uint8_t seed)
{
	for (unsigned int i = 0; i < 64; i++)
		c[i] = (uint8_t)(seed + 3 * i);
}

/*
 * Read the token out like the Linux driver: per granule, offset 0 and
 * size = 4096 - offset until the granule is full or SUCCESS.  Returns the
 * token length; *calls counts CONTINUEs.
 */
static size_t read_linux_style(uint8_t *tok, size_t cap, unsigned int *calls)
{
	size_t total = 0;
	uint64_t ret, len;

	*calls = 0;
	do {
		size_t off = 0;

		do {
			ret = token_continue(BUF_IPA, off, GRANULE_SIZE - off, &len);
			(*calls)++;
			assert_true(ret == RSI_SUCCESS || ret == RSI_INCOMPLETE);
			off += len;
		} while (ret == RSI_INCOMPLETE && off < GRANULE_SIZE);
		assert_true(total + off <= cap);
		memcpy(tok + total, ipa_va(BUF_IPA), off);
		total += off;
	} while (ret == RSI_INCOMPLETE);
	return total;
}

static void verify(const uint8_t *tok, size_t len, const uint8_t challenge[64],
		   unsigned int algo, struct cca_token *t)
{
	const uint8_t *rim = test_rd(&rr.r)->measurements[MEASURE_RIM_SLOT];
	struct verify_opts o = {
		.cpak = cpak_point, .cpak_len = sizeof(cpak_point), .challenge = challenge,
		.rim = rim, .rim_len = measure_hash_size(algo),
	};
	char msg[256] = "";

	if (cca_token_verify(tok, len, &o, t, msg, sizeof(msg)) != 0)
		fail_msg("token does not verify: %s", msg);
	assert_true(t->plat_sig_checked);
}

/* ---------------------------------------------------------------- tests */

static void full_token_verifies(void **state)
{
	static uint8_t tok[TOKEN_CAP], again[TOKEN_CAP];
	uint8_t challenge[64], binding[32];
	uint64_t bound;
	unsigned int calls;
	struct cca_token t;
	size_t len, rak_len, n;
	const uint8_t *rak;

	(void)state;
	challenge_fill(challenge, 1);
	assert_int_equal(token_init(challenge, &bound), RSI_SUCCESS);
	assert_int_equal(bound, ATTEST_TOKEN_MAX_SIZE);
	len = read_linux_style(tok, sizeof(tok), &calls);
	assert_true(len <= bound);
	/* SIGN is a step of its own (an empty INCOMPLETE); PLAT copies at once. */
	assert_int_equal(calls, 1 + (len + GRANULE_SIZE - 1) / GRANULE_SIZE);
	verify(tok, len, challenge, RMI_HASH_SHA_256, &t);

	/* The realm claims. */
	assert_true(text_eq(&t.realm.profile, REALM_PROFILE_1_0));
	assert_true(text_eq(&t.realm.meas_alg, "sha-256"));
	assert_true(text_eq(&t.realm.rak_alg, "sha-256"));
	assert_int_equal(t.realm.rpv.len, 64);
	assert_memory_equal(t.realm.rpv.p, test_rd(&rr.r)->rpv, 64);
	assert_int_equal(t.realm.num_rems, 4);
	for (unsigned int i = 0; i < 4; i++)
		assert_memory_equal(t.realm.rem[i].p, test_rd(&rr.r)->measurements[1 + i], 32);
	rak = attest_rak_cose_key(&rak_len);
	assert_int_equal(rak_len, 107);
	assert_int_equal(t.realm.rak.len, 107);
	assert_memory_equal(t.realm.rak.p, rak, 107);

	/* The binding: EL3 got SHA-256(COSE_Key) as a 32-byte challenge. */
	realm_rak_binding_sha256(rak, rak_len, binding);
	assert_int_equal(host_attest_log()->c_size, 32);
	assert_memory_equal(host_attest_log()->challenge, binding, 32);
	assert_int_equal(t.plat.challenge.len, 32);
	assert_memory_equal(t.plat.challenge.p, binding, 32);
	assert_memory_equal(attest_rak_binding(), binding, 32);

	/* The framing is exactly fwlib's collection encoder's. */
	assert_int_equal(cca_token_encode(again, sizeof(again), &n, t.plat_raw.p, t.plat_raw.len,
					  t.realm_raw.p, t.realm_raw.len), 0);
	assert_int_equal(n, len);
	assert_memory_equal(again, tok, len);

	/* Done: no generation in progress. */
	assert_int_equal(token_continue(BUF_IPA, 0, GRANULE_SIZE, NULL), RSI_ERROR_STATE);
	/* Deterministic signatures: the same challenge gives the same token. */
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	assert_int_equal(read_linux_style(again, sizeof(again), &calls), len);
	assert_memory_equal(again, tok, len);
}

/* A reference token for @challenge, read in one go. */
static size_t reference(const uint8_t challenge[64], uint8_t *tok)
{
	unsigned int calls;

	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	return read_linux_style(tok, TOKEN_CAP, &calls);
}

static void chunked_continue(void **state)
{
	static uint8_t ref[TOKEN_CAP];
	static const struct { uint64_t off, size; } pat[] = {
		{ 0, 1 }, { 4095, 1 }, { 5, 7 }, { 100, 333 }, { 0, 0 }, { 4000, 96 },
		{ 17, 1000 }, { 0, 4096 },
	};
	uint8_t challenge[64];
	size_t len, got = 0;
	unsigned int i = 0, calls = 0;
	uint64_t ret, n;

	(void)state;
	challenge_fill(challenge, 9);
	len = reference(challenge, ref);
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	do {
		uint64_t off = pat[i % (sizeof(pat) / sizeof(pat[0]))].off, size = pat[i % (sizeof(pat) / sizeof(pat[0]))].size;

		memset(ipa_va(BUF_IPA), 0xEE, GRANULE_SIZE);
		ret = token_continue(BUF_IPA, off, size, &n);
		calls++;
		if (calls <= 2) {
			/* SIGN, PLAT(+copy) */
			assert_int_equal(ret, RSI_INCOMPLETE);
			if (calls == 1)
				assert_int_equal(n, 0);
		}
		assert_true(n <= size);
		assert_memory_equal(ipa_va(BUF_IPA) + off, ref + got, n);
		/* Nothing outside [off, off + n) is touched. */
		for (uint64_t b = 0; b < GRANULE_SIZE; b++)
			if (b < off || b >= off + n)
				assert_int_equal(ipa_va(BUF_IPA)[b], 0xEE);
		if (size == 0)
			assert_int_equal(n, 0);
		got += n;
		if (ret == RSI_INCOMPLETE && calls > 2 && size != 0)
			assert_int_equal(n, size);	/* full chunks until the end */
		i++;
	} while (ret == RSI_INCOMPLETE);
	assert_int_equal(ret, RSI_SUCCESS);
	assert_int_equal(got, len);
	assert_int_equal(token_continue(BUF_IPA, 0, 1, NULL), RSI_ERROR_STATE);
}

/* The last chunk ends the token exactly: SUCCESS with it, not after. */
static void exact_end_is_success(void **state)
{
	static uint8_t ref[TOKEN_CAP];
	uint8_t challenge[64];
	uint64_t n;
	size_t len;

	(void)state;
	challenge_fill(challenge, 2);
	len = reference(challenge, ref);
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	assert_int_equal(token_continue(BUF_IPA, 0, 0, &n), RSI_INCOMPLETE);	/* SIGN */
	assert_int_equal(token_continue(BUF_IPA, 0, 10, &n), RSI_INCOMPLETE);	/* PLAT */
	assert_int_equal(n, 10);
	assert_int_equal(token_continue(BUF_IPA, 0, len - 10, &n), RSI_SUCCESS);
	assert_int_equal(n, len - 10);
	assert_memory_equal(ipa_va(BUF_IPA), ref + 10, len - 10);
}

static void init_restarts(void **state)
{
	static uint8_t ref[TOKEN_CAP], tok[TOKEN_CAP];
	uint8_t c1[64], c2[64];
	unsigned int calls;
	struct cca_token t;
	uint64_t n;
	size_t len;

	(void)state;
	challenge_fill(c1, 40);
	challenge_fill(c2, 77);
	len = reference(c2, ref);

	/* Restart in the middle of the copy. */
	assert_int_equal(token_init(c1, NULL), RSI_SUCCESS);
	assert_int_equal(token_continue(BUF_IPA, 0, 0, &n), RSI_INCOMPLETE);
	assert_int_equal(token_continue(BUF_IPA, 0, 100, &n), RSI_INCOMPLETE);
	assert_int_equal(n, 100);
	assert_int_equal(token_init(c2, NULL), RSI_SUCCESS);
	assert_int_equal(read_linux_style(tok, sizeof(tok), &calls), len);
	assert_int_equal(calls, 1 + (len + GRANULE_SIZE - 1) / GRANULE_SIZE);
	assert_memory_equal(tok, ref, len);
	verify(tok, len, c2, RMI_HASH_SHA_256, &t);

	/* Restart after SIGN, before PLAT. */
	assert_int_equal(token_init(c1, NULL), RSI_SUCCESS);
	assert_int_equal(token_continue(BUF_IPA, 0, 0, &n), RSI_INCOMPLETE);
	assert_int_equal(token_init(c2, NULL), RSI_SUCCESS);
	assert_int_equal(read_linux_style(tok, sizeof(tok), &calls), len);
	assert_memory_equal(tok, ref, len);
}

/* The measurements are those of the INIT; a new INIT takes new ones. */
static void measurements_at_init(void **state)
{
	static uint8_t tok[TOKEN_CAP];
	uint8_t challenge[64], rem1[MEASURE_SIZE];
	unsigned int calls;
	struct cca_token t;
	struct fake_step *s;
	size_t len;

	(void)state;
	challenge_fill(challenge, 5);
	memcpy(rem1, test_rd(&rr.r)->measurements[1], sizeof(rem1));
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	fake_reset();
	s = fake_smc(RSI_MEASUREMENT_EXTEND, 1, 8, 0x1234, 0);
	assert_int_equal(rsi_call(s, NULL), RSI_SUCCESS);
	assert_memory_not_equal(test_rd(&rr.r)->measurements[1], rem1, 32);

	len = read_linux_style(tok, sizeof(tok), &calls);
	verify(tok, len, challenge, RMI_HASH_SHA_256, &t);
	assert_memory_equal(t.realm.rem[0].p, rem1, 32);

	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	len = read_linux_style(tok, sizeof(tok), &calls);
	verify(tok, len, challenge, RMI_HASH_SHA_256, &t);
	assert_memory_equal(t.realm.rem[0].p, test_rd(&rr.r)->measurements[1], 32);
}

static void continue_input_errors(void **state)
{
	uint8_t challenge[64];
	uint64_t n = 99;

	(void)state;
	/* INPUT before STATE: no INIT yet. */
	assert_int_equal(token_continue(BUF_IPA + 8, 0, 1, NULL), RSI_ERROR_INPUT);
	assert_int_equal(token_continue(BUF_IPA, 0, 1, NULL), RSI_ERROR_STATE);

	challenge_fill(challenge, 3);
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	assert_int_equal(token_continue(BUF_IPA + 8, 0, 1, NULL), RSI_ERROR_INPUT);
	assert_int_equal(token_continue(BUF_IPA + GRANULE_SIZE / 2, 0, 1, NULL),
			 RSI_ERROR_INPUT);
	assert_int_equal(token_continue(IPA_UNPROT, 0, 1, NULL), RSI_ERROR_INPUT);
	assert_int_equal(token_continue(IPA_UNPROT + GRANULE_SIZE, 0, 1, NULL), RSI_ERROR_INPUT);
	assert_int_equal(token_continue(IPA_EMPTY, 0, 1, NULL), RSI_ERROR_INPUT);
	assert_int_equal(token_continue(BUF_IPA, GRANULE_SIZE, 0, NULL), RSI_ERROR_INPUT);
	assert_int_equal(token_continue(BUF_IPA, 4000, 97, NULL), RSI_ERROR_INPUT);
	assert_int_equal(token_continue(BUF_IPA, 0, GRANULE_SIZE + 1, NULL), RSI_ERROR_INPUT);
	assert_int_equal(token_continue(BUF_IPA, 8, UINT64_MAX - 4, NULL), RSI_ERROR_INPUT);
	assert_int_equal(token_continue(BUF_IPA, 8, UINT64_MAX, NULL), RSI_ERROR_INPUT);
	/* None of that disturbed the generation. */
	assert_int_equal(token_continue(BUF_IPA, 0, 0, &n), RSI_INCOMPLETE);
	assert_int_equal(n, 0);
	assert_int_equal(test_rec(rr.rec0)->attest.state, ATTEST_PLAT);
}

/* RIPAS RAM without a DATA granule: a stage-2 abort to the host, the SMC re-runs. */
static void unbacked_buffer_faults_to_host(void **state)
{
	uint8_t challenge[64];
	struct rec *rec = test_rec(rr.rec0);
	uint64_t pc;

	(void)state;
	challenge_fill(challenge, 4);
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	pc = rec->pc;
	fake_reset();
	fake_smc(RSI_ATTESTATION_TOKEN_CONTINUE, RAM_UNMAPPED, 0, GRANULE_SIZE, 0);
	assert_int_equal(rec_enter(&rr, rr.rec0), RMI_SUCCESS);
	assert_int_equal(ex()->exit_reason, RMI_EXIT_SYNC);
	assert_int_equal(ESR_EC(ex()->esr), ESR_EC_DABT_LOW);
	assert_int_equal(hpfar_to_ipa(ex()->hpfar, 0), RAM_UNMAPPED);
	assert_int_equal(rec->pc, pc);			/* the SMC again */
	assert_int_equal(rec->attest.state, ATTEST_SIGN);
	assert_int_equal(host_attest_log()->token_calls, 0);
	assert_no_locks();
}

static void el3_failures(void **state)
{
	static uint8_t ref[TOKEN_CAP], tok[TOKEN_CAP];
	uint8_t challenge[64];
	unsigned int calls, before;
	struct cca_token t;
	size_t len;
	uint64_t n;

	(void)state;
	challenge_fill(challenge, 6);
	len = reference(challenge, ref);

	/* EL3 fails the platform token: UNKNOWN, and the generation is over. */
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	assert_int_equal(token_continue(BUF_IPA, 0, 0, &n), RSI_INCOMPLETE);
	host_attest_fail(E_RMM_UNK, 1);
	assert_int_equal(token_continue(BUF_IPA, 0, GRANULE_SIZE, &n), RSI_ERROR_UNKNOWN);
	assert_int_equal(token_continue(BUF_IPA, 0, GRANULE_SIZE, &n), RSI_ERROR_STATE);

	/* E_RMM_AGAIN is retried. */
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	host_attest_fail(E_RMM_AGAIN, 3);
	assert_int_equal(read_linux_style(tok, sizeof(tok), &calls), len);
	assert_memory_equal(tok, ref, len);

	/* ... but not for ever. */
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	assert_int_equal(token_continue(BUF_IPA, 0, 0, &n), RSI_INCOMPLETE);
	host_attest_fail(E_RMM_AGAIN, ATTEST_EL3_AGAIN_MAX);
	assert_int_equal(token_continue(BUF_IPA, 0, GRANULE_SIZE, &n), RSI_ERROR_UNKNOWN);
	host_attest_fail(E_RMM_OK, 0);

	/* Small hunks: many EL3 calls, the same token. */
	host_attest_set_hunk(100);
	before = host_attest_log()->token_calls;
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	assert_int_equal(read_linux_style(tok, sizeof(tok), &calls), len);
	assert_memory_equal(tok, ref, len);
	verify(tok, len, challenge, RMI_HASH_SHA_256, &t);
	assert_int_equal(host_attest_log()->token_calls - before, (t.plat_raw.len + 99) / 100);
	host_attest_set_hunk(0);

	/* EL3 cannot build a token at all. */
	host_attest_set_plat_token_fn(NULL);
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	assert_int_equal(token_continue(BUF_IPA, 0, 0, &n), RSI_INCOMPLETE);
	assert_int_equal(token_continue(BUF_IPA, 0, GRANULE_SIZE, &n), RSI_ERROR_UNKNOWN);
}

static void plat_token_size_limits(void **state)
{
	static uint8_t tok[TOKEN_CAP];
	uint8_t challenge[64];
	unsigned int calls;
	struct cca_token t;
	uint64_t n, bound;
	size_t len = 0;

	(void)state;
	challenge_fill(challenge, 8);
	/* Grow the platform token to exactly one granule: accepted. */
	for (plat_pad = 3000; plat_pad < 4096; plat_pad++) {
		uint8_t probe[HOST_PLAT_TOKEN_MAX];

		assert_int_equal(fake_plat_token(challenge, 32, probe, sizeof(probe), &len), 0);
		if (len >= ATTEST_PLAT_TOKEN_MAX)
			break;
	}
	assert_int_equal(len, ATTEST_PLAT_TOKEN_MAX);
	assert_int_equal(token_init(challenge, &bound), RSI_SUCCESS);
	len = read_linux_style(tok, sizeof(tok), &calls);
	verify(tok, len, challenge, RMI_HASH_SHA_256, &t);
	assert_int_equal(t.plat_raw.len, ATTEST_PLAT_TOKEN_MAX);
	assert_true(len <= bound);
	assert_true(len > GRANULE_SIZE);			/* two granules */

	/* One byte more: refused. */
	plat_pad++;
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	assert_int_equal(token_continue(BUF_IPA, 0, 0, &n), RSI_INCOMPLETE);
	assert_int_equal(token_continue(BUF_IPA, 0, GRANULE_SIZE, &n), RSI_ERROR_UNKNOWN);
}

static void no_rak(void **state)
{
	uint8_t challenge[64], zero[48] = { 0 }, big[48];
	uint64_t n, bound;

	(void)state;
	/* EL3 gives no key. */
	host_attest_set_rak(NULL, 0);
	assert_int_equal(attest_init(), E_RMM_UNK);
	assert_false(attest_ready());
	challenge_fill(challenge, 7);
	assert_int_equal(token_init(challenge, &bound), RSI_SUCCESS);
	assert_int_equal(bound, ATTEST_TOKEN_MAX_SIZE);
	assert_int_equal(token_continue(BUF_IPA, 0, GRANULE_SIZE, &n), RSI_ERROR_UNKNOWN);
	assert_int_equal(token_continue(BUF_IPA, 0, GRANULE_SIZE, &n), RSI_ERROR_STATE);
	assert_int_equal(host_attest_log()->token_calls, 0);

	/* Invalid scalars: zero, not below the order, wrong length. */
	host_attest_set_rak(zero, sizeof(zero));
	assert_int_equal(attest_init(), E_RMM_INVAL);
	memset(big, 0xFF, sizeof(big));
	host_attest_set_rak(big, sizeof(big));
	assert_int_equal(attest_init(), E_RMM_INVAL);
	host_attest_set_rak(rak_scalar, 32);
	assert_int_equal(attest_init(), E_RMM_INVAL);
	assert_false(attest_ready());
	/* The order itself, and order - 1 (valid). */
	{
		size_t olen;
		const uint8_t *order = br_ec_prime_i31.order(BR_EC_secp384r1, &olen);
		uint8_t x[48];

		memcpy(x, order, sizeof(x));
		host_attest_set_rak(x, sizeof(x));
		assert_int_equal(attest_init(), E_RMM_INVAL);
		x[47]--;
		host_attest_set_rak(x, sizeof(x));
		assert_int_equal(attest_init(), E_RMM_OK);
	}
	/* And back. */
	host_attest_set_rak(rak_scalar, sizeof(rak_scalar));
	assert_int_equal(attest_init(), E_RMM_OK);
	assert_true(attest_ready());
	assert_int_equal(host_attest_log()->key_calls, 8);	/* setup's + 7 */
}

/* A SHA-512 realm: 64-byte RIM/REMs and "sha-512". */
static void sha512_realm(void **state)
{
	static uint8_t tok[TOKEN_CAP];
	uint8_t challenge[64];
	unsigned int calls;
	struct cca_token t;
	size_t len;

	(void)state;
	/* A second realm, SHA-512, on the same fake platform. */
	test_setup(state);
	host_attest_set_rak(rak_scalar, sizeof(rak_scalar));
	host_attest_set_plat_token_fn(fake_plat_token);
	assert_int_equal(attest_init(), E_RMM_OK);
	memset(&rr, 0, sizeof(rr));
	test_vector_chain(&rr.r, RMI_HASH_SHA_512, "rec");
	for (uint64_t pa = HOST_DRAM_BASE; pa < HOST_DRAM_BASE + HOST_DRAM_SIZE; pa += GRANULE_SIZE)
		if (granule_state_at(pa) == GRANULE_STATE_REC)
			rr.rec0 = pa;
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, rr.r.rd).x[0], RMI_SUCCESS);
	rr.run = alloc_granule();

	challenge_fill(challenge, 12);
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	len = read_linux_style(tok, sizeof(tok), &calls);
	verify(tok, len, challenge, RMI_HASH_SHA_512, &t);
	assert_true(text_eq(&t.realm.meas_alg, "sha-512"));
	assert_int_equal(t.realm.rim.len, 64);
	assert_int_equal(t.realm.rem[3].len, 64);
	assert_true(len <= ATTEST_TOKEN_MAX_SIZE);
}

/* The state is the REC's: REC 1 has nothing in progress when REC 0 has. */
static void state_is_per_rec(void **state)
{
	uint8_t challenge[64];

	(void)state;
	challenge_fill(challenge, 13);
	assert_int_equal(token_init(challenge, NULL), RSI_SUCCESS);
	assert_int_equal(test_rec(rr.rec0)->attest.state, ATTEST_SIGN);
	assert_int_equal(test_rec(rr.rec1)->attest.state, ATTEST_NONE);
	/* REC_DESTROY wipes the aux granules holding the challenge. */
	assert_int_equal(RMI1(RMI_REC_DESTROY, rr.rec0).x[0], RMI_SUCCESS);
	assert_int_equal(granule_state_at(rr.rec0), GRANULE_STATE_DELEGATED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(full_token_verifies, setup),
		cmocka_unit_test_setup(chunked_continue, setup),
		cmocka_unit_test_setup(exact_end_is_success, setup),
		cmocka_unit_test_setup(init_restarts, setup),
		cmocka_unit_test_setup(measurements_at_init, setup),
		cmocka_unit_test_setup(continue_input_errors, setup),
		cmocka_unit_test_setup(unbacked_buffer_faults_to_host, setup),
		cmocka_unit_test_setup(el3_failures, setup),
		cmocka_unit_test_setup(plat_token_size_limits, setup),
		cmocka_unit_test_setup(no_rak, setup),
		cmocka_unit_test_setup(sha512_realm, setup),
		cmocka_unit_test_setup(state_is_per_rec, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
