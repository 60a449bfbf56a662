/* The cases of tests/vectors/parity.json, which the Rust and Python tests run too: through the
 * C API, each must reach the verdict written there, "ok" or core's error name (the result's
 * sigmint_result_name, compared without regard to case). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "check.h"

/* More entries than any case's lists, so that an over-long list reaches the library. */
#define MAX_ENTRIES 32
/* Room for any token or body of the file once decoded (the 64 KiB + 1 body is built apart). */
#define ROOM 4096

/* Whether `result` is the verdict `expect` ("ok" or an error name in lower case). */
static int is_verdict(sigmint_result result, const char *expect, const char *name) {
    const char *got = result == SIGMINT_RESULT_OK ? "ok" : sigmint_result_name(result);
    size_t i, n = strlen(got);
    int same = strlen(expect) == n;
    for (i = 0; same && i < n; i++) {
        same = tolower((unsigned char)got[i]) == (unsigned char)expect[i];
    }
    if (!CHECK(same)) {
        fprintf(stderr, "    %s: got %s, expected %s\n", name, got, expect);
    }
    return same;
}

/* The strings of the array `name` in `object` as views, into `out` (of room MAX_ENTRIES). */
static size_t views_of(const cJSON *object, const char *name, sigmint_str *out) {
    const cJSON *array = cJSON_GetObjectItemCaseSensitive(object, name);
    const cJSON *item;
    size_t n = 0;
    cJSON_ArrayForEach(item, array) {
        if (CHECK(cJSON_IsString(item) && n < MAX_ENTRIES)) {
            out[n].ptr = item->valuestring;
            out[n].len = strlen(item->valuestring);
            n++;
        }
    }
    return n;
}

/* The SIGMINT_JWT_SKIP_* bits of a case's `skip` list. */
static uint32_t skip_bits(const cJSON *validation) {
    static const struct {
        const char *name;
        uint32_t bit;
    } checks[] = {{"exp", SIGMINT_JWT_SKIP_EXP}, {"nbf", SIGMINT_JWT_SKIP_NBF},
                  {"iat", SIGMINT_JWT_SKIP_IAT}, {"aud", SIGMINT_JWT_SKIP_AUD},
                  {"iss", SIGMINT_JWT_SKIP_ISS}, {"sub", SIGMINT_JWT_SKIP_SUB}};
    const cJSON *item;
    uint32_t bits = 0;
    size_t i;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(validation, "skip")) {
        int known = 0;
        for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
            if (cJSON_IsString(item) && strcmp(item->valuestring, checks[i].name) == 0) {
                bits |= checks[i].bit;
                known = 1;
            }
        }
        CHECK(known);
    }
    return bits;
}

/* Verifies `token[0..len]` as `validation` (a case's, or NULL for the defaults) says. */
static sigmint_result verify(const sigmint_key *key, const char *token, size_t len,
                             const cJSON *validation) {
    sigmint_str required[MAX_ENTRIES], audiences[MAX_ENTRIES], issuers[MAX_ENTRIES];
    sigmint_jwt_validation v;
    static uint8_t scratch[ROOM];
    static char claims[ROOM];
    size_t claims_len = 0;
    const cJSON *item;

    memset(&v, 0, sizeof v);
    v.now = (int64_t)time(NULL);
    if (validation != NULL) {
        item = cJSON_GetObjectItemCaseSensitive(validation, "leeway");
        v.leeway = cJSON_IsNumber(item) ? (uint64_t)item->valuedouble : 0;
        v.skip = skip_bits(validation);
        v.required_len = views_of(validation, "require", required);
        v.required = required;
        v.audiences_len = views_of(validation, "audience", audiences);
        v.audiences = audiences;
        v.issuers_len = views_of(validation, "issuer", issuers);
        v.issuers = issuers;
        item = cJSON_GetObjectItemCaseSensitive(validation, "subject");
        if (cJSON_IsString(item)) {
            v.subject.ptr = item->valuestring;
            v.subject.len = strlen(item->valuestring);
        }
        v.strict_audience =
            cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(validation, "strict_aud")) ? 1 : 0;
    }
    return sigmint_jwt_verify(key, token, len, &v, scratch, sizeof scratch, claims,
                              sizeof claims, &claims_len);
}

static void jwt_cases(const sigmint_key *key, const cJSON *cases) {
    const cJSON *c;
    cJSON_ArrayForEach(c, cases) {
        const char *token = string_of(c, "token");
        is_verdict(verify(key, token, strlen(token),
                          cJSON_GetObjectItemCaseSensitive(c, "validation")),
                   string_of(c, "expect"), string_of(c, "name"));
    }
}

static void raw_token_cases(const sigmint_key *key, const cJSON *cases) {
    static uint8_t token[ROOM];
    const cJSON *c;
    cJSON_ArrayForEach(c, cases) {
        size_t len = from_hex(string_of(c, "token_hex"), token, sizeof token);
        is_verdict(verify(key, (const char *)token, len, NULL), string_of(c, "expect"),
                   string_of(c, "name"));
    }
}

static void error_message_cases(const cJSON *cases) {
    static char text[ROOM];
    const cJSON *c;
    cJSON_ArrayForEach(c, cases) {
        const char *name = string_of(c, "name");
        const cJSON *repeat = cJSON_GetObjectItemCaseSensitive(c, "repeat");
        const cJSON *expected = cJSON_GetObjectItemCaseSensitive(c, "text");
        const cJSON *hex = cJSON_GetObjectItemCaseSensitive(c, "body_hex");
        uint8_t once[ROOM];
        size_t once_len, times = cJSON_IsNumber(repeat) ? (size_t)repeat->valuedouble : 1, i;
        size_t text_len = 0;
        char *body;
        sigmint_result r;

        if (cJSON_IsString(hex)) {
            once_len = from_hex(hex->valuestring, once, sizeof once);
        } else {
            const char *b = string_of(c, "body");
            once_len = strlen(b);
            if (!CHECK(once_len <= sizeof once)) {
                continue;
            }
            memcpy(once, b, once_len);
        }
        body = malloc(once_len * times + 1);
        if (!CHECK(body != NULL)) {
            continue;
        }
        for (i = 0; i < times; i++) {
            memcpy(body + i * once_len, once, once_len);
        }
        r = sigmint_provider_error_message(body, once_len * times, text, sizeof text, &text_len);
        if (cJSON_GetObjectItemCaseSensitive(c, "expect") != NULL) {
            is_verdict(r, string_of(c, "expect"), name);
        } else if (cJSON_IsString(expected)) {
            if (is_verdict(r, "ok", name)) {
                CHECK_TEXT(text, text_len, expected->valuestring);
            }
        } else {
            /* No text: the body holds none, or is not text. */
            if (!CHECK(r == SIGMINT_RESULT_MISSING_FIELD || r == SIGMINT_RESULT_INVALID_UTF8)) {
                fprintf(stderr, "    %s: got %s\n", name, sigmint_result_name(r));
            }
        }
        free(body);
    }
}

static void endpoint_cases(const cJSON *cases) {
    const cJSON *c;
    cJSON_ArrayForEach(c, cases) {
        sigmint_query_param params[MAX_ENTRIES];
        const cJSON *pair;
        const cJSON *endpoint = cJSON_GetObjectItemCaseSensitive(c, "endpoint");
        const char *path = string_of(c, "path");
        char out[ROOM];
        size_t n = 0, out_len = 0;
        sigmint_result r;

        cJSON_ArrayForEach(pair, cJSON_GetObjectItemCaseSensitive(c, "params")) {
            const cJSON *k = cJSON_GetArrayItem(pair, 0), *v = cJSON_GetArrayItem(pair, 1);
            if (CHECK(cJSON_IsString(k) && cJSON_IsString(v) && n < MAX_ENTRIES)) {
                params[n].name = k->valuestring;
                params[n].name_len = strlen(k->valuestring);
                params[n].value = v->valuestring;
                params[n].value_len = strlen(v->valuestring);
                n++;
            }
        }
        r = sigmint_fonbnk_endpoint(path, strlen(path), params, n, out, sizeof out, &out_len);
        if (cJSON_IsString(endpoint)) {
            if (is_verdict(r, "ok", string_of(c, "name"))) {
                CHECK_TEXT(out, out_len, endpoint->valuestring);
            }
        } else {
            is_verdict(r, string_of(c, "expect"), string_of(c, "name"));
        }
    }
}

static void fonbnk_verify_cases(const char *secret, const cJSON *cases) {
    const cJSON *c;
    sigmint_key key;

    CHECK_RESULT(sigmint_key_init_base64(&key, secret, strlen(secret)), SIGMINT_RESULT_OK);
    CHECK(cJSON_GetArraySize(cases) > 0);
    cJSON_ArrayForEach(c, cases) {
        const cJSON *ts = cJSON_GetObjectItemCaseSensitive(c, "timestamp_ms");
        const char *endpoint = string_of(c, "endpoint"), *signature = string_of(c, "signature");
        if (CHECK(cJSON_IsNumber(ts))) {
            is_verdict(sigmint_fonbnk_verify(&key, (uint64_t)ts->valuedouble, endpoint,
                                             strlen(endpoint), signature, strlen(signature)),
                       string_of(c, "expect"), string_of(c, "name"));
        }
    }
    sigmint_key_clear(&key);
}

void test_parity(const char *vectors_dir) {
    cJSON *parity = read_json(vectors_dir, "parity.json");
    const char *secret;
    sigmint_key key;

    if (parity == NULL) {
        return;
    }
    secret = string_of(parity, "secret");
    CHECK_RESULT(sigmint_key_init(&key, (const uint8_t *)secret, strlen(secret)),
                 SIGMINT_RESULT_OK);
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(parity, "jwt")) > 0);
    jwt_cases(&key, cJSON_GetObjectItemCaseSensitive(parity, "jwt"));
    raw_token_cases(&key, cJSON_GetObjectItemCaseSensitive(parity, "raw_tokens"));
    error_message_cases(cJSON_GetObjectItemCaseSensitive(parity, "error_messages"));
    endpoint_cases(cJSON_GetObjectItemCaseSensitive(parity, "endpoints"));
    fonbnk_verify_cases(string_of(parity, "fonbnk_secret"),
                        cJSON_GetObjectItemCaseSensitive(parity, "fonbnk_verify"));
    sigmint_key_clear(&key);
    cJSON_Delete(parity);
}
