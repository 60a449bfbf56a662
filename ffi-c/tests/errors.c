/* Bad input of every kind: each must give its own sigmint_result and leave outputs untouched. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define SENTINEL 0xA5
#define LEN_SENTINEL ((size_t)0xDEADBEEF)

static const char SECRET_B64[] = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0=";
static const char ENDPOINT[] = "/api/v2/user/tokens";
static const char NOT_UTF8[] = "/p\xff";

/* Whether all n bytes at buf equal SENTINEL. */
static int untouched(const char *buf, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        if ((unsigned char)buf[i] != SENTINEL) {
            return 0;
        }
    }
    return 1;
}

static void init_key(sigmint_key *key) {
    CHECK_RESULT(sigmint_key_init_base64(key, SECRET_B64, strlen(SECRET_B64)), SIGMINT_RESULT_OK);
}

/* The results are listed once, in the Rust core's error table: here they are found by value. */
static void test_version_and_results(void) {
    /* 103 was LIST_TOO_LONG's value before it became core's 34: it is not reused. */
    static const sigmint_result out_of_range[] = {SIGMINT_RESULT_UNKNOWN_SCHEME + 1, 99, 103, 106,
                                                  0x7fffffff, UINT32_MAX};
    char version[32];
    uint32_t i, j;

    CHECK(sigmint_version() != NULL && strlen(sigmint_version()) > 0);
    snprintf(version, sizeof version, "%d.%d.%d", SIGMINT_VERSION_MAJOR, SIGMINT_VERSION_MINOR,
             SIGMINT_VERSION_PATCH);
    CHECK(strcmp(version, sigmint_version()) == 0);
    CHECK(SIGMINT_RESULT_OK == 0 && SIGMINT_RESULT_BUFFER_TOO_SMALL == 1 &&
          SIGMINT_RESULT_INVALID_CLIENT_ID == 9 && SIGMINT_RESULT_RESPONSE_TOO_LARGE == 28 &&
          SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW == 33 && SIGMINT_RESULT_LIST_TOO_LONG == 34 &&
          SIGMINT_RESULT_INVALID_SUBJECT == 35 && SIGMINT_RESULT_NULL_PARAMETER == 100);
    /* Core's results run from 1 to its last, UNKNOWN_SCHEME, without a gap. */
    CHECK(SIGMINT_RESULT_MALFORMED_TEMPLATE == 38 && SIGMINT_RESULT_UNKNOWN_SCHEME == 46);
    for (i = 0; i <= SIGMINT_RESULT_UNKNOWN_SCHEME; i++) {
        CHECK(strcmp(sigmint_result_name(i), "UNKNOWN") != 0);
    }
    /* Every value that has a name has its own name and text, and no other value has either. */
    for (i = 0; i < 256; i++) {
        const char *text = sigmint_result_str(i);
        const char *name = sigmint_result_name(i);
        CHECK(text != NULL && name != NULL && strlen(text) > 0 && strlen(name) > 0);
        if (strcmp(name, "UNKNOWN") == 0) {
            CHECK(strcmp(text, "unknown result") == 0);
            continue;
        }
        CHECK(strcmp(text, "unknown result") != 0);
        for (j = 0; j < i; j++) {
            CHECK(strcmp(text, sigmint_result_str(j)) != 0);
            CHECK(strcmp(name, sigmint_result_name(j)) != 0 ||
                  strcmp(name, "UNKNOWN") == 0);
        }
    }
    CHECK(strcmp(sigmint_result_name(SIGMINT_RESULT_OK), "OK") == 0);
    CHECK(strcmp(sigmint_result_name(SIGMINT_RESULT_INVALID_SIGNATURE), "INVALID_SIGNATURE") == 0);
    CHECK(strcmp(sigmint_result_name(SIGMINT_RESULT_KEY_NOT_INITIALIZED), "KEY_NOT_INITIALIZED") == 0);
    CHECK(strcmp(sigmint_result_name(SIGMINT_RESULT_INVALID_SUBJECT), "INVALID_SUBJECT") == 0);
    CHECK(strcmp(sigmint_result_str(SIGMINT_RESULT_OK), "success") == 0);
    CHECK(strcmp(sigmint_result_str(SIGMINT_RESULT_BUFFER_TOO_SMALL), "output buffer too small") == 0);
    for (i = 0; i < sizeof out_of_range / sizeof out_of_range[0]; i++) {
        CHECK(strcmp(sigmint_result_str(out_of_range[i]), "unknown result") == 0);
        CHECK(strcmp(sigmint_result_name(out_of_range[i]), "UNKNOWN") == 0);
    }
    CHECK(sizeof(sigmint_key) == SIGMINT_KEY_SIZE);
}

static void test_bad_secrets(void) {
    sigmint_key key = {{0}};
    uint8_t tag[SIGMINT_HMAC_SHA256_LEN];
    uint8_t raw = 0;

    CHECK_RESULT(sigmint_key_init(&key, &raw, 0), SIGMINT_RESULT_EMPTY_KEY);
    CHECK_RESULT(sigmint_key_init(&key, NULL, 0), SIGMINT_RESULT_EMPTY_KEY);
    CHECK_RESULT(sigmint_key_init_base64(&key, "", 0), SIGMINT_RESULT_EMPTY_KEY);
    CHECK_RESULT(sigmint_key_init_base64(&key, NULL, 0), SIGMINT_RESULT_EMPTY_KEY);
    /* '*' is in neither alphabet; a space or newline is refused too (Node would skip them). */
    CHECK_RESULT(sigmint_key_init_base64(&key, "c2Vj*mV0", 8), SIGMINT_RESULT_INVALID_BASE64);
    CHECK_RESULT(sigmint_key_init_base64(&key, "c2Vj cmV0", 9), SIGMINT_RESULT_INVALID_BASE64);
    CHECK_RESULT(sigmint_key_init_base64(&key, "c2VjcmV0\n", 9), SIGMINT_RESULT_INVALID_BASE64);
    /* 5 characters (one left over) and misplaced padding: no valid length. */
    CHECK_RESULT(sigmint_key_init_base64(&key, "c2Vjc", 5), SIGMINT_RESULT_INVALID_BASE64);
    CHECK_RESULT(sigmint_key_init_base64(&key, "YQ=", 3), SIGMINT_RESULT_INVALID_BASE64);
    CHECK_RESULT(sigmint_key_init_base64(&key, "\xff\xfe", 2), SIGMINT_RESULT_INVALID_UTF8);
    /* The length is what counts, not a NUL: "c2VjcmV0" then garbage is cut at 8. */
    CHECK_RESULT(sigmint_key_init_base64(&key, "c2VjcmV0!!", 8), SIGMINT_RESULT_OK);
    /* None of the failures initialized the key; a failed re-init keeps the old key. */
    CHECK_RESULT(sigmint_key_init_base64(&key, "c2Vj*mV0", 8), SIGMINT_RESULT_INVALID_BASE64);
    CHECK_RESULT(sigmint_hmac_sha256(&key, (const uint8_t *)"m", 1, tag), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

static void test_uninitialized_and_cleared_keys(void) {
    sigmint_key key;
    uint8_t tag[SIGMINT_HMAC_SHA256_LEN];
    char out[64];
    size_t out_len = LEN_SENTINEL;
    size_t i;
    int round;

    memset(&key, 0, sizeof key);
    for (round = 0; round < 2; round++) {
        /* round 0: never initialized (zeroed); round 1: initialized, then cleared. */
        memset(tag, SENTINEL, sizeof tag);
        memset(out, SENTINEL, sizeof out);
        CHECK_RESULT(sigmint_hmac_sha256(&key, (const uint8_t *)"m", 1, tag),
                     SIGMINT_RESULT_KEY_NOT_INITIALIZED);
        CHECK(untouched((const char *)tag, sizeof tag));
        CHECK_RESULT(sigmint_hmac_sha256_verify(&key, (const uint8_t *)"m", 1, tag, sizeof tag),
                     SIGMINT_RESULT_KEY_NOT_INITIALIZED);
        CHECK_RESULT(sigmint_fonbnk_sign(&key, 1, ENDPOINT, strlen(ENDPOINT), out, sizeof out,
                                         &out_len),
                     SIGMINT_RESULT_KEY_NOT_INITIALIZED);
        CHECK(untouched(out, sizeof out) && out_len == LEN_SENTINEL);
        if (round == 0) {
            init_key(&key);
            CHECK_RESULT(sigmint_fonbnk_sign(&key, 1, ENDPOINT, strlen(ENDPOINT), out, sizeof out,
                                             &out_len),
                         SIGMINT_RESULT_OK);
            out_len = LEN_SENTINEL;
            CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
        }
    }
    /* Clearing wipes every byte, and clearing twice is fine. */
    for (i = 0; i < sizeof key.opaque / sizeof key.opaque[0]; i++) {
        if (!CHECK(key.opaque[i] == 0)) {
            break;
        }
    }
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);

    /* Init takes memory that was never initialized (here: all ones) and wipes it first. */
    memset(&key, 0xFF, sizeof key);
    init_key(&key);
    CHECK_RESULT(sigmint_hmac_sha256(&key, (const uint8_t *)"m", 1, tag), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

static void test_null_pointers(void) {
    sigmint_key key = {{0}};
    uint8_t tag[SIGMINT_HMAC_SHA256_LEN];
    char out[128];
    size_t out_len = LEN_SENTINEL;
    const uint8_t *msg = (const uint8_t *)"m";
    sigmint_query_param param = {"a", 1, "b", 1};

    init_key(&key);
    memset(out, SENTINEL, sizeof out);

    CHECK_RESULT(sigmint_key_init(NULL, msg, 1), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_key_init(&key, NULL, 1), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_key_init_base64(NULL, "YQ", 2), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_key_init_base64(&key, NULL, 2), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_key_clear(NULL), SIGMINT_RESULT_NULL_PARAMETER);

    CHECK_RESULT(sigmint_hmac_sha256(NULL, msg, 1, tag), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_hmac_sha256(&key, NULL, 1, tag), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_hmac_sha256(&key, msg, 1, NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_hmac_sha256(&key, msg, 1, tag), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_hmac_sha256_verify(NULL, msg, 1, tag, sizeof tag),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_hmac_sha256_verify(&key, NULL, 1, tag, sizeof tag),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_hmac_sha256_verify(&key, msg, 1, NULL, sizeof tag),
                 SIGMINT_RESULT_NULL_PARAMETER);
    /* NULL with length 0 is empty data: an empty message has a tag; an empty tag never matches. */
    CHECK_RESULT(sigmint_hmac_sha256(&key, NULL, 0, tag), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_hmac_sha256_verify(&key, NULL, 0, tag, sizeof tag), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_hmac_sha256_verify(&key, NULL, 0, NULL, 0), SIGMINT_RESULT_INVALID_SIGNATURE);

    CHECK_RESULT(sigmint_fonbnk_sign(NULL, 1, ENDPOINT, strlen(ENDPOINT), out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_sign(&key, 1, NULL, strlen(ENDPOINT), out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_sign(&key, 1, ENDPOINT, strlen(ENDPOINT), NULL, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_sign(&key, 1, ENDPOINT, strlen(ENDPOINT), out, sizeof out, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);

    CHECK_RESULT(sigmint_fonbnk_string_to_sign(1, NULL, strlen(ENDPOINT), out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_string_to_sign(1, ENDPOINT, strlen(ENDPOINT), NULL, sizeof out,
                                               &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_string_to_sign(1, ENDPOINT, strlen(ENDPOINT), out, sizeof out, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);

    CHECK_RESULT(sigmint_fonbnk_endpoint(NULL, 2, &param, 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_endpoint("/p", 2, NULL, 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    param.name = NULL;
    CHECK_RESULT(sigmint_fonbnk_endpoint("/p", 2, &param, 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    param.name = "a";
    param.value = NULL;
    CHECK_RESULT(sigmint_fonbnk_endpoint("/p", 2, &param, 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    param.value = "b";
    CHECK_RESULT(sigmint_fonbnk_endpoint("/p", 2, &param, 1, NULL, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_endpoint("/p", 2, &param, 1, out, sizeof out, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);

    /* Nothing was written by any of those calls. */
    CHECK(untouched(out, sizeof out) && out_len == LEN_SENTINEL);

    /* NULL with length 0 is allowed: empty params, an empty name and value, empty path. */
    CHECK_RESULT(sigmint_fonbnk_endpoint("/p", 2, NULL, 0, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "/p");
    param.name = NULL;
    param.name_len = 0;
    param.value = NULL;
    param.value_len = 0;
    CHECK_RESULT(sigmint_fonbnk_endpoint("/p", 2, &param, 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "/p?=");
    CHECK_RESULT(sigmint_fonbnk_endpoint(NULL, 0, NULL, 0, out, sizeof out, &out_len),
                 SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE);
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

static void test_endpoint_rules(void) {
    sigmint_key key = {{0}};
    sigmint_query_param param = {"a", 1, "b c", 3};
    char out[128];
    size_t out_len = LEN_SENTINEL;

    init_key(&key);
    memset(out, SENTINEL, sizeof out);
    CHECK_RESULT(sigmint_fonbnk_sign(&key, 1, "api/x", 5, out, sizeof out, &out_len),
                 SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE);
    CHECK_RESULT(sigmint_fonbnk_string_to_sign(1, "api/x", 5, out, sizeof out, &out_len),
                 SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE);
    CHECK_RESULT(sigmint_fonbnk_endpoint("api/x", 5, &param, 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE);
    CHECK_RESULT(sigmint_fonbnk_endpoint("/x?y=1", 6, &param, 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_PATH_HAS_QUERY);
    CHECK_RESULT(sigmint_fonbnk_endpoint("/x#f", 4, &param, 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_ENDPOINT_INVALID_CHAR);
    CHECK_RESULT(sigmint_fonbnk_endpoint("/x y", 4, NULL, 0, out, sizeof out, &out_len),
                 SIGMINT_RESULT_ENDPOINT_INVALID_CHAR);
    CHECK_RESULT(sigmint_fonbnk_sign(&key, 1, "/x#f", 4, out, sizeof out, &out_len),
                 SIGMINT_RESULT_ENDPOINT_INVALID_CHAR);
    /* The endpoint errors win over a too-small buffer. */
    CHECK_RESULT(sigmint_fonbnk_string_to_sign(1, "x", 1, NULL, 0, &out_len),
                 SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE);
    CHECK(untouched(out, sizeof out) && out_len == LEN_SENTINEL);

    /* A path that holds a query is fine without params, and signed as given. */
    CHECK_RESULT(sigmint_fonbnk_endpoint("/x?y=1", 6, NULL, 0, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "/x?y=1");
    CHECK_RESULT(sigmint_fonbnk_endpoint("/x", 2, &param, 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "/x?a=b+c");
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

static void test_buffer_too_small(void) {
    sigmint_key key = {{0}};
    sigmint_query_param param = {"email", 5, "a b", 3};
    static const char expected_endpoint[] = "/x?email=a+b";
    static const char expected_sts[] = "1700000000000:/api/v2/user/tokens";
    char out[128];
    size_t out_len = LEN_SENTINEL;
    size_t need;

    init_key(&key);

    need = strlen(expected_endpoint);
    memset(out, SENTINEL, sizeof out);
    CHECK_RESULT(sigmint_fonbnk_endpoint("/x", 2, &param, 1, out, need - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need && untouched(out, sizeof out));
    out_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_fonbnk_endpoint("/x", 2, &param, 1, out, need, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, expected_endpoint);
    CHECK(untouched(out + need, sizeof out - need)); /* no NUL or anything else after it */

    need = strlen(expected_sts);
    memset(out, SENTINEL, sizeof out);
    out_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_fonbnk_string_to_sign(1700000000000u, ENDPOINT, strlen(ENDPOINT), out,
                                               need - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need && untouched(out, sizeof out));
    CHECK_RESULT(sigmint_fonbnk_string_to_sign(1700000000000u, ENDPOINT, strlen(ENDPOINT), out,
                                               need, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, expected_sts);
    CHECK(untouched(out + need, sizeof out - need));

    memset(out, SENTINEL, sizeof out);
    out_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_fonbnk_sign(&key, 1, ENDPOINT, strlen(ENDPOINT), out,
                                     SIGMINT_FONBNK_SIGNATURE_LEN - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == SIGMINT_FONBNK_SIGNATURE_LEN && untouched(out, sizeof out));
    CHECK_RESULT(sigmint_fonbnk_sign(&key, 1, ENDPOINT, strlen(ENDPOINT), NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == SIGMINT_FONBNK_SIGNATURE_LEN);
    CHECK_RESULT(sigmint_fonbnk_sign(&key, 1, ENDPOINT, strlen(ENDPOINT), out,
                                     SIGMINT_FONBNK_SIGNATURE_LEN, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK(out_len == SIGMINT_FONBNK_SIGNATURE_LEN);
    CHECK(untouched(out + SIGMINT_FONBNK_SIGNATURE_LEN, sizeof out - SIGMINT_FONBNK_SIGNATURE_LEN));
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

static void test_not_utf8(void) {
    sigmint_key key = {{0}};
    sigmint_query_param params[2] = {{"a", 1, "b", 1}, {"c", 1, "d", 1}};
    char out[128];
    size_t out_len = LEN_SENTINEL;

    init_key(&key);
    memset(out, SENTINEL, sizeof out);
    CHECK_RESULT(sigmint_fonbnk_sign(&key, 1, NOT_UTF8, strlen(NOT_UTF8), out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_fonbnk_string_to_sign(1, NOT_UTF8, strlen(NOT_UTF8), out, sizeof out,
                                               &out_len),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_fonbnk_endpoint(NOT_UTF8, strlen(NOT_UTF8), params, 2, out, sizeof out,
                                         &out_len),
                 SIGMINT_RESULT_INVALID_UTF8);
    /* Every param is checked, the last one too, name and value. */
    params[1].name = "\xc3";
    CHECK_RESULT(sigmint_fonbnk_endpoint("/p", 2, params, 2, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_UTF8);
    params[1].name = "c";
    params[1].value = "\xe2\x82";
    params[1].value_len = 2;
    CHECK_RESULT(sigmint_fonbnk_endpoint("/p", 2, params, 2, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK(untouched(out, sizeof out) && out_len == LEN_SENTINEL);
    /* The same bytes completed are UTF-8 ("€"), encoded as URLSearchParams does. */
    params[1].value = "\xe2\x82\xac";
    params[1].value_len = 3;
    CHECK_RESULT(sigmint_fonbnk_endpoint("/p", 2, params, 2, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "/p?a=b&c=%E2%82%AC");
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

static void test_timestamp_extremes(void) {
    char out[64];
    size_t out_len = 0;

    CHECK_RESULT(sigmint_fonbnk_string_to_sign(0, "/p", 2, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "0:/p");
    CHECK_RESULT(sigmint_fonbnk_string_to_sign(UINT64_MAX, "/p", 2, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "18446744073709551615:/p");
    CHECK_RESULT(sigmint_fonbnk_string_to_sign(UINT64_MAX, "/p", 2, NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == strlen("18446744073709551615:/p"));
}

void test_errors(void) {
    test_version_and_results();
    test_bad_secrets();
    test_uninitialized_and_cleared_keys();
    test_null_pointers();
    test_endpoint_rules();
    test_buffer_too_small();
    test_not_utf8();
    test_timestamp_extremes();
}
