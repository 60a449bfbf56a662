/* Tokens and JSON that broke other libraries (DESIGN.md "Known pitfalls"), every other error of
 * the token functions, NULL for every pointer, buffers one byte too small, and round trips.
 * Failing calls must leave every output untouched. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define SENTINEL 0xA5
#define LEN_SENTINEL ((size_t)0xDEADBEEF)
#define NOW 1700000000

enum { ROOM = 4096 };

static sigmint_key key;
static char token[ROOM];
static uint8_t scratch[ROOM];
static char claims[ROOM];
static size_t claims_len;

/* A validation of PyJWT's defaults at NOW. */
static sigmint_jwt_validation defaults(void) {
    sigmint_jwt_validation v;
    memset(&v, 0, sizeof v);
    v.now = NOW;
    return v;
}

static sigmint_str str(const char *text) {
    sigmint_str s;
    s.ptr = text;
    s.len = strlen(text);
    return s;
}

/* sigmint_jwt_verify of tok with key and v; on failure, checks claims and claims_len were left
 * alone (but for claims_len on BUFFER_TOO_SMALL). */
static sigmint_result verify_with(const char *tok, size_t len, const sigmint_jwt_validation *v) {
    sigmint_result result;
    memset(claims, SENTINEL, sizeof claims);
    claims_len = LEN_SENTINEL;
    result = sigmint_jwt_verify(&key, tok, len, v, scratch, sizeof scratch, claims, sizeof claims,
                                &claims_len);
    if (result != SIGMINT_RESULT_OK) {
        CHECK(all_bytes(claims, sizeof claims, SENTINEL));
        if (result != SIGMINT_RESULT_BUFFER_TOO_SMALL) {
            CHECK(claims_len == LEN_SENTINEL);
        }
    }
    return result;
}

static sigmint_result verify(const char *tok, const sigmint_jwt_validation *v) {
    return verify_with(tok, strlen(tok), v);
}

static sigmint_result verify_now(const char *tok) {
    sigmint_jwt_validation v = defaults();
    return verify(tok, &v);
}

/* sigmint_jws_verify_hs256 of tok, checking that a failure wrote nothing. */
static sigmint_result jws_verify(const char *tok, size_t len) {
    static uint8_t payload[ROOM];
    size_t payload_len = LEN_SENTINEL;
    sigmint_result result;
    memset(payload, SENTINEL, sizeof payload);
    result = sigmint_jws_verify_hs256(&key, tok, len, payload, sizeof payload, &payload_len);
    if (result != SIGMINT_RESULT_OK) {
        CHECK(all_bytes(payload, sizeof payload, SENTINEL) && payload_len == LEN_SENTINEL);
    }
    return result;
}

/* sigmint_jwt_dangerous_decode_unverified of tok, into claims. */
static sigmint_result unverified(const char *tok, size_t len) {
    memset(claims, SENTINEL, sizeof claims);
    claims_len = LEN_SENTINEL;
    return sigmint_jwt_dangerous_decode_unverified(tok, len, scratch, sizeof scratch, claims,
                                                   sizeof claims, &claims_len);
}

/* Mints claims_json with key into token (NUL-terminated) and returns it. */
static const char *mint(const char *claims_json) {
    size_t len = 0;
    if (!CHECK_RESULT(sigmint_jwt_encode_json(&key, claims_json, strlen(claims_json), token,
                                              sizeof token - 1, &len),
                      SIGMINT_RESULT_OK)) {
        fprintf(stderr, "    minting %s\n", claims_json);
        len = 0;
    }
    token[len] = '\0';
    return token;
}

/* A token with any header and payload, signed with key by hand. */
static const char *forged(const char *header, const char *payload) {
    forge(&key, header, payload, strlen(payload), token);
    return token;
}

static void test_results(void) {
    CHECK(SIGMINT_RESULT_TOKEN_TOO_LARGE == 10 && SIGMINT_RESULT_MALFORMED_TOKEN == 11 &&
          SIGMINT_RESULT_INVALID_JSON == 12 && SIGMINT_RESULT_JSON_TOO_DEEP == 13 &&
          SIGMINT_RESULT_DUPLICATE_KEY == 14 && SIGMINT_RESULT_INVALID_HEADER == 15 &&
          SIGMINT_RESULT_UNSUPPORTED_ALGORITHM == 16 &&
          SIGMINT_RESULT_ALGORITHM_NOT_ALLOWED == 17 &&
          SIGMINT_RESULT_UNKNOWN_CRITICAL == 18 && SIGMINT_RESULT_EXPIRED == 19 &&
          SIGMINT_RESULT_NOT_YET_VALID == 20 && SIGMINT_RESULT_ISSUED_IN_FUTURE == 21 &&
          SIGMINT_RESULT_INVALID_AUDIENCE == 22 && SIGMINT_RESULT_INVALID_ISSUER == 23 &&
          SIGMINT_RESULT_MISSING_CLAIM == 24 && SIGMINT_RESULT_INVALID_CLAIM_TYPE == 25 &&
          SIGMINT_RESULT_INTEGER_OVERFLOW == 26 && SIGMINT_RESULT_WRONG_TOKEN_TYPE == 27 &&
          SIGMINT_RESULT_LIST_TOO_LONG == 34);
    CHECK(strcmp(sigmint_result_str(SIGMINT_RESULT_EXPIRED), "token has expired (exp)") == 0);
    CHECK(sizeof(sigmint_str) == 2 * sizeof(size_t));
}

/* alg none, with and without the trailing dot, in any spelling, signed or not. */
static void test_alg_none(void) {
    static const char *const spellings[] = {"none", "None", "NONE", "nOnE"};
    static const char payload[] = "{\"sub\":\"admin\"}";
    char header[64], header_json[64];
    size_t i, len, header_len = 0;
    sigmint_jwt_validation v = defaults();

    for (i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        snprintf(header, sizeof header, "{\"alg\":\"%s\",\"typ\":\"JWT\"}", spellings[i]);
        len = forge(NULL, header, payload, strlen(payload), token); /* "h.p." */
        CHECK(token[len - 1] == '.');
        CHECK_RESULT(verify_with(token, len, &v), SIGMINT_RESULT_UNSUPPORTED_ALGORITHM);
        CHECK_RESULT(jws_verify(token, len), SIGMINT_RESULT_UNSUPPORTED_ALGORITHM);
        /* Without the trailing dot it is two segments: not a JWS at all. */
        CHECK_RESULT(verify_with(token, len - 1, &v), SIGMINT_RESULT_MALFORMED_TOKEN);
        CHECK_RESULT(jws_verify(token, len - 1), SIGMINT_RESULT_MALFORMED_TOKEN);
        /* A real HMAC under a none header changes nothing. */
        forged(header, payload);
        CHECK_RESULT(verify_now(token), SIGMINT_RESULT_UNSUPPORTED_ALGORITHM);
    }
    /* The unverified header read shows it, for logging. */
    len = forge(NULL, "{\"alg\":\"none\"}", payload, strlen(payload), token);
    CHECK_RESULT(sigmint_jws_dangerous_header(token, len, header_json, sizeof header_json,
                                              &header_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(header_json, header_len, "{\"alg\":\"none\"}");
    /* Minting refuses it. */
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, "{\"alg\":\"none\"}", 14, "{}", 2, token,
                                                     sizeof token, &len),
                 SIGMINT_RESULT_UNSUPPORTED_ALGORITHM);
}

/* RS/ES/PS/EdDSA headers signed with the HMAC key (algorithm confusion), and other algs. */
static void test_other_algorithms(void) {
    static const char *const refused[] = {"RS256", "ES256", "PS256", "EdDSA", "hs256", ""};
    char header[64];
    size_t i;

    for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        snprintf(header, sizeof header, "{\"alg\":\"%s\",\"typ\":\"JWT\"}", refused[i]);
        forged(header, "{}");
        CHECK_RESULT(verify_now(token), SIGMINT_RESULT_UNSUPPORTED_ALGORITHM);
        CHECK_RESULT(jws_verify(token, strlen(token)), SIGMINT_RESULT_UNSUPPORTED_ALGORITHM);
    }
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS512\"}", "{}")),
                 SIGMINT_RESULT_ALGORITHM_NOT_ALLOWED);
    CHECK_RESULT(verify_now(forged("{\"typ\":\"JWT\"}", "{}")), SIGMINT_RESULT_INVALID_HEADER);
    CHECK_RESULT(verify_now(forged("{\"alg\":256}", "{}")), SIGMINT_RESULT_INVALID_HEADER);
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\",\"kid\":1}", "{}")),
                 SIGMINT_RESULT_INVALID_HEADER);
    CHECK_RESULT(verify_now(forged("[\"HS256\"]", "{}")), SIGMINT_RESULT_INVALID_JSON);
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\"", "{}")), SIGMINT_RESULT_INVALID_JSON);
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\"}", "{}")), SIGMINT_RESULT_OK);
}

/* Unknown crit: every critical extension is unknown to sigmint. */
static void test_crit(void) {
    size_t len = 0;
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}", "{}")),
                 SIGMINT_RESULT_UNKNOWN_CRITICAL);
    CHECK_RESULT(jws_verify(token, strlen(token)), SIGMINT_RESULT_UNKNOWN_CRITICAL);
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}", "{}")),
                 SIGMINT_RESULT_UNKNOWN_CRITICAL);
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\",\"crit\":[]}", "{}")),
                 SIGMINT_RESULT_INVALID_HEADER);
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, "{\"alg\":\"HS256\",\"crit\":[\"x\"]}",
                                                     28, "{}", 2, token, sizeof token, &len),
                 SIGMINT_RESULT_UNKNOWN_CRITICAL);
}

/* Empty keys cannot exist; a key never initialized is refused; a short one works. */
static void test_keys(void) {
    sigmint_key empty = {{0}}, short_key = {{0}};
    sigmint_jwt_validation v = defaults();
    size_t len = 0;

    CHECK_RESULT(sigmint_key_init(&empty, (const uint8_t *)"", 0), SIGMINT_RESULT_EMPTY_KEY);
    CHECK_RESULT(sigmint_key_init_base64(&empty, "", 0), SIGMINT_RESULT_EMPTY_KEY);
    mint("{\"sub\":\"x\"}");
    CHECK_RESULT(sigmint_jwt_verify(&empty, token, strlen(token), &v, scratch, sizeof scratch,
                                    claims, sizeof claims, &len),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);
    CHECK_RESULT(sigmint_jws_verify_hs256(&empty, token, strlen(token), scratch, sizeof scratch,
                                          &len),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);
    CHECK_RESULT(sigmint_jwt_encode_json(&empty, "{}", 2, token, sizeof token, &len),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&empty, "u", 1, NULL, 0, scratch, sizeof scratch,
                                                 token, sizeof token, &len),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);

    CHECK_RESULT(sigmint_key_init(&short_key, (const uint8_t *)"k", 1), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_jwt_encode_json(&short_key, "{}", 2, token, sizeof token - 1, &len),
                 SIGMINT_RESULT_OK);
    token[len] = '\0';
    CHECK_RESULT(sigmint_jwt_verify(&short_key, token, len, &v, scratch, sizeof scratch, claims,
                                    sizeof claims, &len),
                 SIGMINT_RESULT_OK);
    /* Another key's token never verifies. */
    CHECK_RESULT(verify_now(token), SIGMINT_RESULT_INVALID_SIGNATURE);
    CHECK_RESULT(sigmint_key_clear(&short_key), SIGMINT_RESULT_OK);
}

/* exp/nbf/iat as string, float, negative or huge; and the time checks themselves. */
static void test_time_claims(void) {
    static const char *const names[] = {"exp", "nbf", "iat"};
    static const struct {
        const char *value;
        sigmint_result expected;
    } bad[] = {
        {"\"4102444800\"", SIGMINT_RESULT_INVALID_CLAIM_TYPE},
        {"4102444800.5", SIGMINT_RESULT_INVALID_CLAIM_TYPE},
        {"4102444800.0", SIGMINT_RESULT_INVALID_CLAIM_TYPE},
        {"1e10", SIGMINT_RESULT_INVALID_CLAIM_TYPE},
        {"-1", SIGMINT_RESULT_INVALID_CLAIM_TYPE},
        {"true", SIGMINT_RESULT_INVALID_CLAIM_TYPE},
        {"[1]", SIGMINT_RESULT_INVALID_CLAIM_TYPE},
        {"9223372036854775808", SIGMINT_RESULT_INTEGER_OVERFLOW},
        {"-9223372036854775809", SIGMINT_RESULT_INTEGER_OVERFLOW},
        {"100000000000000000000000000000", SIGMINT_RESULT_INTEGER_OVERFLOW},
    };
    char json[128];
    size_t i, j;
    sigmint_jwt_validation v = defaults();

    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        for (j = 0; j < sizeof bad / sizeof bad[0]; j++) {
            int64_t n = 7;
            snprintf(json, sizeof json, "{\"%s\":%s}", names[i], bad[j].value);
            mint(json);
            v.skip = 0;
            if (!CHECK_RESULT(verify(token, &v), bad[j].expected)) {
                fprintf(stderr, "    for %s\n", json);
            }
            /* Skipping the check does not make a malformed claim acceptable. */
            v.skip = SIGMINT_JWT_SKIP_EXP | SIGMINT_JWT_SKIP_NBF | SIGMINT_JWT_SKIP_IAT;
            CHECK_RESULT(verify(token, &v), bad[j].expected);
            /* The lookup agrees, except that a negative integer is an integer to it. */
            if (strcmp(bad[j].value, "-1") != 0) {
                CHECK_RESULT(sigmint_json_get_i64(json, strlen(json), names[i], 3, &n),
                             bad[j].expected);
                CHECK(n == 7);
            }
        }
    }
    v.skip = 0;
    snprintf(json, sizeof json, "{\"exp\":%d}", NOW + 1);
    CHECK_RESULT(verify(mint(json), &v), SIGMINT_RESULT_OK);
    snprintf(json, sizeof json, "{\"exp\":%d}", NOW);
    CHECK_RESULT(verify(mint(json), &v), SIGMINT_RESULT_EXPIRED);
    v.skip = SIGMINT_JWT_SKIP_EXP;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_OK);
    v.skip = 0;
    v.leeway = 1;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_OK);
    v.leeway = 0;
    snprintf(json, sizeof json, "{\"nbf\":%d}", NOW + 1);
    CHECK_RESULT(verify(mint(json), &v), SIGMINT_RESULT_NOT_YET_VALID);
    v.skip = SIGMINT_JWT_SKIP_NBF;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_OK);
    v.skip = 0;
    snprintf(json, sizeof json, "{\"iat\":%d}", NOW + 1);
    CHECK_RESULT(verify(mint(json), &v), SIGMINT_RESULT_ISSUED_IN_FUTURE);
    v.skip = SIGMINT_JWT_SKIP_IAT;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_OK);
    v.skip = 0;
    /* null is not a NumericDate: refused, never read as "does not expire". */
    CHECK_RESULT(verify(mint("{\"exp\":null,\"nbf\":0,\"iat\":0}"), &v),
                 SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(verify(mint("{\"nbf\":0,\"iat\":0}"), &v), SIGMINT_RESULT_OK);
    /* The far ends of time. */
    CHECK_RESULT(verify(mint("{\"exp\":9223372036854775807}"), &v), SIGMINT_RESULT_OK);
    v.now = INT64_MAX;
    v.leeway = UINT64_MAX;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_OK);
    v.leeway = 0;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_EXPIRED);
    v.now = INT64_MIN;
    CHECK_RESULT(verify(mint("{\"nbf\":0}"), &v), SIGMINT_RESULT_NOT_YET_VALID);
}

/* iss must equal an accepted issuer exactly: a substring, prefix or superstring never does. */
static void test_issuer(void) {
    sigmint_str issuers[2];
    sigmint_jwt_validation v = defaults();
    issuers[0] = str("https://api.example.test");
    issuers[1] = str("https://other.example.test");
    v.issuers = issuers;
    v.issuers_len = 2;

    CHECK_RESULT(verify(mint("{\"iss\":\"https://api.example.test\"}"), &v), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify(mint("{\"iss\":\"https://other.example.test\"}"), &v), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify(mint("{\"iss\":\"https:\\/\\/api.example.test\"}"), &v), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify(mint("{\"iss\":\"https://api.example.test.evil\"}"), &v),
                 SIGMINT_RESULT_INVALID_ISSUER);
    CHECK_RESULT(verify(mint("{\"iss\":\"api.example.test\"}"), &v), SIGMINT_RESULT_INVALID_ISSUER);
    CHECK_RESULT(verify(mint("{\"iss\":\"https://api.example.tes\"}"), &v),
                 SIGMINT_RESULT_INVALID_ISSUER);
    CHECK_RESULT(verify(mint("{\"iss\":\"\"}"), &v), SIGMINT_RESULT_INVALID_ISSUER);
    CHECK_RESULT(verify(mint("{\"iss\":[\"https://api.example.test\"]}"), &v),
                 SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(verify(mint("{}"), &v), SIGMINT_RESULT_MISSING_CLAIM);
    v.skip = SIGMINT_JWT_SKIP_ISS;
    CHECK_RESULT(verify(mint("{\"iss\":\"https://api.example.test.evil\"}"), &v),
                 SIGMINT_RESULT_OK);
    /* With no issuers given, iss is not checked (PyJWT's default). */
    v = defaults();
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_OK);
}

/* aud present when none is expected; string or array; any one accepted audience will do. */
static void test_audience(void) {
    sigmint_str audiences[SIGMINT_JWT_MAX_LIST_LEN + 1];
    sigmint_jwt_validation v = defaults();
    size_t i;

    CHECK_RESULT(verify(mint("{\"aud\":\"pos\"}"), &v), SIGMINT_RESULT_INVALID_AUDIENCE);
    /* An empty audience counts as absent (PyJWT's rule). */
    CHECK_RESULT(verify(mint("{\"aud\":[]}"), &v), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify(mint("{\"aud\":\"\"}"), &v), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify(mint("{\"aud\":null}"), &v), SIGMINT_RESULT_OK);
    v.skip = SIGMINT_JWT_SKIP_AUD;
    CHECK_RESULT(verify(mint("{\"aud\":\"pos\"}"), &v), SIGMINT_RESULT_OK);
    v.skip = 0;
    audiences[0] = str("mobile");
    audiences[1] = str("pos");
    v.audiences = audiences;
    v.audiences_len = 2;
    CHECK_RESULT(verify(mint("{\"aud\":\"pos\"}"), &v), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify(mint("{\"aud\":[\"web\",\"pos\"]}"), &v), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify(mint("{\"aud\":[\"web\"]}"), &v), SIGMINT_RESULT_INVALID_AUDIENCE);
    CHECK_RESULT(verify(mint("{\"aud\":\"po\"}"), &v), SIGMINT_RESULT_INVALID_AUDIENCE);
    CHECK_RESULT(verify(mint("{\"aud\":\"mobile pos\"}"), &v), SIGMINT_RESULT_INVALID_AUDIENCE);
    CHECK_RESULT(verify(mint("{\"aud\":[1]}"), &v), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(verify(mint("{\"aud\":{\"pos\":1}}"), &v), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(verify(mint("{}"), &v), SIGMINT_RESULT_MISSING_CLAIM);
    /* Lists are bounded: one more than SIGMINT_JWT_MAX_LIST_LEN is refused, not cut short. */
    for (i = 0; i < SIGMINT_JWT_MAX_LIST_LEN + 1; i++) {
        audiences[i] = str("pos");
    }
    v.audiences_len = SIGMINT_JWT_MAX_LIST_LEN;
    CHECK_RESULT(verify(mint("{\"aud\":\"pos\"}"), &v), SIGMINT_RESULT_OK);
    v.audiences_len = SIGMINT_JWT_MAX_LIST_LEN + 1;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_LIST_TOO_LONG);
    v.audiences_len = 0;
    v.required = audiences;
    v.required_len = SIGMINT_JWT_MAX_LIST_LEN + 1;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_LIST_TOO_LONG);
    v.required_len = 0;
    v.issuers = audiences;
    v.issuers_len = SIGMINT_JWT_MAX_LIST_LEN + 1;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_LIST_TOO_LONG);
}

/* Required claims, expected typ header and type claim. */
static void test_required_and_types(void) {
    sigmint_str required[2];
    sigmint_jwt_validation v = defaults();
    size_t len = 0;

    required[0] = str("exp");
    required[1] = str("uid");
    v.required = required;
    v.required_len = 2;
    CHECK_RESULT(verify(mint("{\"exp\":4102444800,\"uid\":\"u\"}"), &v), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify(mint("{\"exp\":4102444800}"), &v), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(verify(mint("{\"exp\":4102444800,\"uid\":null}"), &v),
                 SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(verify(mint("{\"uid\":\"u\"}"), &v), SIGMINT_RESULT_MISSING_CLAIM);

    v = defaults();
    v.token_type = str("access");
    CHECK_RESULT(verify(mint("{\"type\":\"access\"}"), &v), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify(mint("{\"type\":\"refresh\"}"), &v), SIGMINT_RESULT_WRONG_TOKEN_TYPE);
    CHECK_RESULT(verify(mint("{\"type\":\"Access\"}"), &v), SIGMINT_RESULT_WRONG_TOKEN_TYPE);
    CHECK_RESULT(verify(mint("{}"), &v), SIGMINT_RESULT_WRONG_TOKEN_TYPE);
    CHECK_RESULT(verify(mint("{\"type\":1}"), &v), SIGMINT_RESULT_INVALID_CLAIM_TYPE);

    v = defaults();
    v.typ = str("JWT");
    CHECK_RESULT(verify(mint("{}"), &v), SIGMINT_RESULT_OK); /* minted with typ "JWT" */
    v.typ = str("at+jwt");
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_WRONG_TOKEN_TYPE);
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, "{\"alg\":\"HS256\",\"typ\":\"AT+JWT\"}",
                                                     30, "{}", 2, token, sizeof token - 1, &len),
                 SIGMINT_RESULT_OK);
    token[len] = '\0';
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify(forged("{\"alg\":\"HS256\"}", "{}"), &v), SIGMINT_RESULT_WRONG_TOKEN_TYPE);

    /* sub and jti must be strings, checked or not. */
    v = defaults();
    CHECK_RESULT(verify(mint("{\"sub\":1}"), &v), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(verify(mint("{\"jti\":{}}"), &v), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    /* The claims must be an object. */
    CHECK_RESULT(verify(forged("{\"alg\":\"HS256\"}", "[1]"), &v), SIGMINT_RESULT_INVALID_JSON);
    CHECK_RESULT(verify(forged("{\"alg\":\"HS256\"}", "\"s\""), &v), SIGMINT_RESULT_INVALID_JSON);
    CHECK_RESULT(verify(forged("{\"alg\":\"HS256\"}", ""), &v), SIGMINT_RESULT_INVALID_JSON);
    CHECK_RESULT(sigmint_jwt_encode_json(&key, "[1]", 3, token, sizeof token, &len),
                 SIGMINT_RESULT_INVALID_JSON);
}

/* Oversized and many-dot tokens, and the header's stack buffer. */
static void test_sizes(void) {
    size_t big = 1u << 20, len = 0, header_len;
    char *huge = malloc(big);
    char *header = malloc(SIGMINT_JWS_MAX_HEADER_LEN + 64);
    char *long_token = malloc(2 * SIGMINT_JWS_MAX_HEADER_LEN + 256);
    sigmint_jwt_validation v = defaults();

    if (!CHECK(huge != NULL && header != NULL && long_token != NULL)) {
        free(huge);
        free(header);
        free(long_token);
        return;
    }
    /* 1 MB: refused on its length, before anything else is looked at. */
    memset(huge, 'a', big);
    huge[10] = '.';
    huge[20] = '.';
    CHECK_RESULT(verify_with(huge, big, &v), SIGMINT_RESULT_TOKEN_TOO_LARGE);
    CHECK_RESULT(jws_verify(huge, big), SIGMINT_RESULT_TOKEN_TOO_LARGE);
    CHECK_RESULT(unverified(huge, big), SIGMINT_RESULT_TOKEN_TOO_LARGE);
    CHECK_RESULT(sigmint_jws_dangerous_header(huge, big, claims, sizeof claims, &len),
                 SIGMINT_RESULT_TOKEN_TOO_LARGE);
    /* 10,000 dots: no three segments. */
    memset(huge, '.', 10000);
    CHECK_RESULT(verify_with(huge, 10000, &v), SIGMINT_RESULT_MALFORMED_TOKEN);
    CHECK_RESULT(jws_verify(huge, 10000), SIGMINT_RESULT_MALFORMED_TOKEN);
    CHECK_RESULT(unverified(huge, 10000), SIGMINT_RESULT_MALFORMED_TOKEN);
    CHECK_RESULT(sigmint_jws_dangerous_header(huge, 10000, claims, sizeof claims, &len),
                 SIGMINT_RESULT_MALFORMED_TOKEN);
    /* ".." is three (empty) segments: well-formed base64url, but an empty header. */
    CHECK_RESULT(verify_with(huge, 2, &v), SIGMINT_RESULT_INVALID_JSON);
    CHECK_RESULT(verify_with("", 0, &v), SIGMINT_RESULT_MALFORMED_TOKEN);
    CHECK_RESULT(verify_with(NULL, 0, &v), SIGMINT_RESULT_MALFORMED_TOKEN);
    /* A token over the caller's own limit. */
    mint("{\"sub\":\"x\"}");
    v.max_token_len = strlen(token) - 1;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_TOKEN_TOO_LARGE);
    v.max_token_len = strlen(token);
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_OK);
    v.max_token_len = 0;

    /* A header of exactly SIGMINT_JWS_MAX_HEADER_LEN bytes fits the stack buffer; one more
     * byte does not (a valid header sigmint itself minted: too large for the C API). */
    for (header_len = SIGMINT_JWS_MAX_HEADER_LEN; header_len <= SIGMINT_JWS_MAX_HEADER_LEN + 1;
         header_len++) {
        sigmint_result expected = header_len == SIGMINT_JWS_MAX_HEADER_LEN
                                      ? SIGMINT_RESULT_OK
                                      : SIGMINT_RESULT_TOKEN_TOO_LARGE;
        size_t kid_len = header_len - strlen("{\"alg\":\"HS256\",\"kid\":\"\"}");
        strcpy(header, "{\"alg\":\"HS256\",\"kid\":\"");
        memset(header + strlen(header), 'k', kid_len);
        strcpy(header + header_len - 2, "\"}");
        CHECK(strlen(header) == header_len);
        CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, header, header_len, "{}", 2,
                                                         long_token,
                                                         2 * SIGMINT_JWS_MAX_HEADER_LEN + 255,
                                                         &len),
                     SIGMINT_RESULT_OK);
        long_token[len] = '\0';
        CHECK_RESULT(verify(long_token, &v), expected);
        CHECK_RESULT(jws_verify(long_token, len), expected);
        CHECK_RESULT(unverified(long_token, len), expected);
        CHECK_RESULT(sigmint_jws_dangerous_header(long_token, len, claims, sizeof claims,
                                                  &claims_len),
                     expected);
    }
    free(huge);
    free(header);
    free(long_token);
}

/* Non-canonical base64url: padding, stray characters, non-zero trailing bits. */
static void test_base64url(void) {
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    static const char stray[] = {'=', '+', '/', ' ', '\n', '*', '.', '\0'};
    char good[256], bad[256];
    char *payload, *signature, *last;
    size_t len, i;
    sigmint_jwt_validation v = defaults();

    /* "{}" is "e30": three characters, so its last one has two bits that must be zero. */
    mint("{}");
    len = strlen(token);
    memcpy(good, token, len + 1);
    CHECK_RESULT(verify_now(good), SIGMINT_RESULT_OK);
    payload = strchr(good, '.') + 1;
    signature = strchr(payload, '.') + 1;
    CHECK(signature - payload == 4 && strncmp(payload, "e30.", 4) == 0);

    /* Padding after each segment. */
    for (i = 0; i < 3; i++) {
        const char *at = i == 0 ? payload - 1 : i == 1 ? signature - 1 : good + len;
        size_t pos = (size_t)(at - good);
        memcpy(bad, good, pos);
        bad[pos] = '=';
        memcpy(bad + pos + 1, at, len - pos + 1);
        CHECK_RESULT(verify_now(bad), SIGMINT_RESULT_MALFORMED_TOKEN);
        CHECK_RESULT(jws_verify(bad, len + 1), SIGMINT_RESULT_MALFORMED_TOKEN);
        CHECK_RESULT(unverified(bad, len + 1), SIGMINT_RESULT_MALFORMED_TOKEN);
    }
    /* A stray character in place of a good one, in each segment (where '.' adds a segment). */
    for (i = 0; i < sizeof stray; i++) {
        size_t at[3];
        size_t k;
        at[0] = 1;
        at[1] = (size_t)(payload - good) + 1;
        at[2] = (size_t)(signature - good) + 5;
        for (k = 0; k < 3; k++) {
            memcpy(bad, good, len + 1);
            bad[at[k]] = stray[i]; /* '\0': a NUL byte inside the given length */
            CHECK_RESULT(verify_with(bad, len, &v), SIGMINT_RESULT_MALFORMED_TOKEN);
            CHECK_RESULT(jws_verify(bad, len), SIGMINT_RESULT_MALFORMED_TOKEN);
        }
    }
    /* A byte that is not UTF-8 at all. */
    memcpy(bad, good, len + 1);
    bad[len - 1] = (char)0xFF;
    CHECK_RESULT(verify_now(bad), SIGMINT_RESULT_MALFORMED_TOKEN);
    CHECK_RESULT(jws_verify(bad, len), SIGMINT_RESULT_MALFORMED_TOKEN);
    /* Non-zero trailing bits: same bytes once decoded loosely, but not canonical. */
    memcpy(bad, good, len + 1);
    bad[(payload - good) + 2] = '1'; /* "e31" */
    CHECK_RESULT(verify_now(bad), SIGMINT_RESULT_MALFORMED_TOKEN);
    CHECK_RESULT(unverified(bad, len), SIGMINT_RESULT_MALFORMED_TOKEN);
    memcpy(bad, good, len + 1);
    last = bad + len - 1; /* the signature's 43rd character: two trailing bits */
    *last = alphabet[(strchr(alphabet, *last) - alphabet) ^ 1];
    CHECK_RESULT(verify_now(bad), SIGMINT_RESULT_MALFORMED_TOKEN);
    CHECK_RESULT(jws_verify(bad, len), SIGMINT_RESULT_MALFORMED_TOKEN);
    *last = alphabet[(strchr(alphabet, *last) - alphabet) ^ 1 ^ 4]; /* a real bit: bad MAC */
    CHECK_RESULT(verify_now(bad), SIGMINT_RESULT_INVALID_SIGNATURE);
    /* A truncated or over-long signature never matches (40 of 43 characters: canonical). */
    CHECK_RESULT(verify_with(good, len - 3, &v), SIGMINT_RESULT_INVALID_SIGNATURE);
    memcpy(bad, good, len);
    memcpy(bad + len, "AAAA", 5);
    CHECK_RESULT(verify_now(bad), SIGMINT_RESULT_INVALID_SIGNATURE);
}

/* Duplicate keys, in the payload or in the header, however spelled. */
static void test_duplicate_keys(void) {
    static const char dup[] = "{\"sub\":\"a\",\"sub\":\"b\"}";
    size_t len = 0;
    char out[16];
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\"}", dup)), SIGMINT_RESULT_DUPLICATE_KEY);
    CHECK_RESULT(unverified(token, strlen(token)), SIGMINT_RESULT_DUPLICATE_KEY);
    CHECK(all_bytes(claims, sizeof claims, SENTINEL));
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\"}", "{\"exp\":1,\"\\u0065xp\":2}")),
                 SIGMINT_RESULT_DUPLICATE_KEY);
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\"}", "{\"a\":{\"b\":1,\"b\":2}}")),
                 SIGMINT_RESULT_DUPLICATE_KEY);
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\",\"alg\":\"HS256\"}", "{}")),
                 SIGMINT_RESULT_DUPLICATE_KEY);
    CHECK_RESULT(verify_now(forged("{\"alg\":\"none\",\"alg\":\"HS256\"}", "{}")),
                 SIGMINT_RESULT_DUPLICATE_KEY);
    CHECK_RESULT(sigmint_jwt_encode_json(&key, dup, strlen(dup), token, sizeof token, &len),
                 SIGMINT_RESULT_DUPLICATE_KEY);
    CHECK_RESULT(sigmint_json_get_str(dup, strlen(dup), "sub", 3, out, sizeof out, &len),
                 SIGMINT_RESULT_DUPLICATE_KEY);
}

/* Deep nesting: 20,000 nested arrays are refused at the depth limit, without recursion. */
static void test_deep_json(void) {
    enum { DEPTH = 20000 };
    char *payload = malloc(2 * DEPTH + 1);
    char *deep_token = malloc(4 * DEPTH);
    uint8_t *deep_scratch = malloc(2 * DEPTH + 64); /* the payload and its header */
    char *deep_claims = malloc(2 * DEPTH);
    sigmint_jwt_validation v = defaults();
    char json[128];
    size_t len = 0, i;

    if (CHECK(payload != NULL && deep_token != NULL && deep_scratch != NULL &&
              deep_claims != NULL)) {
        memset(payload, '[', DEPTH);
        memset(payload + DEPTH, ']', DEPTH);
        payload[2 * DEPTH] = '\0';
        len = forge(&key, "{\"alg\":\"HS256\"}", payload, 2 * DEPTH, deep_token);
        /* Too long for the default limit; with it raised, too deep. */
        CHECK_RESULT(verify_with(deep_token, len, &v), SIGMINT_RESULT_TOKEN_TOO_LARGE);
        v.max_token_len = 4 * DEPTH;
        memset(deep_claims, SENTINEL, 2 * DEPTH);
        CHECK_RESULT(sigmint_jwt_verify(&key, deep_token, len, &v, deep_scratch, 2 * DEPTH + 64,
                                        deep_claims, 2 * DEPTH, &claims_len),
                     SIGMINT_RESULT_JSON_TOO_DEEP);
        CHECK(all_bytes(deep_claims, 2 * DEPTH, SENTINEL));
        v.max_depth = 1000; /* more than SIGMINT_JSON_MAX_DEPTH is capped to it */
        CHECK_RESULT(sigmint_jwt_verify(&key, deep_token, len, &v, deep_scratch, 2 * DEPTH + 64,
                                        deep_claims, 2 * DEPTH, &claims_len),
                     SIGMINT_RESULT_JSON_TOO_DEEP);
        /* As a JWS it is just bytes, and verifies. */
        CHECK_RESULT(sigmint_jws_verify_hs256(&key, deep_token, len, deep_scratch, 2 * DEPTH,
                                              &claims_len),
                     SIGMINT_RESULT_TOKEN_TOO_LARGE); /* the JWS call keeps the default limit */
        CHECK_RESULT(sigmint_json_get_str(payload, 2 * DEPTH, "a", 1, json, sizeof json, &len),
                     SIGMINT_RESULT_JSON_TOO_DEEP);
        CHECK_RESULT(sigmint_jwt_encode_json(&key, payload, 2 * DEPTH, deep_token, 4 * DEPTH, &len),
                     SIGMINT_RESULT_JSON_TOO_DEEP);
    }
    free(payload);
    free(deep_token);
    free(deep_scratch);
    free(deep_claims);

    /* The limit itself: 33 levels need max_depth 33. */
    strcpy(json, "{\"a\":");
    for (i = 0; i < 32; i++) {
        strcat(json, "[");
    }
    for (i = 0; i < 32; i++) {
        strcat(json, "]");
    }
    strcat(json, "}");
    v = defaults();
    CHECK_RESULT(verify(mint(json), &v), SIGMINT_RESULT_JSON_TOO_DEEP);
    v.max_depth = 33;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_OK);
    CHECK_RESULT(unverified(token, strlen(token)), SIGMINT_RESULT_JSON_TOO_DEEP);
}

/* Bytes that are not UTF-8, wherever text is expected. */
static void test_not_utf8(void) {
    static const char bad_payload[] = "{\"sub\":\"\xff\"}";
    sigmint_str list[1];
    sigmint_jwt_validation v = defaults();
    size_t len = 0;
    char out[64];

    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\"}", bad_payload)),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(unverified(token, strlen(token)), SIGMINT_RESULT_INVALID_UTF8);
    /* A JWS payload is any bytes. */
    CHECK_RESULT(jws_verify(token, strlen(token)), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify_now(forged("{\"alg\":\"HS256\",\"kid\":\"\xc3\"}", "{}")),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_jwt_encode_json(&key, bad_payload, strlen(bad_payload), out, sizeof out,
                                         &len),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_json_get_str("{\"a\":\"b\"}", 9, "\xff", 1, out, sizeof out, &len),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "\xe2\x82", 2, NULL, 0, scratch,
                                                 sizeof scratch, out, sizeof out, &len),
                 SIGMINT_RESULT_INVALID_UTF8);
    mint("{}");
    list[0] = str("\xff");
    v.required = list;
    v.required_len = 1;
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_INVALID_UTF8);
    v = defaults();
    v.typ = str("\xff");
    CHECK_RESULT(verify(token, &v), SIGMINT_RESULT_INVALID_UTF8);
}

/* A token's size is checked before its bytes are read: one over the limit, whatever it holds,
 * is TOKEN_TOO_LARGE (a 1 GB buffer once cost a UTF-8 scan of all of it first); at the limit,
 * bytes that are not UTF-8 are MALFORMED_TOKEN. */
static void test_size_before_bytes(void) {
    size_t n = SIGMINT_JWS_DEFAULT_MAX_TOKEN_LEN + 1, len = 0;
    char *big = malloc(n);
    sigmint_jwt_validation v = defaults();
    uint8_t *work = malloc(n);
    char out[64];
    size_t at;

    if (!CHECK(big != NULL && work != NULL)) {
        free(big);
        free(work);
        return;
    }
    for (at = 0; at < n; at++) {
        big[at] = 'e';
    }
    big[n - 1] = (char)0xff;
    big[0] = (char)0xc3;
    CHECK_RESULT(sigmint_jwt_verify(&key, big, n, &v, work, n, (char *)work, n, &len),
                 SIGMINT_RESULT_TOKEN_TOO_LARGE);
    CHECK_RESULT(sigmint_jwt_dangerous_decode_unverified(big, n, work, n, (char *)work, n, &len),
                 SIGMINT_RESULT_TOKEN_TOO_LARGE);
    CHECK_RESULT(sigmint_jws_verify_hs256(&key, big, n, work, n, &len),
                 SIGMINT_RESULT_TOKEN_TOO_LARGE);
    CHECK_RESULT(sigmint_jws_dangerous_header(big, n, out, sizeof out, &len),
                 SIGMINT_RESULT_TOKEN_TOO_LARGE);
    CHECK_RESULT(sigmint_jwt_verify(&key, big, n - 1, &v, work, n, (char *)work, n, &len),
                 SIGMINT_RESULT_MALFORMED_TOKEN);
    CHECK_RESULT(sigmint_jws_dangerous_header(big, n - 1, out, sizeof out, &len),
                 SIGMINT_RESULT_MALFORMED_TOKEN);
    free(big);
    free(work);
}

/* The lookups: every kind of value, and everything that is not there or not that kind. */
static void test_json_lookups(void) {
    static const char doc[] =
        "{\"s\":\"caf\\u00e9 \\\"q\\\" \\ud83d\\udcb8\",\"plain\":\"abc\",\"n\":42,\"neg\":-7,"
        "\"f\":1.5,\"e\":1e3,\"big\":9223372036854775808,\"min\":-9223372036854775808,"
        "\"t\":true,\"no\":false,\"nul\":null,\"o\":{\"a\":{\"b\":\"deep\"}},\"arr\":[1,2],"
        "\"a.b\":\"dotted\",\"empty\":\"\",\"nul0\":\"a\\u0000b\"}";
    size_t doc_len = strlen(doc);
    char out[64];
    size_t out_len = LEN_SENTINEL, raw_len = LEN_SENTINEL;
    const char *raw = NULL;
    int64_t n = 0;
    bool flag = false;

#define GET_STR(path) \
    sigmint_json_get_str(doc, doc_len, path, strlen(path), out, sizeof out, &out_len)
#define GET_I64(path) sigmint_json_get_i64(doc, doc_len, path, strlen(path), &n)
#define GET_BOOL(path) sigmint_json_get_bool(doc, doc_len, path, strlen(path), &flag)
#define GET_RAW(path) sigmint_json_get_raw(doc, doc_len, path, strlen(path), &raw, &raw_len)

    CHECK_RESULT(GET_STR("s"), SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "caf\xc3\xa9 \"q\" \xf0\x9f\x92\xb8");
    CHECK_RESULT(GET_STR("plain"), SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "abc");
    CHECK_RESULT(GET_STR("o.a.b"), SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "deep");
    CHECK_RESULT(GET_STR("empty"), SIGMINT_RESULT_OK);
    CHECK(out_len == 0);
    CHECK_RESULT(GET_STR("nul0"), SIGMINT_RESULT_OK);
    CHECK(out_len == 3 && memcmp(out, "a\0b", 3) == 0);

    memset(out, SENTINEL, sizeof out);
    out_len = LEN_SENTINEL;
    CHECK_RESULT(GET_STR("n"), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(GET_STR("o"), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(GET_STR("t"), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(GET_STR("missing"), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(GET_STR("nul"), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(GET_STR("o.x"), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(GET_STR("o.a.b.c"), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(GET_STR("a.b"), SIGMINT_RESULT_MISSING_CLAIM); /* a path, not the key "a.b" */
    CHECK_RESULT(GET_STR(""), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(GET_STR("arr.0"), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK(all_bytes(out, sizeof out, SENTINEL) && out_len == LEN_SENTINEL);

    CHECK_RESULT(GET_I64("n"), SIGMINT_RESULT_OK);
    CHECK(n == 42);
    CHECK_RESULT(GET_I64("neg"), SIGMINT_RESULT_OK);
    CHECK(n == -7);
    CHECK_RESULT(GET_I64("min"), SIGMINT_RESULT_OK);
    CHECK(n == INT64_MIN);
    n = 99;
    CHECK_RESULT(GET_I64("f"), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(GET_I64("e"), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(GET_I64("s"), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(GET_I64("t"), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(GET_I64("big"), SIGMINT_RESULT_INTEGER_OVERFLOW);
    CHECK_RESULT(GET_I64("nul"), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(GET_I64("nope"), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK(n == 99);

    CHECK_RESULT(GET_BOOL("t"), SIGMINT_RESULT_OK);
    CHECK(flag == true);
    CHECK_RESULT(GET_BOOL("no"), SIGMINT_RESULT_OK);
    CHECK(flag == false);
    flag = true;
    CHECK_RESULT(GET_BOOL("n"), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(GET_BOOL("s"), SIGMINT_RESULT_INVALID_CLAIM_TYPE);
    CHECK_RESULT(GET_BOOL("nul"), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(GET_BOOL("nope"), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK(flag == true);

    CHECK_RESULT(GET_RAW("o"), SIGMINT_RESULT_OK);
    CHECK_TEXT(raw, raw_len, "{\"a\":{\"b\":\"deep\"}}");
    CHECK(raw > doc && raw + raw_len < doc + doc_len); /* inside the document */
    /* A raw object searched further. */
    CHECK_RESULT(sigmint_json_get_str(raw, raw_len, "a.b", 3, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "deep");
    CHECK_RESULT(GET_RAW("arr"), SIGMINT_RESULT_OK);
    CHECK_TEXT(raw, raw_len, "[1,2]");
    CHECK_RESULT(GET_RAW("nul"), SIGMINT_RESULT_OK);
    CHECK_TEXT(raw, raw_len, "null");
    CHECK_RESULT(GET_RAW("s"), SIGMINT_RESULT_OK);
    CHECK_TEXT(raw, raw_len, "\"caf\\u00e9 \\\"q\\\" \\ud83d\\udcb8\"");
    CHECK_RESULT(GET_RAW("f"), SIGMINT_RESULT_OK);
    CHECK_TEXT(raw, raw_len, "1.5");
    raw = NULL;
    raw_len = LEN_SENTINEL;
    CHECK_RESULT(GET_RAW("a.b"), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK(raw == NULL && raw_len == LEN_SENTINEL);
    CHECK_RESULT(sigmint_json_get_member_raw(doc, doc_len, "a.b", 3, &raw, &raw_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(raw, raw_len, "\"dotted\"");
    CHECK_RESULT(sigmint_json_get_member_raw(doc, doc_len, "o.a", 3, &raw, &raw_len),
                 SIGMINT_RESULT_MISSING_CLAIM);

    /* Documents that are not valid JSON, or not objects. */
    CHECK_RESULT(sigmint_json_get_str("{", 1, "a", 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_JSON);
    CHECK_RESULT(sigmint_json_get_str(NULL, 0, "a", 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_JSON);
    CHECK_RESULT(sigmint_json_get_i64("{\"a\":1} x", 9, "a", 1, &n), SIGMINT_RESULT_INVALID_JSON);
    CHECK_RESULT(sigmint_json_get_bool("[true]", 6, "0", 1, &flag), SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(sigmint_json_get_raw("\"\xff\"", 3, "a", 1, &raw, &raw_len),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_json_get_member_raw("{\"a\":1,\"a\":1}", 13, "a", 1, &raw, &raw_len),
                 SIGMINT_RESULT_DUPLICATE_KEY);
    /* The length is what counts: a document cut short is malformed. */
    CHECK_RESULT(sigmint_json_get_i64(doc, doc_len - 1, "n", 1, &n), SIGMINT_RESULT_INVALID_JSON);
#undef GET_STR
#undef GET_I64
#undef GET_BOOL
#undef GET_RAW
}

/* NULL for every pointer of every token and lookup function. */
static void test_null_pointers(void) {
    static const char json[] = "{\"a\":\"b\"}";
    sigmint_jwt_validation v = defaults();
    sigmint_str list[1];
    char out[512];
    size_t out_len = LEN_SENTINEL, len;
    const char *raw = NULL;
    int64_t n = 0;
    bool flag = false;
    const char *tok = mint("{\"a\":\"b\"}");
    size_t tok_len = strlen(tok);

    memset(out, SENTINEL, sizeof out);
    memset(scratch, SENTINEL, sizeof scratch);
#define NULLP SIGMINT_RESULT_NULL_PARAMETER
    CHECK_RESULT(sigmint_jws_verify_hs256(NULL, tok, tok_len, (uint8_t *)out, sizeof out, &out_len),
                 NULLP);
    CHECK_RESULT(sigmint_jws_verify_hs256(&key, NULL, tok_len, (uint8_t *)out, sizeof out,
                                          &out_len), NULLP);
    CHECK_RESULT(sigmint_jws_verify_hs256(&key, tok, tok_len, NULL, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jws_verify_hs256(&key, tok, tok_len, (uint8_t *)out, sizeof out, NULL),
                 NULLP);

    CHECK_RESULT(sigmint_jws_dangerous_header(NULL, tok_len, out, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jws_dangerous_header(tok, tok_len, NULL, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jws_dangerous_header(tok, tok_len, out, sizeof out, NULL), NULLP);

    CHECK_RESULT(sigmint_jwt_verify(NULL, tok, tok_len, &v, scratch, sizeof scratch, out,
                                    sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_verify(&key, NULL, tok_len, &v, scratch, sizeof scratch, out,
                                    sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, NULL, scratch, sizeof scratch, out,
                                    sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, NULL, sizeof scratch, out, sizeof out,
                                    &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, scratch, sizeof scratch, NULL,
                                    sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, scratch, sizeof scratch, out,
                                    sizeof out, NULL), NULLP);
    /* Inside the validation: each list, each list entry, each text. */
    v.required_len = 1;
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, scratch, sizeof scratch, out,
                                    sizeof out, &out_len), NULLP);
    v = defaults();
    v.audiences_len = 1;
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, scratch, sizeof scratch, out,
                                    sizeof out, &out_len), NULLP);
    v = defaults();
    v.issuers_len = 1;
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, scratch, sizeof scratch, out,
                                    sizeof out, &out_len), NULLP);
    v = defaults();
    list[0].ptr = NULL;
    list[0].len = 1;
    v.issuers = list;
    v.issuers_len = 1;
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, scratch, sizeof scratch, out,
                                    sizeof out, &out_len), NULLP);
    v = defaults();
    v.typ.len = 3;
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, scratch, sizeof scratch, out,
                                    sizeof out, &out_len), NULLP);
    v = defaults();
    v.token_type.len = 6;
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, scratch, sizeof scratch, out,
                                    sizeof out, &out_len), NULLP);
    v = defaults();

    CHECK_RESULT(sigmint_jwt_dangerous_decode_unverified(NULL, tok_len, scratch, sizeof scratch,
                                                         out, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_dangerous_decode_unverified(tok, tok_len, NULL, sizeof scratch, out,
                                                         sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_dangerous_decode_unverified(tok, tok_len, scratch, sizeof scratch,
                                                         NULL, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_dangerous_decode_unverified(tok, tok_len, scratch, sizeof scratch, out,
                                                         sizeof out, NULL), NULLP);

    CHECK_RESULT(sigmint_json_get_str(NULL, 9, "a", 1, out, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_json_get_str(json, 9, NULL, 1, out, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_json_get_str(json, 9, "a", 1, NULL, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_json_get_str(json, 9, "a", 1, out, sizeof out, NULL), NULLP);
    CHECK_RESULT(sigmint_json_get_i64(NULL, 9, "a", 1, &n), NULLP);
    CHECK_RESULT(sigmint_json_get_i64(json, 9, NULL, 1, &n), NULLP);
    CHECK_RESULT(sigmint_json_get_i64(json, 9, "a", 1, NULL), NULLP);
    CHECK_RESULT(sigmint_json_get_bool(NULL, 9, "a", 1, &flag), NULLP);
    CHECK_RESULT(sigmint_json_get_bool(json, 9, NULL, 1, &flag), NULLP);
    CHECK_RESULT(sigmint_json_get_bool(json, 9, "a", 1, NULL), NULLP);
    CHECK_RESULT(sigmint_json_get_raw(NULL, 9, "a", 1, &raw, &len), NULLP);
    CHECK_RESULT(sigmint_json_get_raw(json, 9, NULL, 1, &raw, &len), NULLP);
    CHECK_RESULT(sigmint_json_get_raw(json, 9, "a", 1, NULL, &len), NULLP);
    CHECK_RESULT(sigmint_json_get_raw(json, 9, "a", 1, &raw, NULL), NULLP);
    CHECK_RESULT(sigmint_json_get_member_raw(NULL, 9, "a", 1, &raw, &len), NULLP);
    CHECK_RESULT(sigmint_json_get_member_raw(json, 9, NULL, 1, &raw, &len), NULLP);
    CHECK_RESULT(sigmint_json_get_member_raw(json, 9, "a", 1, NULL, &len), NULLP);
    CHECK_RESULT(sigmint_json_get_member_raw(json, 9, "a", 1, &raw, NULL), NULLP);
    CHECK(raw == NULL);

    CHECK_RESULT(sigmint_jwt_encode_json(NULL, json, 9, out, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_encode_json(&key, NULL, 9, out, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_encode_json(&key, json, 9, NULL, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_encode_json(&key, json, 9, out, sizeof out, NULL), NULLP);
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(NULL, "{\"alg\":\"HS256\"}", 15, json, 9, out,
                                                     sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, NULL, 15, json, 9, out, sizeof out,
                                                     &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, "{\"alg\":\"HS256\"}", 15, NULL, 9, out,
                                                     sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, "{\"alg\":\"HS256\"}", 15, json, 9, NULL,
                                                     sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, "{\"alg\":\"HS256\"}", 15, json, 9, out,
                                                     sizeof out, NULL), NULLP);

    CHECK_RESULT(sigmint_fonbnk_widget_signature(NULL, "u", 1, json, 9, scratch, sizeof scratch,
                                                 out, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, NULL, 1, json, 9, scratch, sizeof scratch,
                                                 out, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "u", 1, NULL, 9, scratch, sizeof scratch,
                                                 out, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "u", 1, json, 9, NULL, sizeof scratch, out,
                                                 sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "u", 1, json, 9, scratch, sizeof scratch,
                                                 NULL, sizeof out, &out_len), NULLP);
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "u", 1, json, 9, scratch, sizeof scratch,
                                                 out, sizeof out, NULL), NULLP);
#undef NULLP
    /* None of those calls wrote anything. */
    CHECK(all_bytes(out, sizeof out, SENTINEL) && out_len == LEN_SENTINEL);
    CHECK(all_bytes(scratch, sizeof scratch, SENTINEL));

    /* NULL with length 0 is empty data: an empty path, no extra claims. */
    CHECK_RESULT(sigmint_json_get_str(json, 9, NULL, 0, out, sizeof out, &out_len),
                 SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(sigmint_json_get_str("{\"\":\"e\"}", 8, NULL, 0, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "e");
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "u", 1, NULL, 0, scratch, sizeof scratch,
                                                 out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "u", 1, json, 0, scratch, sizeof scratch,
                                                 out, sizeof out, &len),
                 SIGMINT_RESULT_OK);
    CHECK(len == out_len);
}

/* Every output one byte too small: BUFFER_TOO_SMALL, the length needed, nothing written. */
static void test_buffer_too_small(void) {
    static const char claims_json[] = "{\"sub\":\"u\",\"note\":\"caf\\u00e9\",\"exp\":4102444800}";
    static const char header_json[] = "{\"alg\":\"HS256\",\"kid\":\"k1\"}";
    sigmint_jwt_validation v = defaults();
    char out[1024], tok[1024];
    uint8_t work[1024];
    size_t out_len, need, work_len, tok_len = 0, payload_len = strlen(claims_json);

#define RESET()                               \
    do {                                      \
        memset(out, SENTINEL, sizeof out);    \
        memset(work, SENTINEL, sizeof work);  \
        out_len = LEN_SENTINEL;               \
    } while (0)

    /* Minting: the token's length first, then one byte short, then exactly. */
    RESET();
    CHECK_RESULT(sigmint_jwt_encode_json(&key, claims_json, payload_len, NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    need = out_len;
    CHECK(need > payload_len);
    CHECK_RESULT(sigmint_jwt_encode_json(&key, claims_json, payload_len, out, need - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_jwt_encode_json(&key, claims_json, payload_len, tok, need, &tok_len),
                 SIGMINT_RESULT_OK);
    CHECK(tok_len == need);
    /* Invalid claims win over a small buffer. */
    CHECK_RESULT(sigmint_jwt_encode_json(&key, "{", 1, NULL, 0, &out_len),
                 SIGMINT_RESULT_INVALID_JSON);

    RESET();
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, header_json, strlen(header_json),
                                                     claims_json, payload_len, NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    need = out_len;
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, header_json, strlen(header_json),
                                                     claims_json, payload_len, out, need - 1,
                                                     &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, header_json, strlen(header_json),
                                                     claims_json, payload_len, out, need, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK(out_len == need && all_bytes(out + need, sizeof out - need, SENTINEL));

    /* JWS verify: the payload's length. */
    RESET();
    CHECK_RESULT(sigmint_jws_verify_hs256(&key, tok, tok_len, NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == payload_len);
    CHECK_RESULT(sigmint_jws_verify_hs256(&key, tok, tok_len, (uint8_t *)out, payload_len - 1,
                                          &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == payload_len && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_jws_verify_hs256(&key, tok, tok_len, (uint8_t *)out, payload_len,
                                          &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, claims_json);
    /* A bad signature wins over a small buffer. */
    CHECK_RESULT(sigmint_jws_verify_hs256(&key, tok, tok_len - 1, NULL, 0, &out_len),
                 SIGMINT_RESULT_MALFORMED_TOKEN);

    /* The unverified header. */
    RESET();
    CHECK_RESULT(sigmint_jws_dangerous_header(tok, tok_len, out, 26, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == 27 && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_jws_dangerous_header(tok, tok_len, out, 27, &out_len), SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}");

    /* JWT verify and the unverified read: scratch needs the decoded header and payload,
     * claims_out the payload; asked with neither, the answer is the scratch's (enough for
     * both). The header is {"alg":"HS256","typ":"JWT"}, 27 bytes. */
    work_len = 27 + payload_len;
    RESET();
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, NULL, 0, NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == work_len);
    RESET();
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, work, work_len - 1, out, sizeof out,
                                    &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == work_len && all_bytes(out, sizeof out, SENTINEL));
    CHECK(all_bytes(work, sizeof work, SENTINEL)); /* found too small before use */
    RESET();
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, work, sizeof work, out,
                                    payload_len - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == payload_len && all_bytes(out, sizeof out, SENTINEL));
    RESET();
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, work, work_len, out, payload_len,
                                    &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, claims_json);
    CHECK(all_bytes(out + payload_len, sizeof out - payload_len, SENTINEL));
    /* Failed validation wins over a small claims_out, and leaves it alone. */
    v.now = 4102444800;
    RESET();
    CHECK_RESULT(sigmint_jwt_verify(&key, tok, tok_len, &v, work, sizeof work, out, 1, &out_len),
                 SIGMINT_RESULT_EXPIRED);
    CHECK(out_len == LEN_SENTINEL && all_bytes(out, sizeof out, SENTINEL));
    v.now = NOW;

    RESET();
    CHECK_RESULT(sigmint_jwt_dangerous_decode_unverified(tok, tok_len, NULL, 0, NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == work_len);
    CHECK_RESULT(sigmint_jwt_dangerous_decode_unverified(tok, tok_len, work, work_len - 1, out,
                                                         sizeof out, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == work_len && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_jwt_dangerous_decode_unverified(tok, tok_len, work, sizeof work, out,
                                                         payload_len - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == payload_len && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_jwt_dangerous_decode_unverified(tok, tok_len, work, work_len, out,
                                                         payload_len, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, claims_json);

    /* A string lookup: the unescaped length ("café" is 5 bytes). */
    RESET();
    CHECK_RESULT(sigmint_json_get_str(claims_json, payload_len, "note", 4, NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == 5);
    CHECK_RESULT(sigmint_json_get_str(claims_json, payload_len, "note", 4, out, 4, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == 5 && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_json_get_str(claims_json, payload_len, "note", 4, out, 5, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "caf\xc3\xa9");

    /* The widget: out one byte short gives the token's exact length; a small scratch gives a
     * size that works for both buffers. */
    RESET();
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "uid-1", 5, "{\"amount\":10}", 13, work,
                                                 sizeof work, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    need = out_len;
    memcpy(tok, out, need);
    RESET();
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "uid-1", 5, "{\"amount\":10}", 13, work,
                                                 sizeof work, out, need - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "uid-1", 5, "{\"amount\":10}", 13, work,
                                                 sizeof work, NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need);
    RESET();
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "uid-1", 5, "{\"amount\":10}", 13, work, 1,
                                                 out, sizeof out, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len >= need && out_len <= sizeof out && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "uid-1", 5, "{\"amount\":10}", 13, work,
                                                 out_len, out, out_len, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK(out_len == need && memcmp(out, tok, need) == 0);
    /* Input errors win over small buffers. */
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "", 0, NULL, 0, NULL, 0, NULL, 0, &out_len),
                 SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "u", 1, "[1]", 3, work, sizeof work, NULL, 0,
                                                 &out_len),
                 SIGMINT_RESULT_INVALID_JSON);
#undef RESET
}

/* What sigmint mints, sigmint verifies; the widget's claims read back. */
static void test_round_trips(void) {
    static const char fonbnk_claims[] =
        "{\"userData\":{\"email\":\"testuser+ng@fonbnk.com\",\"isDevUser\":false},"
        "\"type\":\"access\",\"uid\":\"01KC6M6M2DVFRK915KYQ7PBBAP\",\"iat\":1699999000,"
        "\"exp\":1700000900}";
    static const char extra[] = " {\"amount\": 10, \"currency\": \"NGN\"} ";
    sigmint_jwt_validation v = defaults();
    char out[256];
    size_t out_len = 0, len = 0;
    int64_t n = 0;
    bool flag = true;

    v.token_type = str("access");
    v.typ = str("JWT");
    CHECK_RESULT(verify(mint(fonbnk_claims), &v), SIGMINT_RESULT_OK);
    CHECK_TEXT(claims, claims_len, fonbnk_claims);
    CHECK_RESULT(sigmint_json_get_str(claims, claims_len, "userData.email", 14, out, sizeof out,
                                      &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "testuser+ng@fonbnk.com");
    CHECK_RESULT(sigmint_json_get_bool(claims, claims_len, "userData.isDevUser", 18, &flag),
                 SIGMINT_RESULT_OK);
    CHECK(!flag);
    CHECK_RESULT(sigmint_json_get_i64(claims, claims_len, "exp", 3, &n), SIGMINT_RESULT_OK);
    CHECK(n == 1700000900);

    /* A caller's header, kid and all, verifies and reads back. */
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, "{\"alg\":\"HS256\",\"kid\":\"k1\"}", 26,
                                                     "{\"sub\":\"s\"}", 11, token,
                                                     sizeof token - 1, &len),
                 SIGMINT_RESULT_OK);
    token[len] = '\0';
    CHECK_RESULT(verify_now(token), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_jws_dangerous_header(token, len, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    {
        const char *kid = NULL;
        size_t kid_len = 0;
        CHECK_RESULT(sigmint_json_get_raw(out, out_len, "kid", 3, &kid, &kid_len),
                     SIGMINT_RESULT_OK);
        CHECK_TEXT(kid, kid_len, "\"k1\"");
    }
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, "{\"alg\":\"HS512\"}", 15, "{}", 2,
                                                     token, sizeof token, &len),
                 SIGMINT_RESULT_ALGORITHM_NOT_ALLOWED);
    CHECK_RESULT(sigmint_jwt_encode_json_with_header(&key, "{\"typ\":\"JWT\"}", 13, "{}", 2, token,
                                                     sizeof token, &len),
                 SIGMINT_RESULT_INVALID_HEADER);

    /* The widget signature: uid plus extra claims, verifiable with the same key. */
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "0b6e8f2e", 8, extra, strlen(extra),
                                                 scratch, sizeof scratch, token, sizeof token - 1,
                                                 &len),
                 SIGMINT_RESULT_OK);
    token[len] = '\0';
    CHECK_RESULT(verify_now(token), SIGMINT_RESULT_OK);
    CHECK_TEXT(claims, claims_len, "{\"uid\":\"0b6e8f2e\",\"amount\": 10, \"currency\": \"NGN\"}");
    CHECK_RESULT(sigmint_json_get_i64(claims, claims_len, "amount", 6, &n), SIGMINT_RESULT_OK);
    CHECK(n == 10);
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "u", 1, "{\"uid\":\"v\"}", 11, scratch,
                                                 sizeof scratch, token, sizeof token, &len),
                 SIGMINT_RESULT_DUPLICATE_KEY);
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, "", 0, NULL, 0, scratch, sizeof scratch,
                                                 token, sizeof token, &len),
                 SIGMINT_RESULT_MISSING_CLAIM);
}

void test_jwt_errors(void) {
    CHECK_RESULT(sigmint_key_init(&key, (const uint8_t *)"a key for the JWT error tests", 29),
                 SIGMINT_RESULT_OK);
    test_results();
    test_alg_none();
    test_other_algorithms();
    test_crit();
    test_keys();
    test_time_claims();
    test_issuer();
    test_audience();
    test_required_and_types();
    test_sizes();
    test_base64url();
    test_duplicate_keys();
    test_deep_json();
    test_not_utf8();
    test_size_before_bytes();
    test_json_lookups();
    test_null_pointers();
    test_buffer_too_small();
    test_round_trips();
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}
