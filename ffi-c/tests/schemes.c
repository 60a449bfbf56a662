/* Signing schemes from C: every case of ../tests/vectors/schemes.json through its preset
 * (signature, verification, string to sign, and the webhook headers it documents), Fonbnk's
 * vectors through the Fonbnk preset, custom schemes, and every refusal: templates, prefixes,
 * encodings, secrets, parts, NULL pointers, short buffers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "check.h"

#define SENTINEL 0xA5
#define LEN_SENTINEL ((size_t)0xDEADBEEF)

/* The part `name` of a case's "parts" object into *ptr / *len; NULL (not given) when absent. */
static void part_of(const cJSON *parts, const char *name, const char **ptr, size_t *len) {
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(parts, name);
    *ptr = cJSON_IsString(item) ? item->valuestring : NULL;
    *len = *ptr != NULL ? strlen(*ptr) : 0;
}

/* The request parts of a schemes.json case: its "parts", and its "body" (UTF-8 text). */
static sigmint_parts parts_of(const cJSON *vector) {
    const cJSON *parts = cJSON_GetObjectItemCaseSensitive(vector, "parts");
    const char *body = string_of(vector, "body");
    sigmint_parts p;
    memset(&p, 0, sizeof p);
    part_of(parts, "timestamp", &p.timestamp, &p.timestamp_len);
    part_of(parts, "method", &p.method, &p.method_len);
    part_of(parts, "path", &p.path, &p.path_len);
    part_of(parts, "query", &p.query, &p.query_len);
    p.body = (const uint8_t *)body;
    p.body_len = strlen(body);
    return p;
}

/* The case's signature, string to sign and verification through its preset. */
static void sign_case(const sigmint_scheme *scheme, const sigmint_key *key, const cJSON *vector) {
    const char *expected = string_of(vector, "signature");
    const char *to_sign = string_of(vector, "stringToSign");
    sigmint_parts parts = parts_of(vector);
    char signature[SIGMINT_SCHEME_SIGNATURE_MAX_LEN];
    uint8_t shown[4096];
    char tampered[SIGMINT_SCHEME_SIGNATURE_MAX_LEN];
    size_t len = LEN_SENTINEL, needed = 0, signature_len = 0;

    /* Asked for its length first, then too short by one byte: nothing is written. */
    CHECK_RESULT(sigmint_scheme_sign(scheme, key, &parts, NULL, 0, &needed),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(needed == strlen(expected));
    CHECK_RESULT(sigmint_scheme_signature_len(scheme, &signature_len), SIGMINT_RESULT_OK);
    CHECK(signature_len == needed && signature_len <= SIGMINT_SCHEME_SIGNATURE_MAX_LEN);
    memset(signature, SENTINEL, sizeof signature);
    CHECK_RESULT(sigmint_scheme_sign(scheme, key, &parts, signature, needed - 1, &len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(len == needed && all_bytes(signature, sizeof signature, SENTINEL));
    CHECK_RESULT(sigmint_scheme_sign(scheme, key, &parts, signature, sizeof signature, &len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(signature, len, expected);

    CHECK_RESULT(sigmint_scheme_verify(scheme, key, &parts, expected, strlen(expected)),
                 SIGMINT_RESULT_OK);
    memcpy(tampered, expected, len);
    tampered[len - 1] = tampered[len - 1] == '0' ? '1' : '0';
    CHECK_RESULT(sigmint_scheme_verify(scheme, key, &parts, tampered, len),
                 SIGMINT_RESULT_INVALID_SIGNATURE);
    CHECK_RESULT(sigmint_scheme_verify(scheme, key, &parts, expected, strlen(expected) - 1),
                 SIGMINT_RESULT_INVALID_SIGNATURE);

    CHECK_RESULT(sigmint_scheme_string_to_sign(scheme, &parts, NULL, 0, &needed),
                 strlen(to_sign) == 0 ? SIGMINT_RESULT_OK : SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(needed == strlen(to_sign));
    CHECK_RESULT(sigmint_scheme_string_to_sign(scheme, &parts, shown, sizeof shown, &len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT((const char *)shown, len, to_sign);
}

/* The documented headers of a webhook case: sigmint_webhook_sign gives them at the case's
 * timestamp, and sigmint_webhook_verify accepts them then. */
static void webhook_case(const char *provider, const sigmint_key *key, const cJSON *vector) {
    const cJSON *headers_json = cJSON_GetObjectItemCaseSensitive(vector, "headers");
    const cJSON *timestamp = cJSON_GetObjectItemCaseSensitive(vector, "timestamp");
    const char *body = string_of(vector, "body");
    int64_t now = cJSON_IsNumber(timestamp) ? (int64_t)timestamp->valuedouble : 0;
    sigmint_http_header received[4], sent[SIGMINT_WEBHOOK_MAX_HEADERS];
    size_t received_len = 0, sent_len = 0, values_len = 0, key_index = LEN_SENTINEL, i;
    char values[512];
    const cJSON *header;

    cJSON_ArrayForEach(header, headers_json) {
        if (!CHECK(received_len < 4 && cJSON_IsString(header))) {
            return;
        }
        received[received_len].name = header->string;
        received[received_len].name_len = strlen(header->string);
        received[received_len].value = header->valuestring;
        received[received_len].value_len = strlen(header->valuestring);
        received_len++;
    }
    CHECK_RESULT(sigmint_webhook_verify(provider, strlen(provider), key, 1, received,
                                        received_len, (const uint8_t *)body, strlen(body), now,
                                        SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S, NULL, &key_index,
                                        NULL),
                 SIGMINT_RESULT_OK);
    CHECK(key_index == 0);

    CHECK_RESULT(sigmint_webhook_sign(provider, strlen(provider), key, (const uint8_t *)body,
                                      strlen(body), now, sent, SIGMINT_WEBHOOK_MAX_HEADERS,
                                      &sent_len, values, sizeof values, &values_len),
                 SIGMINT_RESULT_OK);
    CHECK(sent_len == received_len);
    for (i = 0; i < sent_len && i < received_len; i++) {
        const cJSON *value = cJSON_GetObjectItemCaseSensitive(headers_json, sent[i].name);
        CHECK(strlen(sent[i].name) == sent[i].name_len);
        CHECK(cJSON_IsString(value) && strcmp(value->valuestring, sent[i].value) == 0);
    }
}

/* Every case of schemes.json: each preset signs as its provider's rule says. */
static void test_scheme_vectors(const char *vectors_dir) {
    cJSON *file = read_json(vectors_dir, "schemes.json");
    const cJSON *vector;
    int signed_cases = 0, webhook_cases = 0;
    const char *webhooks[] = {"github", "slack", "stripe", "shopify"};

    cJSON_ArrayForEach(vector, cJSON_GetObjectItemCaseSensitive(file, "cases")) {
        const char *provider = string_of(vector, "provider");
        const char *secret = string_of(vector, "secret");
        sigmint_scheme scheme;
        sigmint_key key = {{0}};
        int failed_before = check_failed;
        size_t i;

        CHECK_RESULT(sigmint_scheme_preset(&scheme, provider, strlen(provider)), SIGMINT_RESULT_OK);
        CHECK_RESULT(sigmint_scheme_key(&scheme, &key, (const uint8_t *)secret, strlen(secret)),
                     SIGMINT_RESULT_OK);
        if (cJSON_HasObjectItem(vector, "signature")) {
            sign_case(&scheme, &key, vector);
            signed_cases++;
        }
        for (i = 0; i < sizeof webhooks / sizeof webhooks[0]; i++) {
            if (strcmp(provider, webhooks[i]) == 0 && cJSON_HasObjectItem(vector, "headers")) {
                webhook_case(provider, &key, vector);
                webhook_cases++;
            }
        }
        CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
        if (check_failed != failed_before) {
            fprintf(stderr, "    in schemes.json case \"%s\" (%s)\n", provider,
                    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(vector, "derived"))
                        ? "derived"
                        : "published");
        }
    }
    /* Guard against silently testing nothing. */
    CHECK(signed_cases >= 11 && webhook_cases >= 7);
    cJSON_Delete(file);
}

/* Fonbnk's own vectors give the same signature through the preset as through
 * sigmint_fonbnk_sign. */
static void test_fonbnk_preset(const char *vectors_dir) {
    cJSON *file = read_json(vectors_dir, "fonbnk_signing.json");
    const cJSON *vector;
    sigmint_scheme scheme;
    int cases = 0;

    CHECK_RESULT(sigmint_scheme_preset(&scheme, "fonbnk", 6), SIGMINT_RESULT_OK);
    cJSON_ArrayForEach(vector, file) {
        const char *secret = string_of(vector, "clientSecret");
        const char *endpoint = string_of(vector, "endpoint");
        const char *timestamp = string_of(vector, "timestamp");
        sigmint_parts parts;
        sigmint_key key;
        char signature[SIGMINT_SCHEME_SIGNATURE_MAX_LEN];
        size_t len = 0;

        memset(&parts, 0, sizeof parts);
        parts.timestamp = timestamp;
        parts.timestamp_len = strlen(timestamp);
        parts.path = endpoint;
        parts.path_len = strlen(endpoint);
        CHECK_RESULT(sigmint_scheme_key(&scheme, &key, (const uint8_t *)secret, strlen(secret)),
                     SIGMINT_RESULT_OK);
        CHECK_RESULT(sigmint_scheme_sign(&scheme, &key, &parts, signature, sizeof signature, &len),
                     SIGMINT_RESULT_OK);
        CHECK_TEXT(signature, len, string_of(vector, "signature"));
        CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
        cases++;
    }
    CHECK(cases >= 9);
    cJSON_Delete(file);
}

/* Schemes of the caller's own: templates with every field and literal braces, hex secrets,
 * base64url tags, prefixes; the tag is the HMAC of the string to sign. */
static void test_custom_schemes(void) {
    static const char GITHUB_BODY[] = "Hello, World!";
    static const char TEMPLATE[] = "{{{method}}} {path}?{query}\n{timestamp}\n{body_sha256}";
    static const char EMPTY_SHA256[] =
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    const uint8_t secret_bytes[] = {0x00, 0xff, 0x10, 0xab};
    sigmint_scheme github, custom;
    sigmint_key key, raw_key;
    sigmint_parts parts;
    char signature[SIGMINT_SCHEME_SIGNATURE_MAX_LEN], expected[64], shown_text[256];
    uint8_t shown[256], tag[SIGMINT_HMAC_SHA256_LEN];
    size_t len = 0, shown_len = 0;

    /* GitHub's documented example, through a scheme made by hand. */
    CHECK_RESULT(sigmint_scheme_init(&github, "{body}", 6, SIGMINT_SECRET_ENCODING_RAW,
                                     SIGMINT_TAG_ENCODING_HEX, "sha256=", 7),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_scheme_key(&github, &key, (const uint8_t *)"It's a Secret to Everybody",
                                    26),
                 SIGMINT_RESULT_OK);
    memset(&parts, 0, sizeof parts);
    parts.body = (const uint8_t *)GITHUB_BODY;
    parts.body_len = strlen(GITHUB_BODY);
    CHECK_RESULT(sigmint_scheme_sign(&github, &key, &parts, signature, sizeof signature, &len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(signature, len,
               "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    /* Hex is compared in either case, the prefix exactly. */
    {
        char upper[SIGMINT_SCHEME_SIGNATURE_MAX_LEN];
        size_t i;
        memcpy(upper, signature, len);
        for (i = 7; i < len; i++) {
            upper[i] = upper[i] >= 'a' && upper[i] <= 'f' ? (char)(upper[i] - 'a' + 'A') : upper[i];
        }
        CHECK_RESULT(sigmint_scheme_verify(&github, &key, &parts, upper, len), SIGMINT_RESULT_OK);
        upper[0] = 'S';
        CHECK_RESULT(sigmint_scheme_verify(&github, &key, &parts, upper, len),
                     SIGMINT_RESULT_INVALID_SIGNATURE);
        CHECK_RESULT(sigmint_scheme_verify(&github, &key, &parts, signature + 7, len - 7),
                     SIGMINT_RESULT_INVALID_SIGNATURE);
    }
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);

    /* Every field, literal braces, a hex secret and an unpadded base64url tag. */
    CHECK_RESULT(sigmint_scheme_init(&custom, TEMPLATE, strlen(TEMPLATE), SIGMINT_SECRET_ENCODING_HEX,
                                     SIGMINT_TAG_ENCODING_BASE64URL, "", 0),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_scheme_key(&custom, &key, (const uint8_t *)"00FF10ab", 8),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_key_init(&raw_key, secret_bytes, sizeof secret_bytes), SIGMINT_RESULT_OK);
    memset(&parts, 0, sizeof parts);
    parts.method = "GET";
    parts.method_len = 3;
    parts.path = "/v1/orders";
    parts.path_len = 10;
    parts.query = ""; /* given, and empty */
    parts.timestamp = "1700000000";
    parts.timestamp_len = 10;
    CHECK_RESULT(sigmint_scheme_string_to_sign(&custom, &parts, shown, sizeof shown, &shown_len),
                 SIGMINT_RESULT_OK);
    snprintf(shown_text, sizeof shown_text, "{GET} /v1/orders?\n1700000000\n%s", EMPTY_SHA256);
    CHECK_TEXT((const char *)shown, shown_len, shown_text);
    CHECK_RESULT(sigmint_hmac_sha256(&raw_key, shown, shown_len, tag), SIGMINT_RESULT_OK);
    b64url(tag, sizeof tag, expected);
    CHECK_RESULT(sigmint_scheme_signature_len(&custom, &len), SIGMINT_RESULT_OK);
    CHECK(len == 43);
    CHECK_RESULT(sigmint_scheme_sign(&custom, &key, &parts, signature, sizeof signature, &len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(signature, len, expected);
    /* The same scheme keyed from the raw bytes verifies it: the hex was decoded. */
    CHECK_RESULT(sigmint_scheme_verify(&custom, &raw_key, &parts, signature, len),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_key_clear(&raw_key), SIGMINT_RESULT_OK);

    /* A scheme is plain data: a copy works the same. */
    {
        sigmint_scheme copy = github;
        CHECK_RESULT(sigmint_scheme_signature_len(&copy, &len), SIGMINT_RESULT_OK);
        CHECK(len == 7 + 64);
    }
}

/* What each refusal of a template, prefix, encoding or preset name gives; the scheme is left
 * as it was. */
static void test_scheme_refusals(void) {
    static const struct {
        const char *template_text;
        const char *prefix;
        sigmint_result expected;
    } cases[] = {
        {"", "", SIGMINT_RESULT_MALFORMED_TEMPLATE},
        {"{body", "", SIGMINT_RESULT_MALFORMED_TEMPLATE},
        {"a}b", "", SIGMINT_RESULT_MALFORMED_TEMPLATE},
        {"{bo{dy}", "", SIGMINT_RESULT_MALFORMED_TEMPLATE},
        {"{time}", "", SIGMINT_RESULT_UNKNOWN_TEMPLATE_FIELD},
        {"{Body}", "", SIGMINT_RESULT_UNKNOWN_TEMPLATE_FIELD},
        {"{}", "", SIGMINT_RESULT_UNKNOWN_TEMPLATE_FIELD},
        {"{body}", "sha 256=", SIGMINT_RESULT_INVALID_PART},
        {"{body}", "123456789012345678901234567890123", SIGMINT_RESULT_INVALID_PART},
        {"{body}", "\xc3\xa9", SIGMINT_RESULT_INVALID_PART},
        {"{body}\xff", "", SIGMINT_RESULT_INVALID_UTF8},
        {"{body}", "\xff", SIGMINT_RESULT_INVALID_UTF8},
        {"{{body}}", "12345678901234567890123456789012", SIGMINT_RESULT_OK},
    };
    static const char *const not_presets[] = {"GitHub", "gitlab", "", "fonbnk ", "stripe\0"};
    static const size_t not_preset_lens[] = {6, 6, 0, 7, 7};
    sigmint_scheme scheme, zeroed, sentinel;
    sigmint_key key = {{0}};
    sigmint_parts parts;
    size_t i, len = LEN_SENTINEL;

    memset(&sentinel, SENTINEL, sizeof sentinel);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        scheme = sentinel;
        if (!CHECK_RESULT(sigmint_scheme_init(&scheme, cases[i].template_text,
                                              strlen(cases[i].template_text),
                                              SIGMINT_SECRET_ENCODING_RAW, SIGMINT_TAG_ENCODING_HEX,
                                              cases[i].prefix, strlen(cases[i].prefix)),
                          cases[i].expected)) {
            fprintf(stderr, "    template \"%s\", prefix \"%s\"\n", cases[i].template_text,
                    cases[i].prefix);
        }
        if (cases[i].expected != SIGMINT_RESULT_OK) {
            CHECK(all_bytes(&scheme, sizeof scheme, SENTINEL));
        }
    }
    scheme = sentinel;
    CHECK_RESULT(sigmint_scheme_init(&scheme, "{body}", 6, 3, SIGMINT_TAG_ENCODING_HEX, NULL, 0),
                 SIGMINT_RESULT_UNKNOWN_ENUM_VALUE);
    CHECK_RESULT(sigmint_scheme_init(&scheme, "{body}", 6, SIGMINT_SECRET_ENCODING_RAW, 3, NULL, 0),
                 SIGMINT_RESULT_UNKNOWN_ENUM_VALUE);
    CHECK_RESULT(sigmint_scheme_init(&scheme, "{body}", 6, SIGMINT_SECRET_ENCODING_RAW,
                                     UINT32_MAX, NULL, 0),
                 SIGMINT_RESULT_UNKNOWN_ENUM_VALUE);
    for (i = 0; i < sizeof not_presets / sizeof not_presets[0]; i++) {
        CHECK_RESULT(sigmint_scheme_preset(&scheme, not_presets[i], not_preset_lens[i]),
                     SIGMINT_RESULT_UNKNOWN_SCHEME);
    }
    CHECK_RESULT(sigmint_scheme_preset(&scheme, "\xff", 1), SIGMINT_RESULT_INVALID_UTF8);
    CHECK(all_bytes(&scheme, sizeof scheme, SENTINEL));

    /* A zeroed scheme has an empty template: every function refuses it as core does. */
    memset(&zeroed, 0, sizeof zeroed);
    memset(&parts, 0, sizeof parts);
    CHECK_RESULT(sigmint_scheme_signature_len(&zeroed, &len), SIGMINT_RESULT_MALFORMED_TEMPLATE);
    CHECK_RESULT(sigmint_scheme_key(&zeroed, &key, (const uint8_t *)"k", 1),
                 SIGMINT_RESULT_MALFORMED_TEMPLATE);
    CHECK_RESULT(sigmint_scheme_string_to_sign(&zeroed, &parts, NULL, 0, &len),
                 SIGMINT_RESULT_MALFORMED_TEMPLATE);
    CHECK(len == LEN_SENTINEL);

    /* A template changed after the scheme was made is checked again on use. */
    {
        char changing[16];
        strcpy(changing, "{body}");
        CHECK_RESULT(sigmint_scheme_init(&scheme, changing, 6, SIGMINT_SECRET_ENCODING_RAW,
                                         SIGMINT_TAG_ENCODING_HEX, "", 0),
                     SIGMINT_RESULT_OK);
        changing[1] = 'x';
        CHECK_RESULT(sigmint_scheme_signature_len(&scheme, &len),
                     SIGMINT_RESULT_UNKNOWN_TEMPLATE_FIELD);
        changing[1] = (char)0xff;
        CHECK_RESULT(sigmint_scheme_signature_len(&scheme, &len), SIGMINT_RESULT_INVALID_UTF8);
    }
}

/* Secrets decoded as each scheme says, and each refusal leaving the key as it was. */
static void test_scheme_secrets(void) {
    sigmint_scheme raw, b64, hex;
    sigmint_key key = {{0}}, other = {{0}};
    sigmint_parts parts;
    char a[SIGMINT_SCHEME_SIGNATURE_MAX_LEN], b[SIGMINT_SCHEME_SIGNATURE_MAX_LEN];
    size_t a_len = 0, b_len = 0;

    CHECK_RESULT(sigmint_scheme_init(&raw, "{body}", 6, SIGMINT_SECRET_ENCODING_RAW,
                                     SIGMINT_TAG_ENCODING_BASE64, "", 0),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_scheme_init(&b64, "{body}", 6, SIGMINT_SECRET_ENCODING_BASE64,
                                     SIGMINT_TAG_ENCODING_BASE64, "", 0),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_scheme_init(&hex, "{body}", 6, SIGMINT_SECRET_ENCODING_HEX,
                                     SIGMINT_TAG_ENCODING_BASE64, "", 0),
                 SIGMINT_RESULT_OK);
    memset(&parts, 0, sizeof parts);

    /* "abc" three ways. */
    CHECK_RESULT(sigmint_scheme_key(&raw, &key, (const uint8_t *)"abc", 3), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_scheme_sign(&raw, &key, &parts, a, sizeof a, &a_len), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_scheme_key(&b64, &other, (const uint8_t *)"YWJj", 4), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_scheme_sign(&raw, &other, &parts, b, sizeof b, &b_len), SIGMINT_RESULT_OK);
    CHECK(a_len == 44 && b_len == a_len && memcmp(a, b, a_len) == 0);
    CHECK_RESULT(sigmint_scheme_key(&hex, &other, (const uint8_t *)"616263", 6), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_scheme_sign(&raw, &other, &parts, b, sizeof b, &b_len), SIGMINT_RESULT_OK);
    CHECK(b_len == a_len && memcmp(a, b, a_len) == 0);

    /* Refusals leave the key as it was (still "616263"). */
    CHECK_RESULT(sigmint_scheme_key(&raw, &other, NULL, 0), SIGMINT_RESULT_EMPTY_KEY);
    CHECK_RESULT(sigmint_scheme_key(&b64, &other, (const uint8_t *)"==", 2),
                 SIGMINT_RESULT_INVALID_BASE64);
    CHECK_RESULT(sigmint_scheme_key(&b64, &other, (const uint8_t *)"!!!!", 4),
                 SIGMINT_RESULT_INVALID_BASE64);
    CHECK_RESULT(sigmint_scheme_key(&hex, &other, (const uint8_t *)"abc", 3),
                 SIGMINT_RESULT_INVALID_HEX);
    CHECK_RESULT(sigmint_scheme_key(&hex, &other, (const uint8_t *)"zz", 2),
                 SIGMINT_RESULT_INVALID_HEX);
    CHECK_RESULT(sigmint_scheme_key(&hex, &other, (const uint8_t *)"", 0),
                 SIGMINT_RESULT_EMPTY_KEY);
    CHECK_RESULT(sigmint_scheme_verify(&raw, &other, &parts, a, a_len), SIGMINT_RESULT_OK);

    /* A cleared key is refused by every function that signs. */
    CHECK_RESULT(sigmint_key_clear(&other), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_scheme_sign(&raw, &other, &parts, b, sizeof b, &b_len),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);
    CHECK_RESULT(sigmint_scheme_verify(&raw, &other, &parts, a, a_len),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

/* Parts a template signs that are missing or cannot go on the wire as given. */
static void test_scheme_parts(void) {
    static const struct {
        const char *preset;
        const char *timestamp, *method, *path, *query;
        sigmint_result expected;
    } cases[] = {
        {"slack", NULL, NULL, NULL, NULL, SIGMINT_RESULT_MISSING_PART},
        {"stripe", NULL, NULL, NULL, NULL, SIGMINT_RESULT_MISSING_PART},
        {"fonbnk", "1", NULL, NULL, NULL, SIGMINT_RESULT_MISSING_PART},
        {"fonbnk", NULL, NULL, "/a", NULL, SIGMINT_RESULT_MISSING_PART},
        {"coinbase", "1", NULL, "/a", NULL, SIGMINT_RESULT_MISSING_PART},
        {"binance", NULL, NULL, NULL, NULL, SIGMINT_RESULT_MISSING_PART},
        {"coinbase", "1", "post", "/a", NULL, SIGMINT_RESULT_INVALID_PART},
        {"coinbase", "1", "", "/a", NULL, SIGMINT_RESULT_INVALID_PART},
        {"coinbase", "1", "GET ", "/a", NULL, SIGMINT_RESULT_INVALID_PART},
        {"slack", "", NULL, NULL, NULL, SIGMINT_RESULT_INVALID_PART},
        {"slack", "1 2", NULL, NULL, NULL, SIGMINT_RESULT_INVALID_PART},
        {"binance", NULL, NULL, NULL, "?a=1", SIGMINT_RESULT_INVALID_PART},
        {"binance", NULL, NULL, NULL, "a=1#x", SIGMINT_RESULT_INVALID_PART},
        {"binance", NULL, NULL, NULL, "a=\xc3\xa9", SIGMINT_RESULT_INVALID_PART},
        {"fonbnk", "1", NULL, "api", NULL, SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE},
        {"fonbnk", "1", NULL, "", NULL, SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE},
        {"fonbnk", "1", NULL, "/a b", NULL, SIGMINT_RESULT_ENDPOINT_INVALID_CHAR},
        {"fonbnk", "1", NULL, "/a#b", NULL, SIGMINT_RESULT_ENDPOINT_INVALID_CHAR},
        /* Parts the template does not sign are not looked at. */
        {"github", "not a timestamp", "post", "relative", "?", SIGMINT_RESULT_OK},
        {"binance", NULL, NULL, NULL, "", SIGMINT_RESULT_OK},
    };
    sigmint_key key;
    size_t i;

    CHECK_RESULT(sigmint_key_init(&key, (const uint8_t *)"k", 1), SIGMINT_RESULT_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sigmint_scheme scheme;
        sigmint_parts parts;
        char out[SIGMINT_SCHEME_SIGNATURE_MAX_LEN];
        uint8_t shown[64];
        size_t len = LEN_SENTINEL;
        int failed_before = check_failed;

        memset(&parts, 0, sizeof parts);
        parts.timestamp = cases[i].timestamp;
        parts.timestamp_len = cases[i].timestamp ? strlen(cases[i].timestamp) : 0;
        parts.method = cases[i].method;
        parts.method_len = cases[i].method ? strlen(cases[i].method) : 0;
        parts.path = cases[i].path;
        parts.path_len = cases[i].path ? strlen(cases[i].path) : 0;
        parts.query = cases[i].query;
        parts.query_len = cases[i].query ? strlen(cases[i].query) : 0;
        CHECK_RESULT(sigmint_scheme_preset(&scheme, cases[i].preset, strlen(cases[i].preset)),
                     SIGMINT_RESULT_OK);
        memset(out, SENTINEL, sizeof out);
        memset(shown, SENTINEL, sizeof shown);
        CHECK_RESULT(sigmint_scheme_sign(&scheme, &key, &parts, out, sizeof out, &len),
                     cases[i].expected);
        CHECK_RESULT(sigmint_scheme_verify(&scheme, &key, &parts, out, 0),
                     cases[i].expected == SIGMINT_RESULT_OK ? SIGMINT_RESULT_INVALID_SIGNATURE
                                                            : cases[i].expected);
        if (cases[i].expected != SIGMINT_RESULT_OK) {
            CHECK_RESULT(sigmint_scheme_string_to_sign(&scheme, &parts, shown, sizeof shown, &len),
                         cases[i].expected);
            /* A refused part wins over a buffer that is too small. */
            CHECK_RESULT(sigmint_scheme_sign(&scheme, &key, &parts, NULL, 0, &len),
                         cases[i].expected);
            CHECK(len == LEN_SENTINEL && all_bytes(out, sizeof out, SENTINEL) &&
                  all_bytes(shown, sizeof shown, SENTINEL));
        }
        if (check_failed != failed_before) {
            fprintf(stderr, "    in parts case %lu (%s)\n", (unsigned long)i, cases[i].preset);
        }
    }
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

/* Every pointer of every scheme function is checked; a body or part pointer may be NULL only
 * with a length of 0. */
static void test_scheme_null_pointers(void) {
    sigmint_scheme scheme;
    sigmint_key key;
    sigmint_parts parts;
    char out[SIGMINT_SCHEME_SIGNATURE_MAX_LEN];
    size_t len = LEN_SENTINEL;

    CHECK_RESULT(sigmint_scheme_preset(&scheme, "coinbase", 8), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_scheme_key(&scheme, &key, (const uint8_t *)"a2V5", 4), SIGMINT_RESULT_OK);
    memset(&parts, 0, sizeof parts);
    parts.timestamp = "1";
    parts.timestamp_len = 1;
    parts.method = "GET";
    parts.method_len = 3;
    parts.path = "/";
    parts.path_len = 1;

    CHECK_RESULT(sigmint_scheme_init(NULL, "{body}", 6, SIGMINT_SECRET_ENCODING_RAW,
                                     SIGMINT_TAG_ENCODING_HEX, "", 0),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_init(&scheme, NULL, 6, SIGMINT_SECRET_ENCODING_RAW,
                                     SIGMINT_TAG_ENCODING_HEX, "", 0),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_init(&scheme, "{body}", 6, SIGMINT_SECRET_ENCODING_RAW,
                                     SIGMINT_TAG_ENCODING_HEX, NULL, 1),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_preset(NULL, "github", 6), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_preset(&scheme, NULL, 6), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_key(NULL, &key, (const uint8_t *)"a2V5", 4),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_key(&scheme, NULL, (const uint8_t *)"a2V5", 4),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_key(&scheme, &key, NULL, 4), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_signature_len(NULL, &len), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_signature_len(&scheme, NULL), SIGMINT_RESULT_NULL_PARAMETER);

    CHECK_RESULT(sigmint_scheme_sign(NULL, &key, &parts, out, sizeof out, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_sign(&scheme, NULL, &parts, out, sizeof out, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_sign(&scheme, &key, NULL, out, sizeof out, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_sign(&scheme, &key, &parts, NULL, sizeof out, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_sign(&scheme, &key, &parts, out, sizeof out, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_verify(NULL, &key, &parts, out, 1), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_verify(&scheme, NULL, &parts, out, 1),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_verify(&scheme, &key, NULL, out, 1), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_verify(&scheme, &key, &parts, NULL, 1),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_verify(&scheme, &key, &parts, NULL, 0),
                 SIGMINT_RESULT_INVALID_SIGNATURE);
    CHECK_RESULT(sigmint_scheme_string_to_sign(NULL, &parts, (uint8_t *)out, sizeof out, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_string_to_sign(&scheme, NULL, (uint8_t *)out, sizeof out, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_string_to_sign(&scheme, &parts, NULL, 1, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_scheme_string_to_sign(&scheme, &parts, (uint8_t *)out, sizeof out, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK(len == LEN_SENTINEL);

    /* A part or body pointer NULL with a length. */
    parts.method = NULL;
    CHECK_RESULT(sigmint_scheme_sign(&scheme, &key, &parts, out, sizeof out, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    parts.method_len = 0;
    CHECK_RESULT(sigmint_scheme_sign(&scheme, &key, &parts, out, sizeof out, &len),
                 SIGMINT_RESULT_MISSING_PART);
    parts.method = "GET";
    parts.method_len = 3;
    parts.body_len = 2;
    CHECK_RESULT(sigmint_scheme_sign(&scheme, &key, &parts, out, sizeof out, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    parts.body = (const uint8_t *)"{}";
    CHECK_RESULT(sigmint_scheme_sign(&scheme, &key, &parts, out, sizeof out, &len),
                 SIGMINT_RESULT_OK);
    CHECK(len == 44);
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
}

void test_schemes(const char *vectors_dir) {
    test_scheme_vectors(vectors_dir);
    test_fonbnk_preset(vectors_dir);
    test_custom_schemes();
    test_scheme_refusals();
    test_scheme_secrets();
    test_scheme_parts();
    test_scheme_null_pointers();
}
