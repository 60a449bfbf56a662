/* Bad answers for every parser: truncated JSON, wrong types, missing fields, a 1 MB body, an
 * invalid date, the providers' error bodies; each a clear result with the output untouched.
 * Then NULL pointers and one-byte-short buffers for the parsers and the text helpers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define SENTINEL 0xA5
#define LEN_SENTINEL ((size_t)0xDEADBEEF)

/* A Fonbnk-shaped access / refresh token pair (HS256, claims {"type":…,"iat":…,"exp":…}). */
static const char ACCESS[] =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0eXBlIjoiYWNjZXNzIiwiaWF0IjoxNzY1NDU0MDczLCJleHAiOjE3NjU0NTQ5NzN9."
    "h64t8qKWqZZR5Vtzq_XQIfu1w464OL1eU6Ms2CUMT_o";
static const char REFRESH[] =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0eXBlIjoicmVmcmVzaCIsImlhdCI6MTc2NTQ1NDA3MywiZXhwIjoxNzY2NjYzNjczfQ."
    "zBp2124SDVPYgBuVUG9A4YCwiSniK26QkRTK7ff4syY";
static const char SFOX_OK[] =
    "{\"data\":{\"token\":\"bcf5ab\",\"partner_user_id\":\"client_1\",\"expires\":\"2024-05-14T19:22:09.901Z\"}}";
static const char MYGIRO_OK[] =
    "{\"status\":\"success\",\"data\":{\"token\":\"t+k=\",\"createdAt\":\"2019-12-07T01:12:02.315Z\"}}";
static const char KYC_OK[] = "{\"kycStatus\":\"approved\",\"kycRules\":[{\"type\":\"basic\",\"max\":1}]}";

/* A user-tokens body with the two tokens given (each inserted as a JSON string as-is). */
static size_t tokens_body(char *out, size_t cap, const char *access, const char *refresh) {
    int n = snprintf(out, cap, "{\"accessToken\":\"%s\",\"refreshToken\":\"%s\"}", access, refresh);
    return n < 0 ? 0 : (size_t)n;
}

/* Parses `body` with every parser kind sigmint has; checks the result and that nothing was
 * written. `which`: 't' tokens, 'k' KYC state, 'd' KYC document 0, 's' KYC submit, 'f' sFOX,
 * 'm' Mygiro. */
static int parse_as(char which, const char *body, size_t len, sigmint_result expected,
                    const char *file, int line) {
    union {
        sigmint_fonbnk_user_tokens tokens;
        sigmint_fonbnk_kyc_state kyc;
        sigmint_fonbnk_document doc;
        sigmint_sfox_user_token sfox;
        sigmint_mygiro_access_token mygiro;
        bool success;
    } out;
    uint8_t scratch[1024];
    size_t scratch_len = LEN_SENTINEL;
    sigmint_result got = SIGMINT_RESULT_PANIC;
    char what[64];

    memset(&out, SENTINEL, sizeof out);
    switch (which) {
    case 't':
        got = sigmint_fonbnk_parse_user_tokens(body, len, scratch, sizeof scratch, &scratch_len,
                                               &out.tokens);
        break;
    case 'k': got = sigmint_fonbnk_parse_kyc_state(body, len, &out.kyc); break;
    case 'd': got = sigmint_fonbnk_kyc_document(body, len, 0, &out.doc); break;
    case 's': got = sigmint_fonbnk_parse_kyc_submit(body, len, &out.success); break;
    case 'f': got = sigmint_sfox_parse_user_token(body, len, &out.sfox); break;
    case 'm': got = sigmint_mygiro_parse_access_token(body, len, &out.mygiro); break;
    }
    snprintf(what, sizeof what, "parse '%c' of %.24s...", which, body == NULL ? "(null)" : body);
    if (!check_result(got, expected, file, line, what)) {
        return 0;
    }
    if (expected != SIGMINT_RESULT_OK) {
        return check_record(all_bytes(&out, sizeof out, SENTINEL), file, line,
                            "output untouched on failure");
    }
    return 1;
}
#define PARSE(which, body, expected) parse_as((which), (body), strlen(body), (expected), __FILE__, __LINE__)

static void truncated_json(void) {
    char body[512];
    size_t len = tokens_body(body, sizeof body, ACCESS, REFRESH), cut;
    static const char *const whole[] = {SFOX_OK, MYGIRO_OK, KYC_OK};
    static const char kinds[] = {'f', 'm', 'k'};
    size_t i;

    CHECK(parse_as('t', body, len, SIGMINT_RESULT_OK, __FILE__, __LINE__));
    /* Every proper prefix of a valid body is refused as JSON, never read as a partial answer. */
    for (cut = 0; cut < len; cut++) {
        sigmint_result expected = SIGMINT_RESULT_INVALID_JSON;
        if (!parse_as('t', body, cut, expected, __FILE__, __LINE__)) {
            fprintf(stderr, "    (cut at %lu)\n", (unsigned long)cut);
            break;
        }
    }
    for (i = 0; i < 3; i++) {
        len = strlen(whole[i]);
        CHECK(parse_as(kinds[i], whole[i], len, SIGMINT_RESULT_OK, __FILE__, __LINE__));
        for (cut = 0; cut < len; cut++) {
            if (!parse_as(kinds[i], whole[i], cut, SIGMINT_RESULT_INVALID_JSON, __FILE__, __LINE__)) {
                fprintf(stderr, "    (cut at %lu)\n", (unsigned long)cut);
                break;
            }
        }
    }
    PARSE('s', "{\"success\":tru", SIGMINT_RESULT_INVALID_JSON);
    PARSE('d', "{\"kycStatus\":\"approved\"", SIGMINT_RESULT_INVALID_JSON);
    /* Not JSON at all, and JSON that is not an object. */
    PARSE('f', "<html>502 Bad Gateway</html>", SIGMINT_RESULT_INVALID_JSON);
    PARSE('m', "[]", SIGMINT_RESULT_INVALID_JSON);
    PARSE('t', "\"accessToken\"", SIGMINT_RESULT_INVALID_JSON);
    PARSE('k', "null", SIGMINT_RESULT_INVALID_JSON);
    /* JSON-level errors keep their own results. */
    PARSE('f', "{\"data\":{},\"data\":{}}", SIGMINT_RESULT_DUPLICATE_KEY);
    PARSE('s', "{\"success\":\"\xff\"}", SIGMINT_RESULT_INVALID_UTF8);
}

static void wrong_types(void) {
    char body[512];

    tokens_body(body, sizeof body, ACCESS, REFRESH);
    PARSE('t', "{\"accessToken\":5,\"refreshToken\":\"x\"}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('t', "{\"accessToken\":[],\"refreshToken\":\"x\"}", SIGMINT_RESULT_INVALID_FIELD);
    /* A token with an escape in it is not a token. */
    PARSE('t', "{\"accessToken\":\"a\\u002eb\",\"refreshToken\":\"x\"}", SIGMINT_RESULT_INVALID_FIELD);
    /* Not a JWT; or the two swapped (each token's type is checked). */
    tokens_body(body, sizeof body, "not-a-jwt", REFRESH);
    PARSE('t', body, SIGMINT_RESULT_MALFORMED_TOKEN);
    tokens_body(body, sizeof body, REFRESH, ACCESS);
    PARSE('t', body, SIGMINT_RESULT_WRONG_TOKEN_TYPE);

    PARSE('k', "{\"kycStatus\":1}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('k', "{\"kycStatus\":\"approved\",\"reachedKycLimit\":\"no\"}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('k', "{\"kycStatus\":\"approved\",\"passedKycType\":3}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('k', "{\"kycStatus\":\"approved\",\"basicDocuments\":{}}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('k', "{\"kycStatus\":\"approved\",\"basicDocuments\":[7]}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('k', "{\"kycStatus\":\"approved\",\"kycRules\":[{\"max\":[1]}]}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('k', "{\"kycStatus\":\"approved\",\"kycRules\":[{\"max\":true}]}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('d', "{\"kycStatus\":\"approved\",\"kycDocuments\":[{\"_id\":1}]}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('s', "{\"success\":\"yes\"}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('s', "{\"success\":1}", SIGMINT_RESULT_INVALID_FIELD);

    PARSE('f', "{\"data\":[]}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('f', "{\"data\":{\"token\":1,\"partner_user_id\":\"c\",\"expires\":\"2024-05-14T19:22:09Z\"}}",
          SIGMINT_RESULT_INVALID_FIELD);
    PARSE('f', "{\"data\":{\"token\":\"t\",\"partner_user_id\":2,\"expires\":\"2024-05-14T19:22:09Z\"}}",
          SIGMINT_RESULT_INVALID_FIELD);
    PARSE('f', "{\"data\":{\"token\":\"t\",\"partner_user_id\":\"c\",\"expires\":1715714529901}}",
          SIGMINT_RESULT_INVALID_FIELD);

    PARSE('m', "{\"status\":true,\"data\":{}}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('m', "{\"status\":\"success\",\"data\":\"x\"}", SIGMINT_RESULT_INVALID_FIELD);
    PARSE('m', "{\"status\":\"success\",\"data\":{\"token\":\"t\",\"createdAt\":0}}",
          SIGMINT_RESULT_INVALID_FIELD);
    PARSE('m', "{\"status\":\"success\",\"data\":{\"token\":\"t\",\"user\":{},\"createdAt\":\"2019-12-07T01:12:02Z\"}}",
          SIGMINT_RESULT_INVALID_FIELD);
}

static void missing_fields(void) {
    char body[512];

    snprintf(body, sizeof body, "{\"accessToken\":\"%s\"}", ACCESS);
    PARSE('t', body, SIGMINT_RESULT_MISSING_FIELD);
    snprintf(body, sizeof body, "{\"accessToken\":\"%s\",\"refreshToken\":null}", ACCESS);
    PARSE('t', body, SIGMINT_RESULT_MISSING_FIELD);
    PARSE('t', "{}", SIGMINT_RESULT_MISSING_FIELD);
    /* A token without exp. */
    tokens_body(body, sizeof body,
                "eyJhbGciOiJIUzI1NiJ9.eyJ0eXBlIjoiYWNjZXNzIiwiaWF0IjoxfQ.AF54mfGy1yL5bahHpZQZ0QspP0GXVCvP0eadQm2UiFI", REFRESH);
    PARSE('t', body, SIGMINT_RESULT_MISSING_CLAIM);

    PARSE('k', "{}", SIGMINT_RESULT_MISSING_FIELD);
    PARSE('k', "{\"kycStatus\":null}", SIGMINT_RESULT_MISSING_FIELD);
    PARSE('d', "{\"kycStatus\":\"approved\",\"basicDocuments\":[{\"title\":\"x\"}]}",
          SIGMINT_RESULT_MISSING_FIELD);
    PARSE('s', "{}", SIGMINT_RESULT_MISSING_FIELD);

    PARSE('f', "{}", SIGMINT_RESULT_MISSING_FIELD);
    PARSE('f', "{\"data\":{\"token\":\"t\",\"partner_user_id\":\"c\"}}", SIGMINT_RESULT_MISSING_FIELD);
    PARSE('f', "{\"data\":{\"partner_user_id\":\"c\",\"expires\":\"2024-05-14T19:22:09Z\"}}",
          SIGMINT_RESULT_MISSING_FIELD);
    PARSE('m', "{\"status\":\"success\"}", SIGMINT_RESULT_MISSING_FIELD);
    PARSE('m', "{\"status\":\"success\",\"data\":{\"createdAt\":\"2019-12-07T01:12:02Z\"}}",
          SIGMINT_RESULT_MISSING_FIELD);
    PARSE('m', "{\"data\":{}}", SIGMINT_RESULT_MISSING_FIELD);
    /* Optional Mygiro fields may be absent or null: views {NULL, 0}. */
    {
        sigmint_mygiro_access_token token;
        static const char body2[] =
            "{\"status\":\"success\",\"data\":{\"token\":\"t\",\"resetToken\":null,\"createdAt\":\"2019-12-07T01:12:02Z\"}}";
        CHECK_RESULT(sigmint_mygiro_parse_access_token(body2, strlen(body2), &token), SIGMINT_RESULT_OK);
        CHECK(token.reset_token.ptr == NULL && token.reset_token.len == 0);
        CHECK(token.kind.ptr == NULL && token.user.ptr == NULL && token.id.ptr == NULL);
        CHECK(token.created_at_ms == INT64_C(1575681122000));
    }
}

/* A 1 MB body: each parser refuses it by its size before reading it. */
static void one_megabyte(void) {
    size_t len = 1024 * 1024, at;
    char *body = malloc(len);
    static const char kinds[] = {'t', 'k', 'd', 's', 'f', 'm'};
    char text[64];
    size_t text_len = LEN_SENTINEL;
    size_t i;

    if (!CHECK(body != NULL)) {
        return;
    }
    /* A valid JSON object: {"data":"xxxx…"} */
    memset(body, 'x', len);
    memcpy(body, "{\"data\":\"", 9);
    memcpy(body + len - 2, "\"}", 2);
    for (i = 0; i < sizeof kinds; i++) {
        CHECK(parse_as(kinds[i], body, len, SIGMINT_RESULT_RESPONSE_TOO_LARGE, __FILE__, __LINE__));
    }
    /* Right at the limit the size is fine (and then the answer is read). */
    memcpy(body + SIGMINT_PROVIDER_MAX_RESPONSE_LEN - 2, "\"}", 2);
    CHECK(parse_as('f', body, SIGMINT_PROVIDER_MAX_RESPONSE_LEN, SIGMINT_RESULT_INVALID_FIELD,
                   __FILE__, __LINE__));
    CHECK(parse_as('f', body, SIGMINT_PROVIDER_MAX_RESPONSE_LEN + 1,
                   SIGMINT_RESULT_RESPONSE_TOO_LARGE, __FILE__, __LINE__));
    /* A huge non-JSON body is refused by its size too, not handed back as the error text. */
    for (at = 0; at < len; at++) {
        body[at] = 'y';
    }
    CHECK_RESULT(sigmint_provider_error_message(body, len, text, sizeof text, &text_len),
                 SIGMINT_RESULT_RESPONSE_TOO_LARGE);
    CHECK(text_len == LEN_SENTINEL);
    CHECK_RESULT(sigmint_provider_error_message(body, SIGMINT_PROVIDER_MAX_RESPONSE_LEN, NULL, 0,
                                                &text_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(text_len == SIGMINT_PROVIDER_MAX_RESPONSE_LEN);
    free(body);
}

static void invalid_dates(void) {
    static const char *const dates[] = {
        "2024-02-30T00:00:00Z", "2024-05-14", "2024-05-14T19:22:09", "yesterday", "",
        "2024-05-14T24:00:00Z", "2024-05-14T19:22:09+24:00", "2024-05-14T19:22:09.Z",
    };
    char body[256];
    size_t i;

    for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        snprintf(body, sizeof body,
                 "{\"data\":{\"token\":\"t\",\"partner_user_id\":\"c\",\"expires\":\"%s\"}}", dates[i]);
        if (!PARSE('f', body, SIGMINT_RESULT_INVALID_DATE)) {
            fprintf(stderr, "    (sFOX expires \"%s\")\n", dates[i]);
        }
        snprintf(body, sizeof body,
                 "{\"status\":\"success\",\"data\":{\"token\":\"t\",\"createdAt\":\"%s\"}}", dates[i]);
        if (!PARSE('m', body, SIGMINT_RESULT_INVALID_DATE)) {
            fprintf(stderr, "    (Mygiro createdAt \"%s\")\n", dates[i]);
        }
    }
    /* An offset is honoured. */
    {
        sigmint_sfox_user_token token;
        static const char offset[] =
            "{\"data\":{\"token\":\"t\",\"partner_user_id\":\"c\",\"expires\":\"2024-05-14T21:22:09.901+02:00\"}}";
        CHECK_RESULT(sigmint_sfox_parse_user_token(offset, strlen(offset), &token), SIGMINT_RESULT_OK);
        CHECK(token.expires_at_ms == INT64_C(1715714529901));
    }
}

/* Error answers: each parser says PROVIDER_ERROR, and the provider's text is retrievable. */
static void provider_errors(void) {
    static const char message[] = "{\"message\":\"Invalid signature\"}";
    static const char mygiro_error[] = "{\"status\":\"error\",\"message\":\"Account not found\"}";
    static const char escaped[] = "{\"message\":\"caf\\u00e9 \\\"x\\\"\"}";
    static const char kinds[] = {'t', 'k', 'd', 's', 'f', 'm'};
    char text[64];
    size_t text_len = LEN_SENTINEL, i;

    for (i = 0; i < sizeof kinds; i++) {
        CHECK(parse_as(kinds[i], message, strlen(message), SIGMINT_RESULT_PROVIDER_ERROR, __FILE__,
                       __LINE__));
    }
    CHECK_RESULT(sigmint_provider_error_message(message, strlen(message), text, sizeof text, &text_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(text, text_len, "Invalid signature");

    PARSE('m', mygiro_error, SIGMINT_RESULT_PROVIDER_ERROR);
    PARSE('m', "{\"status\":\"fail\",\"data\":{\"token\":\"t\",\"createdAt\":\"2019-12-07T01:12:02Z\"}}",
          SIGMINT_RESULT_PROVIDER_ERROR);
    CHECK_RESULT(sigmint_provider_error_message(mygiro_error, strlen(mygiro_error), text, sizeof text,
                                                &text_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(text, text_len, "Account not found");

    /* A message with escapes is unescaped; a body that is not JSON is the text, trimmed. */
    CHECK_RESULT(sigmint_provider_error_message(escaped, strlen(escaped), text, sizeof text, &text_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(text, text_len, "caf\xc3\xa9 \"x\"");
    CHECK_RESULT(sigmint_provider_error_message("  <html>502 Bad Gateway</html>\n", 31, text,
                                                sizeof text, &text_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(text, text_len, "<html>502 Bad Gateway</html>");
    /* JSON without a string message: the whole body. */
    CHECK_RESULT(sigmint_provider_error_message("{\"error\":\"x\"}", 13, text, sizeof text, &text_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(text, text_len, "{\"error\":\"x\"}");
    /* No text at all, or not UTF-8. */
    text_len = LEN_SENTINEL;
    memset(text, SENTINEL, sizeof text);
    CHECK_RESULT(sigmint_provider_error_message(" \r\n", 3, text, sizeof text, &text_len),
                 SIGMINT_RESULT_MISSING_FIELD);
    CHECK_RESULT(sigmint_provider_error_message(NULL, 0, text, sizeof text, &text_len),
                 SIGMINT_RESULT_MISSING_FIELD);
    CHECK_RESULT(sigmint_provider_error_message("\xff\xfe", 2, text, sizeof text, &text_len),
                 SIGMINT_RESULT_INVALID_UTF8);
    CHECK(text_len == LEN_SENTINEL && all_bytes(text, sizeof text, SENTINEL));
}

static void null_pointers(void) {
    char body[512];
    size_t len = tokens_body(body, sizeof body, ACCESS, REFRESH);
    sigmint_fonbnk_user_tokens tokens;
    sigmint_fonbnk_kyc_state kyc;
    sigmint_fonbnk_document doc;
    sigmint_fonbnk_rule rule;
    sigmint_sfox_user_token sfox;
    sigmint_mygiro_access_token mygiro;
    sigmint_fonbnk_token_lifetime lifetime = {SIGMINT_FONBNK_TOKEN_ACCESS, 0, 10};
    uint8_t scratch[512];
    size_t scratch_len = 0, out_len = LEN_SENTINEL;
    char out[64];
    bool flag = false;
    sigmint_str view = {body + 17, 4};

    CHECK_RESULT(sigmint_fonbnk_parse_user_tokens(NULL, len, scratch, sizeof scratch, &scratch_len, &tokens),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_parse_user_tokens(body, len, NULL, sizeof scratch, &scratch_len, &tokens),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_parse_user_tokens(body, len, scratch, sizeof scratch, NULL, &tokens),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_parse_user_tokens(body, len, scratch, sizeof scratch, &scratch_len, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_parse_kyc_state(NULL, 3, &kyc), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_parse_kyc_state(KYC_OK, strlen(KYC_OK), NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_kyc_document(NULL, 3, 0, &doc), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_kyc_document(KYC_OK, strlen(KYC_OK), 0, NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_kyc_rule(NULL, 3, 0, &rule), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_kyc_rule(KYC_OK, strlen(KYC_OK), 0, NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_parse_kyc_submit(NULL, 3, &flag), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_parse_kyc_submit("{}", 2, NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_sfox_parse_user_token(NULL, 3, &sfox), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_sfox_parse_user_token(SFOX_OK, strlen(SFOX_OK), NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_mygiro_parse_access_token(NULL, 3, &mygiro), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_mygiro_parse_access_token(MYGIRO_OK, strlen(MYGIRO_OK), NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    /* An empty body is NULL with length 0: not JSON. */
    CHECK_RESULT(sigmint_fonbnk_parse_kyc_state(NULL, 0, &kyc), SIGMINT_RESULT_INVALID_JSON);
    CHECK_RESULT(sigmint_sfox_parse_user_token(NULL, 0, &sfox), SIGMINT_RESULT_INVALID_JSON);

    CHECK_RESULT(sigmint_fonbnk_token_expired(NULL, 0, &flag), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_token_expired(&lifetime, 0, NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_token_needs_refresh(NULL, 0, 0, &flag), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_fonbnk_token_needs_refresh(&lifetime, 0, 0, NULL), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_sfox_token_expired(NULL, 0, &flag), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_sfox_token_needs_refresh(NULL, 0, 0, &flag), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK(!flag);

    memset(out, SENTINEL, sizeof out);
    CHECK_RESULT(sigmint_provider_error_message(NULL, 3, out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_provider_error_message("x", 1, NULL, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_provider_error_message("x", 1, out, sizeof out, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_view_unescape(NULL, len, view, out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_view_unescape(body, len, view, NULL, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_view_unescape(body, len, view, out, sizeof out, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    view.ptr = NULL;
    CHECK_RESULT(sigmint_view_unescape(body, len, view, out, sizeof out, &out_len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    view.len = 0;
    CHECK_RESULT(sigmint_view_unescape(body, len, view, out, sizeof out, &out_len),
                 SIGMINT_RESULT_MISSING_FIELD);
    CHECK(out_len == LEN_SENTINEL && all_bytes(out, sizeof out, SENTINEL));
}

static void buffers_one_byte_short(void) {
    char body[512];
    size_t len = tokens_body(body, sizeof body, ACCESS, REFRESH), need = 0;
    sigmint_fonbnk_user_tokens tokens;
    sigmint_fonbnk_kyc_state kyc;
    uint8_t scratch[512];
    size_t scratch_len = LEN_SENTINEL, out_len = LEN_SENTINEL;
    char out[64];
    static const char escaped[] = "{\"message\":\"a\\tb\"}";
    static const char kyc_body[] = "{\"kycStatus\":\"a\\u00e9\"}";

    /* Tokens: the scratch size is negotiated like an output length. */
    memset(&tokens, SENTINEL, sizeof tokens);
    CHECK_RESULT(sigmint_fonbnk_parse_user_tokens(body, len, NULL, 0, &scratch_len, &tokens),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    need = scratch_len;
    CHECK(need > 0 && need < sizeof scratch && all_bytes(&tokens, sizeof tokens, SENTINEL));
    scratch_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_fonbnk_parse_user_tokens(body, len, scratch, need - 1, &scratch_len, &tokens),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(scratch_len == need && all_bytes(&tokens, sizeof tokens, SENTINEL));
    CHECK_RESULT(sigmint_fonbnk_parse_user_tokens(body, len, scratch, need, &scratch_len, &tokens),
                 SIGMINT_RESULT_OK);
    CHECK(scratch_len == need && tokens.access.kind == SIGMINT_FONBNK_TOKEN_ACCESS);
    /* A body error wins over a small scratch (it is found before any token is decoded). */
    CHECK_RESULT(sigmint_fonbnk_parse_user_tokens("{}", 2, NULL, 0, &scratch_len, &tokens),
                 SIGMINT_RESULT_MISSING_FIELD);

    /* The provider's text, borrowed and unescaped. */
    memset(out, SENTINEL, sizeof out);
    CHECK_RESULT(sigmint_provider_error_message("{\"message\":\"nope\"}", 18, out, 3, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == 4 && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_provider_error_message("{\"message\":\"nope\"}", 18, out, 4, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "nope");
    CHECK(all_bytes(out + 4, sizeof out - 4, SENTINEL));
    memset(out, SENTINEL, sizeof out);
    out_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_provider_error_message(escaped, strlen(escaped), NULL, 0, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == 3);
    CHECK_RESULT(sigmint_provider_error_message(escaped, strlen(escaped), out, 2, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == 3 && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_provider_error_message(escaped, strlen(escaped), out, 3, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "a\tb");
    CHECK(all_bytes(out + 3, sizeof out - 3, SENTINEL));

    /* A view's text: "a\u00e9" is 3 bytes of UTF-8. */
    CHECK_RESULT(sigmint_fonbnk_parse_kyc_state(kyc_body, strlen(kyc_body), &kyc), SIGMINT_RESULT_OK);
    CHECK(kyc.status == SIGMINT_FONBNK_KYC_STATUS_UNKNOWN);
    memset(out, SENTINEL, sizeof out);
    out_len = LEN_SENTINEL;
    CHECK_RESULT(sigmint_view_unescape(kyc_body, strlen(kyc_body), kyc.status_text, out, 2, &out_len),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(out_len == 3 && all_bytes(out, sizeof out, SENTINEL));
    CHECK_RESULT(sigmint_view_unescape(kyc_body, strlen(kyc_body), kyc.status_text, out, 3, &out_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(out, out_len, "a\xc3\xa9");
    /* A view of another body, or not of a string, is refused. */
    CHECK_RESULT(sigmint_view_unescape(KYC_OK, strlen(KYC_OK), kyc.status_text, out, sizeof out,
                                       &out_len),
                 SIGMINT_RESULT_INVALID_JSON);
    {
        sigmint_str whole = {kyc_body, strlen(kyc_body)};
        CHECK_RESULT(sigmint_view_unescape(kyc_body, strlen(kyc_body), whole, out, sizeof out, &out_len),
                     SIGMINT_RESULT_INVALID_JSON);
    }
}

void test_provider_errors(void) {
    truncated_json();
    wrong_types();
    missing_fields();
    one_megabyte();
    invalid_dates();
    provider_errors();
    null_pointers();
    buffers_one_byte_short();
}
