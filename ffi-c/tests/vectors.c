/* The cross-language vectors (../tests/vectors): every Fonbnk signing case and every
 * RFC 4231 HMAC-SHA256 case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "check.h"

cJSON *read_json(const char *dir, const char *name) {
    char path[4096];
    FILE *file;
    char *text = NULL;
    long size;
    cJSON *json = NULL;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    file = fopen(path, "rb");
    if (!CHECK(file != NULL)) {
        fprintf(stderr, "    cannot open %s\n", path);
        return NULL;
    }
    if (fseek(file, 0, SEEK_END) == 0 && (size = ftell(file)) >= 0 && fseek(file, 0, SEEK_SET) == 0) {
        text = malloc((size_t)size + 1);
        if (text != NULL && fread(text, 1, (size_t)size, file) == (size_t)size) {
            text[size] = '\0';
            json = cJSON_Parse(text);
        }
    }
    fclose(file);
    free(text);
    if (!CHECK(json != NULL)) {
        fprintf(stderr, "    cannot read or parse %s\n", path);
    }
    return json;
}

const char *string_of(const cJSON *object, const char *name) {
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    if (!CHECK(cJSON_IsString(item))) {
        fprintf(stderr, "    missing string \"%s\"\n", name);
        return "";
    }
    return item->valuestring;
}

size_t from_hex(const char *hex, uint8_t *out, size_t cap) {
    size_t len = strlen(hex) / 2, i;
    if (!CHECK(strlen(hex) % 2 == 0 && len <= cap)) {
        return 0;
    }
    for (i = 0; i < len; i++) {
        unsigned byte;
        if (!CHECK(sscanf(hex + 2 * i, "%2x", &byte) == 1)) {
            return 0;
        }
        out[i] = (uint8_t)byte;
    }
    return len;
}

static void fonbnk_case(const cJSON *vector) {
    const char *name = string_of(vector, "name");
    const char *secret = string_of(vector, "clientSecret");
    const char *path = string_of(vector, "path");
    const char *endpoint = string_of(vector, "endpoint");
    uint64_t timestamp = strtoull(string_of(vector, "timestamp"), NULL, 10);
    const cJSON *params_json = cJSON_GetObjectItemCaseSensitive(vector, "params");
    sigmint_query_param params[16];
    size_t params_len = 0;
    const cJSON *pair;
    sigmint_key key = {{0}};
    char out[1024];
    size_t out_len = 0;
    int failed_before = check_failed;

    cJSON_ArrayForEach(pair, params_json) {
        const cJSON *param_name = cJSON_GetArrayItem(pair, 0);
        const cJSON *param_value = cJSON_GetArrayItem(pair, 1);
        if (!CHECK(params_len < 16 && cJSON_IsString(param_name) && cJSON_IsString(param_value))) {
            return;
        }
        params[params_len].name = param_name->valuestring;
        params[params_len].name_len = strlen(param_name->valuestring);
        params[params_len].value = param_value->valuestring;
        params[params_len].value_len = strlen(param_value->valuestring);
        params_len++;
    }

    /* The endpoint, from path and params; first asking for its length. */
    CHECK_RESULT(sigmint_fonbnk_endpoint(path, strlen(path), params, params_len, NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == strlen(endpoint));
    CHECK_RESULT(sigmint_fonbnk_endpoint(path, strlen(path), params, params_len, out, sizeof out,
                                         &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, endpoint);

    CHECK_RESULT(sigmint_fonbnk_string_to_sign(timestamp, endpoint, strlen(endpoint), out,
                                               sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, string_of(vector, "stringToSign"));

    CHECK_RESULT(sigmint_key_init_base64(&key, secret, strlen(secret)), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_sign(&key, timestamp, endpoint, strlen(endpoint), out, sizeof out,
                                     &out_len),
                 SIGMINT_RESULT_OK);
    CHECK(out_len == SIGMINT_FONBNK_SIGNATURE_LEN);
    CHECK_TEXT(out, out_len, string_of(vector, "signature"));
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);

    if (check_failed != failed_before) {
        fprintf(stderr, "    in Fonbnk vector \"%s\"\n", name);
    }
}

static void rfc4231_case(const cJSON *vector) {
    uint8_t key_bytes[256], data[256], expected[SIGMINT_HMAC_SHA256_LEN], tag[SIGMINT_HMAC_SHA256_LEN];
    uint8_t truncated[SIGMINT_HMAC_SHA256_LEN];
    size_t key_len = from_hex(string_of(vector, "key_hex"), key_bytes, sizeof key_bytes);
    size_t data_len = from_hex(string_of(vector, "data_hex"), data, sizeof data);
    size_t tag_len = from_hex(string_of(vector, "tag_hex"), expected, sizeof expected);
    const cJSON *truncated_hex = cJSON_GetObjectItemCaseSensitive(vector, "truncated_tag_hex");
    sigmint_key key = {{0}};
    int failed_before = check_failed;

    CHECK(tag_len == SIGMINT_HMAC_SHA256_LEN);
    CHECK_RESULT(sigmint_key_init(&key, key_bytes, key_len), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_hmac_sha256(&key, data, data_len, tag), SIGMINT_RESULT_OK);
    CHECK(memcmp(tag, expected, sizeof tag) == 0);
    CHECK_RESULT(sigmint_hmac_sha256_verify(&key, data, data_len, expected, sizeof expected),
                 SIGMINT_RESULT_OK);
    expected[31] ^= 1;
    CHECK_RESULT(sigmint_hmac_sha256_verify(&key, data, data_len, expected, sizeof expected),
                 SIGMINT_RESULT_INVALID_SIGNATURE);
    expected[31] ^= 1;
    if (truncated_hex != NULL) {
        /* Case 5: the RFC's 128-bit tag is a true prefix, yet only a full tag may match. */
        size_t truncated_len = from_hex(cJSON_GetStringValue(truncated_hex), truncated,
                                        sizeof truncated);
        CHECK(truncated_len == 16 && memcmp(truncated, expected, truncated_len) == 0);
        CHECK_RESULT(sigmint_hmac_sha256_verify(&key, data, data_len, truncated, truncated_len),
                     SIGMINT_RESULT_INVALID_SIGNATURE);
    }
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);

    if (check_failed != failed_before) {
        fprintf(stderr, "    in %s\n", string_of(vector, "name"));
    }
}

void test_vectors(const char *vectors_dir) {
    cJSON *fonbnk = read_json(vectors_dir, "fonbnk_signing.json");
    cJSON *rfc4231 = read_json(vectors_dir, "rfc4231.json");
    const cJSON *vector;
    int fonbnk_cases = 0, rfc4231_cases = 0, truncated_cases = 0;

    cJSON_ArrayForEach(vector, fonbnk) {
        fonbnk_case(vector);
        fonbnk_cases++;
    }
    cJSON_ArrayForEach(vector, cJSON_GetObjectItemCaseSensitive(rfc4231, "cases")) {
        rfc4231_case(vector);
        rfc4231_cases++;
        truncated_cases += cJSON_HasObjectItem(vector, "truncated_tag_hex");
    }
    /* Guard against silently testing nothing. */
    CHECK(fonbnk_cases >= 9);
    CHECK(rfc4231_cases == 7);
    CHECK(truncated_cases == 1);
    cJSON_Delete(fonbnk);
    cJSON_Delete(rfc4231);
}
