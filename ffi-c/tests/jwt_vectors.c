/* The token vectors (../tests/vectors/jwt_hs256.json and jws_rfc.json): every valid token
 * verifies and its claims read back, every invalid one fails with its class, the providers'
 * example tokens read unverified but never verify, RFC 7515 A.1 and RFC 7520 4.4. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "check.h"

/* The moment the vectors were made: every valid vector token is good then. */
#define VECTORS_NOW 1765454133

enum { SCRATCH = 4096 };

static uint8_t scratch[SCRATCH];
static char claims[SCRATCH];

static void init_hex_key(sigmint_key *key, const char *hex) {
    uint8_t bytes[256];
    size_t len = from_hex(hex, bytes, sizeof bytes);
    CHECK_RESULT(sigmint_key_init(key, bytes, len), SIGMINT_RESULT_OK);
}

/* Whether the JSON text json[0..len] parses to a value equal to `expected`. */
static int json_equals(const char *json, size_t len, const cJSON *expected) {
    cJSON *got = cJSON_ParseWithLength(json, len);
    int same = got != NULL && cJSON_Compare(got, expected, 1);
    cJSON_Delete(got);
    return same;
}

/* Checks that every claim in `expected` (an object) reads back from the claims JSON
 * json[0..len] at its dotted path (prefix, then its name): strings, integers and booleans
 * through the typed lookups, arrays through the raw one, objects member by member. Returns
 * how many claims were checked. */
static int check_claims(const char *json, size_t len, const cJSON *expected, const char *prefix) {
    const cJSON *claim;
    int checked = 0;
    cJSON_ArrayForEach(claim, expected) {
        char path[256], text[1024];
        size_t text_len = 0, raw_len = 0;
        const char *raw = NULL;
        int64_t number = 0;
        bool flag = false;
        snprintf(path, sizeof path, "%s%s%s", prefix, prefix[0] ? "." : "", claim->string);
        if (cJSON_IsString(claim)) {
            CHECK_RESULT(sigmint_json_get_str(json, len, path, strlen(path), text, sizeof text,
                                              &text_len),
                         SIGMINT_RESULT_OK);
            CHECK_TEXT(text, text_len, claim->valuestring);
        } else if (cJSON_IsNumber(claim)) {
            CHECK_RESULT(sigmint_json_get_i64(json, len, path, strlen(path), &number),
                         SIGMINT_RESULT_OK);
            CHECK(number == (int64_t)claim->valuedouble);
        } else if (cJSON_IsBool(claim)) {
            CHECK_RESULT(sigmint_json_get_bool(json, len, path, strlen(path), &flag),
                         SIGMINT_RESULT_OK);
            CHECK(flag == (bool)cJSON_IsTrue(claim));
        } else if (cJSON_IsObject(claim)) {
            checked += check_claims(json, len, claim, path);
        }
        /* Every claim, of any kind, is also found raw: the JSON text of the same value. */
        CHECK_RESULT(sigmint_json_get_raw(json, len, path, strlen(path), &raw, &raw_len),
                     SIGMINT_RESULT_OK);
        CHECK(raw >= json && raw + raw_len <= json + len && json_equals(raw, raw_len, claim));
        checked++;
    }
    return checked;
}

/* A validation at the vectors' time, accepting the audiences of `expected_claims` if any. */
static void validation_for(sigmint_jwt_validation *v, const cJSON *expected_claims,
                           sigmint_str *audiences, size_t room) {
    const cJSON *aud = cJSON_GetObjectItemCaseSensitive(expected_claims, "aud");
    const cJSON *list = cJSON_IsArray(aud) ? aud : NULL;
    const cJSON *item;
    memset(v, 0, sizeof *v);
    v->now = VECTORS_NOW;
    v->audiences = audiences;
    if (cJSON_IsString(aud)) {
        audiences[0].ptr = aud->valuestring;
        audiences[0].len = strlen(aud->valuestring);
        v->audiences_len = 1;
    }
    cJSON_ArrayForEach(item, list) {
        if (CHECK(v->audiences_len < room && cJSON_IsString(item))) {
            audiences[v->audiences_len].ptr = item->valuestring;
            audiences[v->audiences_len].len = strlen(item->valuestring);
            v->audiences_len++;
        }
    }
}

static void valid_case(const cJSON *vector) {
    const char *token = string_of(vector, "token");
    const cJSON *expected = cJSON_GetObjectItemCaseSensitive(vector, "claims");
    const cJSON *header = cJSON_GetObjectItemCaseSensitive(vector, "header");
    sigmint_key key = {{0}};
    sigmint_jwt_validation v;
    sigmint_str audiences[4];
    size_t claims_len = 0, payload_len = 0, header_len = 0;
    char email[64];
    size_t email_len = 0;
    int failed_before = check_failed;

    init_hex_key(&key, string_of(vector, "key_hex"));
    validation_for(&v, expected, audiences, 4);
    CHECK_RESULT(sigmint_jwt_verify(&key, token, strlen(token), &v, scratch, sizeof scratch, claims,
                                    sizeof claims, &claims_len),
                 SIGMINT_RESULT_OK);
    CHECK(json_equals(claims, claims_len, expected));
    CHECK(check_claims(claims, claims_len, expected, "") >= cJSON_GetArraySize(expected));
    if (cJSON_HasObjectItem(expected, "userData")) {
        CHECK_RESULT(sigmint_json_get_str(claims, claims_len, "userData.email", 14, email,
                                          sizeof email, &email_len),
                     SIGMINT_RESULT_OK);
        CHECK_TEXT(email, email_len, "testuser+ng@fonbnk.com");
    }

    /* The same token as a plain JWS gives the same payload bytes. */
    CHECK_RESULT(sigmint_jws_verify_hs256(&key, token, strlen(token), scratch, sizeof scratch,
                                          &payload_len),
                 SIGMINT_RESULT_OK);
    CHECK(payload_len == claims_len && memcmp(scratch, claims, claims_len) == 0);

    if (header != NULL) {
        CHECK_RESULT(sigmint_jws_dangerous_header(token, strlen(token), claims, sizeof claims,
                                                  &header_len),
                     SIGMINT_RESULT_OK);
        CHECK(json_equals(claims, header_len, header));
        /* The header's typ can be required, without regard to case. */
        v.typ.ptr = "jwt";
        v.typ.len = 3;
        CHECK_RESULT(sigmint_jwt_verify(&key, token, strlen(token), &v, scratch, sizeof scratch,
                                        claims, sizeof claims, &claims_len),
                     SIGMINT_RESULT_OK);
    }
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
    if (check_failed != failed_before) {
        fprintf(stderr, "    in valid vector \"%s\"\n", string_of(vector, "name"));
    }
}

static void invalid_case(const cJSON *vector) {
    const char *token = string_of(vector, "token");
    const char *class = string_of(vector, "expected_error");
    sigmint_key key = {{0}};
    sigmint_jwt_validation v;
    size_t claims_len = 0;
    sigmint_result got;
    int failed_before = check_failed;

    init_hex_key(&key, string_of(vector, "key_hex"));
    memset(&v, 0, sizeof v);
    v.now = VECTORS_NOW;
    memset(claims, 0xA5, sizeof claims);
    got = sigmint_jwt_verify(&key, token, strlen(token), &v, scratch, sizeof scratch, claims,
                             sizeof claims, &claims_len);
    if (strcmp(class, "malformed") == 0) {
        if (!CHECK(got == SIGMINT_RESULT_MALFORMED_TOKEN || got == SIGMINT_RESULT_INVALID_JSON)) {
            fprintf(stderr, "    got %s\n", sigmint_result_str(got));
        }
    } else if (strcmp(class, "invalid_signature") == 0) {
        CHECK_RESULT(got, SIGMINT_RESULT_INVALID_SIGNATURE);
    } else if (strcmp(class, "unsupported_algorithm") == 0) {
        CHECK_RESULT(got, SIGMINT_RESULT_UNSUPPORTED_ALGORITHM);
    } else if (strcmp(class, "expired") == 0) {
        CHECK_RESULT(got, SIGMINT_RESULT_EXPIRED);
    } else if (strcmp(class, "not_yet_valid") == 0) {
        CHECK_RESULT(got, SIGMINT_RESULT_NOT_YET_VALID);
    } else {
        CHECK(!"an expected_error class this test knows");
    }
    CHECK(all_bytes(claims, sizeof claims, 0xA5));
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
    if (check_failed != failed_before) {
        fprintf(stderr, "    in invalid vector \"%s\" (%s)\n", string_of(vector, "name"), class);
    }
}

/* The providers' example tokens: their claims read unverified; no key verifies them. */
static void provider_case(const cJSON *vector, const sigmint_key *some_key) {
    const char *token = string_of(vector, "token");
    const cJSON *expected = cJSON_GetObjectItemCaseSensitive(vector, "claims");
    sigmint_jwt_validation v;
    size_t claims_len = 0;
    int failed_before = check_failed;

    CHECK_RESULT(sigmint_jwt_dangerous_decode_unverified(token, strlen(token), scratch,
                                                         sizeof scratch, claims, sizeof claims,
                                                         &claims_len),
                 SIGMINT_RESULT_OK);
    CHECK(json_equals(claims, claims_len, expected));
    CHECK(check_claims(claims, claims_len, expected, "") >= cJSON_GetArraySize(expected));

    memset(&v, 0, sizeof v);
    v.now = VECTORS_NOW;
    v.skip = SIGMINT_JWT_SKIP_EXP | SIGMINT_JWT_SKIP_NBF | SIGMINT_JWT_SKIP_IAT |
             SIGMINT_JWT_SKIP_AUD | SIGMINT_JWT_SKIP_ISS;
    CHECK_RESULT(sigmint_jwt_verify(some_key, token, strlen(token), &v, scratch, sizeof scratch,
                                    claims, sizeof claims, &claims_len),
                 SIGMINT_RESULT_INVALID_SIGNATURE);
    CHECK_RESULT(sigmint_jws_verify_hs256(some_key, token, strlen(token), scratch, sizeof scratch,
                                          &claims_len),
                 SIGMINT_RESULT_INVALID_SIGNATURE);
    if (check_failed != failed_before) {
        fprintf(stderr, "    in provider token \"%s\"\n", string_of(vector, "name"));
    }
}

/* The pay widget vector: minted again from its key and uid, byte for byte. */
static void widget_case(const cJSON *vector) {
    const char *token = string_of(vector, "token");
    const char *uid = string_of(cJSON_GetObjectItemCaseSensitive(vector, "claims"), "uid");
    sigmint_key key = {{0}};
    char out[512];
    size_t out_len = 0;

    init_hex_key(&key, string_of(vector, "key_hex"));
    CHECK_RESULT(sigmint_fonbnk_widget_signature(&key, uid, strlen(uid), NULL, 0, scratch,
                                                 sizeof scratch, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, token);
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

static void jwt_hs256(const char *dir) {
    cJSON *vectors = read_json(dir, "jwt_hs256.json");
    const cJSON *vector;
    sigmint_key any_key = {{0}};
    int valid = 0, invalid = 0, provider = 0, widget = 0;

    CHECK_RESULT(sigmint_key_init(&any_key, (const uint8_t *)"any key at all", 14),
                 SIGMINT_RESULT_OK);
    cJSON_ArrayForEach(vector, cJSON_GetObjectItemCaseSensitive(vectors, "valid")) {
        valid_case(vector);
        valid++;
        if (strstr(string_of(vector, "name"), "pay widget URL signature") != NULL) {
            widget_case(vector);
            widget++;
        }
    }
    cJSON_ArrayForEach(vector, cJSON_GetObjectItemCaseSensitive(vectors, "invalid")) {
        invalid_case(vector);
        invalid++;
    }
    cJSON_ArrayForEach(vector, cJSON_GetObjectItemCaseSensitive(vectors, "from_provider_docs")) {
        provider_case(vector, &any_key);
        provider++;
    }
    /* Guard against silently testing nothing. */
    CHECK(valid >= 3 && invalid >= 14 && provider >= 3 && widget == 1);
    CHECK_RESULT(sigmint_key_clear(&any_key), SIGMINT_RESULT_OK);
    cJSON_Delete(vectors);
}

static void rfc7515_a1(const cJSON *vector) {
    const char *token = string_of(vector, "token");
    const char *key_b64 = string_of(vector, "key_b64url");
    const cJSON *expected = cJSON_GetObjectItemCaseSensitive(vector, "claims");
    const cJSON *now = cJSON_GetObjectItemCaseSensitive(vector, "now");
    sigmint_key key = {{0}};
    sigmint_jwt_validation v;
    size_t claims_len = 0, header_len = 0, raw_len = 0;
    const char *raw = NULL;
    char text[64];
    size_t text_len = 0;
    int64_t exp = 0;

    CHECK_RESULT(sigmint_key_init_base64(&key, key_b64, strlen(key_b64)), SIGMINT_RESULT_OK);
    memset(&v, 0, sizeof v);
    CHECK(cJSON_IsNumber(now));
    v.now = (int64_t)cJSON_GetNumberValue(now);
    CHECK_RESULT(sigmint_jwt_verify(&key, token, strlen(token), &v, scratch, sizeof scratch, claims,
                                    sizeof claims, &claims_len),
                 SIGMINT_RESULT_OK);
    CHECK(json_equals(claims, claims_len, expected));
    CHECK_RESULT(sigmint_json_get_str(claims, claims_len, "iss", 3, text, sizeof text, &text_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(text, text_len, "joe");
    CHECK_RESULT(sigmint_json_get_i64(claims, claims_len, "exp", 3, &exp), SIGMINT_RESULT_OK);
    CHECK(exp == 1300819380);
    /* A claim named by URI holds dots: a path cannot reach it, the member lookup can. */
    CHECK_RESULT(sigmint_json_get_raw(claims, claims_len, "http://example.com/is_root", 26, &raw,
                                      &raw_len),
                 SIGMINT_RESULT_MISSING_CLAIM);
    CHECK_RESULT(sigmint_json_get_member_raw(claims, claims_len, "http://example.com/is_root", 26,
                                             &raw, &raw_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(raw, raw_len, "true");
    CHECK_RESULT(sigmint_jws_dangerous_header(token, strlen(token), text, sizeof text, &header_len),
                 SIGMINT_RESULT_OK);
    CHECK(json_equals(text, header_len, cJSON_GetObjectItemCaseSensitive(vector, "header")));
    /* One second later it has expired; with leeway it has not. */
    v.now++;
    CHECK_RESULT(sigmint_jwt_verify(&key, token, strlen(token), &v, scratch, sizeof scratch, claims,
                                    sizeof claims, &claims_len),
                 SIGMINT_RESULT_EXPIRED);
    v.leeway = 1;
    CHECK_RESULT(sigmint_jwt_verify(&key, token, strlen(token), &v, scratch, sizeof scratch, claims,
                                    sizeof claims, &claims_len),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

static void rfc7520_4_4(const cJSON *vector) {
    const char *token = string_of(vector, "token");
    const char *key_b64 = string_of(vector, "key_b64url");
    const char *expected = string_of(vector, "payload_utf8");
    sigmint_key key = {{0}};
    sigmint_jwt_validation v;
    size_t payload_len = 0, claims_len = 0;

    CHECK_RESULT(sigmint_key_init_base64(&key, key_b64, strlen(key_b64)), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_jws_verify_hs256(&key, token, strlen(token), scratch, sizeof scratch,
                                          &payload_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT((const char *)scratch, payload_len, expected);
    /* Plain text is a fine JWS payload, but no JWT's claims. */
    memset(&v, 0, sizeof v);
    memset(claims, 0xA5, sizeof claims);
    CHECK_RESULT(sigmint_jwt_verify(&key, token, strlen(token), &v, scratch, sizeof scratch, claims,
                                    sizeof claims, &claims_len),
                 SIGMINT_RESULT_INVALID_JSON);
    CHECK_RESULT(sigmint_jwt_dangerous_decode_unverified(token, strlen(token), scratch,
                                                         sizeof scratch, claims, sizeof claims,
                                                         &claims_len),
                 SIGMINT_RESULT_INVALID_JSON);
    CHECK(all_bytes(claims, sizeof claims, 0xA5));
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

void test_jwt_vectors(const char *vectors_dir) {
    cJSON *rfc = read_json(vectors_dir, "jws_rfc.json");
    jwt_hs256(vectors_dir);
    rfc7515_a1(cJSON_GetObjectItemCaseSensitive(rfc, "rfc7515_a1"));
    rfc7520_4_4(cJSON_GetObjectItemCaseSensitive(rfc, "rfc7520_4_4"));
    cJSON_Delete(rfc);
}
