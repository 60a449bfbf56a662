/* Provider requests from C: Fonbnk endpoints, bodies, signed headers and their verification;
 * sFOX and Mygiro paths and Authorization values; each with bad input, NULL pointers and
 * one-byte-short buffers. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define SENTINEL 0xA5
#define LEN_SENTINEL ((size_t)0xDEADBEEF)

static const char SECRET_B64[] = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0=";
static const char CLIENT_ID[] = "demo-client-id";

/* Checks the text a static getter returned: its length, its content, and its NUL. */
static int static_text_is(sigmint_str s, const char *expected, const char *file, int line) {
    return check_record(s.ptr != NULL && s.len == strlen(expected) && s.ptr[s.len] == '\0' &&
                            strcmp(s.ptr, expected) == 0,
                        file, line, expected);
}
#define STATIC_TEXT_IS(s, expected) static_text_is((s), (expected), __FILE__, __LINE__)

static void endpoints(void) {
    static const struct {
        sigmint_fonbnk_endpoint_id id;
        const char *path;
    } all[] = {
        {SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2, "/api/v2/user/tokens"},
        {SIGMINT_FONBNK_ENDPOINT_USER_TOKENS, "/api/user/tokens"},
        {SIGMINT_FONBNK_ENDPOINT_KYC_STATUS, "/api/user/kyc/status"},
        {SIGMINT_FONBNK_ENDPOINT_KYC_SUBMIT, "/api/user/kyc/submit"},
    };
    sigmint_str s = {NULL, 0};
    size_t i;

    for (i = 0; i < sizeof all / sizeof all[0]; i++) {
        CHECK_RESULT(sigmint_fonbnk_endpoint_path(all[i].id, &s), SIGMINT_RESULT_OK);
        STATIC_TEXT_IS(s, all[i].path);
        CHECK_RESULT(sigmint_fonbnk_endpoint_method(all[i].id, &s), SIGMINT_RESULT_OK);
        STATIC_TEXT_IS(s, "POST");
    }
    CHECK_RESULT(sigmint_fonbnk_base_url(SIGMINT_FONBNK_ENV_SANDBOX, &s), SIGMINT_RESULT_OK);
    STATIC_TEXT_IS(s, "https://sandbox-api.fonbnk.com");
    CHECK_RESULT(sigmint_fonbnk_base_url(SIGMINT_FONBNK_ENV_PRODUCTION, &s), SIGMINT_RESULT_OK);
    STATIC_TEXT_IS(s, "https://api.fonbnk.com");
    CHECK_RESULT(sigmint_fonbnk_content_type(&s), SIGMINT_RESULT_OK);
    STATIC_TEXT_IS(s, "application/json");
    CHECK_RESULT(sigmint_sfox_base_url(&s), SIGMINT_RESULT_OK);
    STATIC_TEXT_IS(s, "https://api.sfox.com");

    /* Values no constant names, and NULL outputs; nothing is written. */
    s.ptr = NULL;
    s.len = 7;
    CHECK_RESULT(sigmint_fonbnk_endpoint_path(0, &s), SIGMINT_RESULT_UNKNOWN_ENUM_VALUE);
    CHECK_RESULT(sigmint_fonbnk_endpoint_path(5, &s), SIGMINT_RESULT_UNKNOWN_ENUM_VALUE);
    CHECK_RESULT(sigmint_fonbnk_endpoint_method(UINT32_MAX, &s), SIGMINT_RESULT_UNKNOWN_ENUM_VALUE);
    CHECK_RESULT(sigmint_fonbnk_base_url(2, &s), SIGMINT_RESULT_UNKNOWN_ENUM_VALUE);
    CHECK(s.ptr == NULL && s.len == 7);
    CHECK_RESULT(sigmint_fonbnk_endpoint_path(SIGMINT_FONBNK_ENDPOINT_KYC_STATUS, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_endpoint_method(SIGMINT_FONBNK_ENDPOINT_KYC_STATUS, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_base_url(SIGMINT_FONBNK_ENV_SANDBOX, NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_content_type(NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_sfox_base_url(NULL), SIGMINT_RESULT_NULL_PARAMETER);
}

static void user_query(void) {
    static const char expected[] = "{\"email\":\"testuser+ng@fonbnk.com\",\"countryIsoCode\":\"NG\"}";
    static const char email[] = "testuser+ng@fonbnk.com";
    char out[128];
    size_t out_len = LEN_SENTINEL, need = strlen(expected);

    memset(out, SENTINEL, sizeof out);
    CHECK_RESULT(sigmint_fonbnk_user_query_json(email, strlen(email), "NG", 2, out, need - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_fonbnk_user_query_json(email, strlen(email), "NG", 2, NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need);
    CHECK_RESULT(sigmint_fonbnk_user_query_json(email, strlen(email), "NG", 2, out, need, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, expected);
    CHECK(all_bytes(out + need, sizeof out - need, SENTINEL));
    /* Escaping is JSON's. */
    CHECK_RESULT(sigmint_fonbnk_user_query_json("a\"b\\c\x01@x", 8, "GH", 2, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "{\"email\":\"a\\\"b\\\\c\\u0001@x\",\"countryIsoCode\":\"GH\"}");

    /* Bad fields win over a small buffer; nothing is written. */
    memset(out, SENTINEL, sizeof out);
    out_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_fonbnk_user_query_json("", 0, "NG", 2, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_fonbnk_user_query_json("  ", 2, "NG", 2, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_fonbnk_user_query_json(email, strlen(email), "ng", 2, NULL, 0, &out_len),
                 SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_fonbnk_user_query_json(email, strlen(email), "NGA", 3, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_fonbnk_user_query_json(email, strlen(email), NULL, 0, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_fonbnk_user_query_json("\xff", 1, "NG", 2, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_fonbnk_user_query_json(NULL, 1, "NG", 2, out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_user_query_json(email, 1, NULL, 2, out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_user_query_json(email, 1, "NG", 2, NULL, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_user_query_json(email, 1, "NG", 2, out, sizeof out, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK(out_len == LEN_SENTINEL && all_bytes(out, sizeof out, SENTINEL));
}

static void kyc_submission(void) {
    static const char expected[] =
        "{\"email\":\"a@b.co\",\"documentId\":\"67da909b739fc481aa525c43\","
        "\"userFields\":{\"first_name\":\"Ad\xc3\xa9\",\"dob\":\"1954-01-02\"}}";
    static const char doc_id[] = "67da909b739fc481aa525c43";
    sigmint_query_param fields[3] = {
        {"first_name", 10, "Ad\xc3\xa9", 4},
        {"dob", 3, "1954-01-02", 10},
        {"first_name", 10, "Eve", 3},
    };
    char out[256];
    size_t out_len = LEN_SENTINEL, need = strlen(expected);

    memset(out, SENTINEL, sizeof out);
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, doc_id, strlen(doc_id), fields, 2,
                                                    out, need - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, doc_id, strlen(doc_id), fields, 2,
                                                    out, need, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, expected);
    CHECK(all_bytes(out + need, sizeof out - need, SENTINEL));
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, doc_id, strlen(doc_id), NULL, 0,
                                                    out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "{\"email\":\"a@b.co\",\"documentId\":\"67da909b739fc481aa525c43\",\"userFields\":{}}");

    /* A name given twice: refused before anything is written, even with room to spare. */
    memset(out, SENTINEL, sizeof out);
    out_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, doc_id, strlen(doc_id), fields, 3,
                                                    out, sizeof out, &out_len),
                 SIGMINT_RESULT_DUPLICATE_KEY);
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, doc_id, strlen(doc_id), fields, 3,
                                                    NULL, 0, &out_len),
                 SIGMINT_RESULT_DUPLICATE_KEY);
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("", 0, doc_id, strlen(doc_id), fields, 2, out,
                                                    sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, "", 0, fields, 2, out, sizeof out,
                                                    &out_len),
                 SIGMINT_RESULT_INVALID_FIELD);
    fields[1].value = "\xe2\x82";
    fields[1].value_len = 2;
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, doc_id, strlen(doc_id), fields, 2,
                                                    out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_UTF8);
    fields[1].value = NULL;
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, doc_id, strlen(doc_id), fields, 2,
                                                    out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json(NULL, 6, doc_id, strlen(doc_id), NULL, 0, out,
                                                    sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, NULL, 3, NULL, 0, out, sizeof out,
                                                    &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, doc_id, 3, NULL, 1, out, sizeof out,
                                                    &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, doc_id, 3, NULL, 0, NULL, sizeof out,
                                                    &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_kyc_submission_json("a@b.co", 6, doc_id, 3, NULL, 0, out, sizeof out,
                                                    NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK(out_len == LEN_SENTINEL && all_bytes(out, sizeof out, SENTINEL));
}

static void signed_requests(void) {
    sigmint_key key = {{0}};
    sigmint_fonbnk_headers headers, untouched;
    char signature[SIGMINT_FONBNK_SIGNATURE_LEN];
    size_t signature_len = 0;
    char long_id[SIGMINT_FONBNK_CLIENT_ID_MAX_LEN + 2];

    CHECK(sizeof headers.client_id == SIGMINT_FONBNK_CLIENT_ID_SIZE &&
          sizeof headers.timestamp == SIGMINT_FONBNK_TIMESTAMP_SIZE &&
          sizeof headers.signature == SIGMINT_FONBNK_SIGNATURE_SIZE);
    memset(&untouched, SENTINEL, sizeof untouched);
    headers = untouched;
    /* Not initialized yet. */
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, CLIENT_ID, strlen(CLIENT_ID),
                                             SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2, 1, &headers),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);
    CHECK_RESULT(sigmint_key_init_base64(&key, SECRET_B64, strlen(SECRET_B64)), SIGMINT_RESULT_OK);

    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, CLIENT_ID, strlen(CLIENT_ID),
                                             SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2,
                                             UINT64_C(1765454073000), &headers),
                 SIGMINT_RESULT_OK);
    /* Each value is NUL-terminated and has its length; the signature is sigmint_fonbnk_sign's. */
    CHECK_TEXT(headers.client_id, headers.client_id_len, CLIENT_ID);
    CHECK(strcmp(headers.client_id, CLIENT_ID) == 0);
    CHECK_TEXT(headers.timestamp, headers.timestamp_len, "1765454073000");
    CHECK(strlen(headers.timestamp) == headers.timestamp_len);
    CHECK(headers.signature_len == SIGMINT_FONBNK_SIGNATURE_LEN &&
          strlen(headers.signature) == SIGMINT_FONBNK_SIGNATURE_LEN);
    CHECK_RESULT(sigmint_fonbnk_sign(&key, UINT64_C(1765454073000), "/api/v2/user/tokens", 19,
                                     signature, sizeof signature, &signature_len),
                 SIGMINT_RESULT_OK);
    CHECK(signature_len == headers.signature_len &&
          memcmp(signature, headers.signature, signature_len) == 0);
    CHECK(all_bytes(headers.client_id + headers.client_id_len, sizeof headers.client_id - headers.client_id_len, 0));
    /* The server side accepts it, for that endpoint and time only. */
    CHECK_RESULT(sigmint_fonbnk_verify(&key, UINT64_C(1765454073000), "/api/v2/user/tokens", 19,
                                       headers.signature, headers.signature_len),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_verify(&key, UINT64_C(1765454073001), "/api/v2/user/tokens", 19,
                                       headers.signature, headers.signature_len),
                 SIGMINT_RESULT_INVALID_SIGNATURE);
    CHECK_RESULT(sigmint_fonbnk_verify(&key, UINT64_C(1765454073000), "/api/user/tokens", 16,
                                       headers.signature, headers.signature_len),
                 SIGMINT_RESULT_INVALID_SIGNATURE);
    headers.signature[0] = headers.signature[0] == 'A' ? 'B' : 'A';
    CHECK_RESULT(sigmint_fonbnk_verify(&key, UINT64_C(1765454073000), "/api/v2/user/tokens", 19,
                                       headers.signature, headers.signature_len),
                 SIGMINT_RESULT_INVALID_SIGNATURE);
    CHECK_RESULT(sigmint_fonbnk_verify(&key, 1, "/p", 2, "c2ln", 4), SIGMINT_RESULT_INVALID_SIGNATURE);
    CHECK_RESULT(sigmint_fonbnk_verify(&key, 1, "/p", 2, "*not base64*", 12),
                 SIGMINT_RESULT_INVALID_SIGNATURE);
    CHECK_RESULT(sigmint_fonbnk_verify(&key, 1, "/p", 2, "\xff\xfe", 2), SIGMINT_RESULT_INVALID_SIGNATURE);
    CHECK_RESULT(sigmint_fonbnk_verify(&key, 1, "/p", 2, NULL, 0), SIGMINT_RESULT_INVALID_SIGNATURE);
    CHECK_RESULT(sigmint_fonbnk_verify(&key, 1, "p", 1, signature, signature_len),
                 SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE);
    CHECK_RESULT(sigmint_fonbnk_verify(&key, 1, "/\xff", 2, signature, signature_len),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_fonbnk_verify(NULL, 1, "/p", 2, signature, signature_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_verify(&key, 1, NULL, 2, signature, signature_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_verify(&key, 1, "/p", 2, NULL, signature_len),
                 SIGMINT_RESULT_NULL_PARAMETER);

    /* Every endpoint signs its own path. */
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, CLIENT_ID, strlen(CLIENT_ID),
                                             SIGMINT_FONBNK_ENDPOINT_KYC_SUBMIT, 0, &headers),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(headers.timestamp, headers.timestamp_len, "0");
    CHECK_RESULT(sigmint_fonbnk_verify(&key, 0, "/api/user/kyc/submit", 20, headers.signature,
                                       headers.signature_len),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, CLIENT_ID, strlen(CLIENT_ID),
                                             SIGMINT_FONBNK_ENDPOINT_KYC_STATUS, UINT64_MAX, &headers),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(headers.timestamp, headers.timestamp_len, "18446744073709551615");
    CHECK(headers.timestamp_len == SIGMINT_FONBNK_TIMESTAMP_MAX_LEN);

    /* Client ids: the longest fits (NUL included); longer, empty or with a space does not. */
    memset(long_id, 'c', sizeof long_id);
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, long_id, SIGMINT_FONBNK_CLIENT_ID_MAX_LEN,
                                             SIGMINT_FONBNK_ENDPOINT_USER_TOKENS, 1, &headers),
                 SIGMINT_RESULT_OK);
    CHECK(headers.client_id_len == SIGMINT_FONBNK_CLIENT_ID_MAX_LEN &&
          headers.client_id[SIGMINT_FONBNK_CLIENT_ID_MAX_LEN] == '\0');
    headers = untouched;
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, long_id, SIGMINT_FONBNK_CLIENT_ID_MAX_LEN + 1,
                                             SIGMINT_FONBNK_ENDPOINT_USER_TOKENS, 1, &headers),
                 SIGMINT_RESULT_INVALID_CLIENT_ID);
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, NULL, 0, SIGMINT_FONBNK_ENDPOINT_USER_TOKENS, 1,
                                             &headers),
                 SIGMINT_RESULT_INVALID_CLIENT_ID);
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, "a b", 3, SIGMINT_FONBNK_ENDPOINT_USER_TOKENS, 1,
                                             &headers),
                 SIGMINT_RESULT_INVALID_CLIENT_ID);
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, "a\r\nx: y", 7, SIGMINT_FONBNK_ENDPOINT_USER_TOKENS,
                                             1, &headers),
                 SIGMINT_RESULT_INVALID_CLIENT_ID);
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, "\xff", 1, SIGMINT_FONBNK_ENDPOINT_USER_TOKENS, 1,
                                             &headers),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, CLIENT_ID, strlen(CLIENT_ID), 0, 1, &headers),
                 SIGMINT_RESULT_UNKNOWN_ENUM_VALUE);
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, CLIENT_ID, strlen(CLIENT_ID), 99, 1, &headers),
                 SIGMINT_RESULT_UNKNOWN_ENUM_VALUE);
    CHECK_RESULT(sigmint_fonbnk_sign_request(NULL, CLIENT_ID, strlen(CLIENT_ID),
                                             SIGMINT_FONBNK_ENDPOINT_USER_TOKENS, 1, &headers),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, NULL, 3, SIGMINT_FONBNK_ENDPOINT_USER_TOKENS, 1,
                                             &headers),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_sign_request(&key, CLIENT_ID, strlen(CLIENT_ID),
                                             SIGMINT_FONBNK_ENDPOINT_USER_TOKENS, 1, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK(memcmp(&headers, &untouched, sizeof headers) == 0);
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_verify(&key, 0, "/p", 2, signature, signature_len),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);
}

/* Any endpoint, query included: the same headers sigmint_fonbnk_sign and the client id give. */
static void signed_headers(void) {
    static const char endpoint[] = "/api/v2/order-limits?depositCurrencyCode=NGN";
    sigmint_key key = {{0}};
    sigmint_fonbnk_headers headers, untouched;
    char signature[SIGMINT_FONBNK_SIGNATURE_LEN];
    size_t signature_len = 0;

    memset(&untouched, SENTINEL, sizeof untouched);
    headers = untouched;
    CHECK_RESULT(sigmint_fonbnk_sign_headers(&key, CLIENT_ID, strlen(CLIENT_ID), 1, endpoint,
                                             strlen(endpoint), &headers),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);
    CHECK_RESULT(sigmint_key_init_base64(&key, SECRET_B64, strlen(SECRET_B64)), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_sign_headers(&key, CLIENT_ID, strlen(CLIENT_ID),
                                             UINT64_C(1765454073000), endpoint, strlen(endpoint),
                                             &headers),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_sign(&key, UINT64_C(1765454073000), endpoint, strlen(endpoint),
                                     signature, sizeof signature, &signature_len),
                 SIGMINT_RESULT_OK);
    CHECK(headers.signature_len == signature_len &&
          memcmp(headers.signature, signature, signature_len) == 0 &&
          headers.signature[signature_len] == '\0');
    CHECK_TEXT(headers.client_id, headers.client_id_len, CLIENT_ID);
    CHECK_TEXT(headers.timestamp, headers.timestamp_len, "1765454073000");

    headers = untouched;
    CHECK_RESULT(sigmint_fonbnk_sign_headers(&key, "a b", 3, 1, endpoint, strlen(endpoint),
                                             &headers),
                 SIGMINT_RESULT_INVALID_CLIENT_ID);
    CHECK_RESULT(sigmint_fonbnk_sign_headers(&key, "\xff", 1, 1, endpoint, strlen(endpoint),
                                             &headers),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_fonbnk_sign_headers(&key, CLIENT_ID, strlen(CLIENT_ID), 1, "p", 1,
                                             &headers),
                 SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE);
    CHECK_RESULT(sigmint_fonbnk_sign_headers(&key, CLIENT_ID, strlen(CLIENT_ID), 1, "/\xff", 2,
                                             &headers),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_fonbnk_sign_headers(&key, CLIENT_ID, strlen(CLIENT_ID), 1, "/a b", 4,
                                             &headers),
                 SIGMINT_RESULT_ENDPOINT_INVALID_CHAR);
    CHECK_RESULT(sigmint_fonbnk_sign_headers(&key, CLIENT_ID, strlen(CLIENT_ID), 1, NULL, 2,
                                             &headers),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_sign_headers(NULL, CLIENT_ID, strlen(CLIENT_ID), 1, endpoint,
                                             strlen(endpoint), &headers),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_sign_headers(&key, CLIENT_ID, strlen(CLIENT_ID), 1, endpoint,
                                             strlen(endpoint), NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK(memcmp(&headers, &untouched, sizeof headers) == 0);
    CHECK_RESULT(sigmint_key_clear(&key), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_sign_headers(&key, CLIENT_ID, strlen(CLIENT_ID), 1, endpoint,
                                             strlen(endpoint), &headers),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);
}

static void timestamps(void) {
    CHECK_RESULT(sigmint_fonbnk_check_timestamp(1000, 1000, 0), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_check_timestamp(1000, 1300, 300), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_check_timestamp(1300, 1000, 300), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_check_timestamp(1000, 1301, 300), SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW);
    CHECK_RESULT(sigmint_fonbnk_check_timestamp(1301, 1000, 300), SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW);
    CHECK_RESULT(sigmint_fonbnk_check_timestamp(0, UINT64_MAX, UINT64_MAX), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_fonbnk_check_timestamp(0, UINT64_MAX, UINT64_MAX - 1),
                 SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW);
    CHECK(SIGMINT_FONBNK_DEFAULT_WINDOW_MS == 300000);
}

/* The x-timestamp header as received: ASCII digits within 64 bits, nothing else. */
static void timestamp_headers(void) {
    static const char *const bad[] = {"", "+1", "-1", " 1", "1 ", "1_000", "1.0",
                                      "18446744073709551616", "\xd9\xa1"};
    uint64_t ts = 7;
    size_t i;

    CHECK_RESULT(sigmint_fonbnk_parse_timestamp("1765454073000", 13, &ts), SIGMINT_RESULT_OK);
    CHECK(ts == UINT64_C(1765454073000));
    CHECK_RESULT(sigmint_fonbnk_parse_timestamp("00018446744073709551615", 23, &ts),
                 SIGMINT_RESULT_OK);
    CHECK(ts == UINT64_MAX);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ts = 7;
        CHECK_RESULT(sigmint_fonbnk_parse_timestamp(bad[i], strlen(bad[i]), &ts),
                     SIGMINT_RESULT_INVALID_FIELD);
        CHECK(ts == 7);
    }
    CHECK_RESULT(sigmint_fonbnk_parse_timestamp("1", 1, NULL), SIGMINT_RESULT_NULL_PARAMETER);
}

static void sfox_requests(void) {
    static const char expected_path[] = "/v1/enterprise/user-tokens/client%207%2Fa";
    static const char expected_auth[] = "Bearer sk_live_123";
    char out[128];
    size_t out_len = LEN_SENTINEL, need = strlen(expected_path);

    memset(out, SENTINEL, sizeof out);
    CHECK_RESULT(sigmint_sfox_user_token_path("client 7/a", 10, out, need - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_sfox_user_token_path("client 7/a", 10, out, need, &out_len), SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, expected_path);
    CHECK(all_bytes(out + need, sizeof out - need, SENTINEL));
    CHECK_RESULT(sigmint_sfox_user_token_path("client_db29326e-5df6-4d8b-aaaa-b75dc194a0a2", 43, out,
                                              sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "/v1/enterprise/user-tokens/client_db29326e-5df6-4d8b-aaaa-b75dc194a0a2");
    CHECK_RESULT(sigmint_sfox_user_token_path("\xc3\xa9../x", 6, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "/v1/enterprise/user-tokens/%C3%A9..%2Fx");

    need = strlen(expected_auth);
    memset(out, SENTINEL, sizeof out);
    out_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_sfox_authorization("sk_live_123", 11, out, need - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_sfox_authorization("sk_live_123", 11, NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need);
    CHECK_RESULT(sigmint_sfox_authorization("sk_live_123", 11, out, need, &out_len), SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, expected_auth);
    CHECK(all_bytes(out + need, sizeof out - need, SENTINEL));

    memset(out, SENTINEL, sizeof out);
    out_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_sfox_user_token_path("", 0, out, sizeof out, &out_len), SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_sfox_user_token_path(NULL, 0, NULL, 0, &out_len), SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_sfox_user_token_path("\xff", 1, out, sizeof out, &out_len), SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_sfox_authorization("", 0, out, sizeof out, &out_len), SIGMINT_RESULT_INVALID_FIELD);
    /* Input errors win over a small buffer. */
    CHECK_RESULT(sigmint_sfox_authorization("a key", 5, NULL, 0, &out_len), SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_sfox_authorization("k\r\nX-Evil: 1", 12, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_sfox_authorization("k\xc3\xa9", 3, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_sfox_authorization("\xff", 1, out, sizeof out, &out_len), SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_sfox_user_token_path(NULL, 1, out, sizeof out, &out_len), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_sfox_user_token_path("a", 1, NULL, sizeof out, &out_len), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_sfox_user_token_path("a", 1, out, sizeof out, NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_sfox_authorization(NULL, 1, out, sizeof out, &out_len), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_sfox_authorization("k", 1, NULL, sizeof out, &out_len), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_sfox_authorization("k", 1, out, sizeof out, NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK(out_len == LEN_SENTINEL && all_bytes(out, sizeof out, SENTINEL));
}

static void mygiro_requests(void) {
    static const char expected_path[] =
        "/v1/users/5a981078f4442500195c7201/generateaccesstoken?accountId=5a981078f4442500195c7205";
    static const char user[] = "5a981078f4442500195c7201";
    static const char account[] = "5a981078f4442500195c7205";
    static const char jwt[] = "eyJhbGciOiJIUzI1NiJ9.e30.x";
    char out[160];
    size_t out_len = LEN_SENTINEL, need = strlen(expected_path);

    memset(out, SENTINEL, sizeof out);
    CHECK_RESULT(sigmint_mygiro_access_token_path(user, strlen(user), account, strlen(account), out,
                                                  need - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_mygiro_access_token_path(user, strlen(user), account, strlen(account), out,
                                                  need, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, expected_path);
    CHECK(all_bytes(out + need, sizeof out - need, SENTINEL));
    /* The user id is a path segment, the account id a query value. */
    CHECK_RESULT(sigmint_mygiro_access_token_path("u/1", 3, "a b&c", 5, out, sizeof out, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "/v1/users/u%2F1/generateaccesstoken?accountId=a+b%26c");

    need = strlen("Bearer ") + strlen(jwt);
    memset(out, SENTINEL, sizeof out);
    out_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_mygiro_authorization(jwt, strlen(jwt), out, need - 1, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == need && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_mygiro_authorization(jwt, strlen(jwt), out, need, &out_len), SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x");

    CHECK_RESULT(sigmint_mygiro_check_tag("Bkg-KeqSuf", 10), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_mygiro_check_tag("tag 1", 5), SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_mygiro_check_tag("t\r\n", 3), SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_mygiro_check_tag("", 0), SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_mygiro_check_tag(NULL, 0), SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_mygiro_check_tag("\xff", 1), SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_mygiro_check_tag(NULL, 1), SIGMINT_RESULT_NULL_PARAMETER);

    memset(out, SENTINEL, sizeof out);
    out_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_mygiro_access_token_path("", 0, account, strlen(account), out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_mygiro_access_token_path(user, strlen(user), "", 0, NULL, 0, &out_len),
                 SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_mygiro_access_token_path(user, strlen(user), "\xff", 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK_RESULT(sigmint_mygiro_authorization("", 0, out, sizeof out, &out_len), SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_mygiro_authorization("a b", 3, NULL, 0, &out_len), SIGMINT_RESULT_INVALID_FIELD);
    CHECK_RESULT(sigmint_mygiro_access_token_path(NULL, 1, account, 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_mygiro_access_token_path(user, 1, NULL, 1, out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_mygiro_access_token_path(user, 1, account, 1, NULL, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_mygiro_access_token_path(user, 1, account, 1, out, sizeof out, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_mygiro_authorization(NULL, 1, out, sizeof out, &out_len), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_mygiro_authorization(jwt, 1, NULL, sizeof out, &out_len), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_mygiro_authorization(jwt, 1, out, sizeof out, NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK(out_len == LEN_SENTINEL && all_bytes(out, sizeof out, SENTINEL));
}

void test_provider_requests(void) {
    endpoints();
    user_query();
    kyc_submission();
    signed_requests();
    signed_headers();
    timestamps();
    timestamp_headers();
    sfox_requests();
    mygiro_requests();
}
