/* The providers' documented answers (../tests/vectors/provider_responses.json) parse to the
 * expected fields, and the Fonbnk KYC answers from the docs read field by field. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "check.h"

#define LEN_SENTINEL ((size_t)0xDEADBEEF)

/* A number member of `object` as int64_t (the vectors' numbers are below 2^53: exact). */
static int64_t int_of(const cJSON *object, const char *name) {
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    if (!CHECK(cJSON_IsNumber(item))) {
        fprintf(stderr, "    missing number \"%s\"\n", name);
        return 0;
    }
    return (int64_t)item->valuedouble;
}

static void fonbnk_user_tokens(const cJSON *vector) {
    const char *body = string_of(vector, "body");
    const cJSON *expected = cJSON_GetObjectItemCaseSensitive(vector, "expected");
    int64_t access_exp = int_of(expected, "access_exp");
    int64_t refresh_exp = int_of(expected, "refresh_exp");
    sigmint_fonbnk_user_tokens tokens;
    uint8_t scratch[1024];
    size_t scratch_len = LEN_SENTINEL;
    bool flag = true;

    CHECK(strcmp(string_of(expected, "access_type"), "access") == 0);
    CHECK(strcmp(string_of(expected, "refresh_type"), "refresh") == 0);
    CHECK_RESULT(sigmint_fonbnk_parse_user_tokens(body, strlen(body), scratch, sizeof scratch,
                                                  &scratch_len, &tokens),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(tokens.access_token.ptr, tokens.access_token.len, string_of(expected, "accessToken"));
    CHECK_TEXT(tokens.refresh_token.ptr, tokens.refresh_token.len,
               string_of(expected, "refreshToken"));
    /* The tokens are views into the body, not copies. */
    CHECK(tokens.access_token.ptr > body && tokens.access_token.ptr < body + strlen(body));
    CHECK(tokens.access.kind == SIGMINT_FONBNK_TOKEN_ACCESS);
    CHECK(tokens.refresh.kind == SIGMINT_FONBNK_TOKEN_REFRESH);
    CHECK(tokens.access.expires_at == access_exp);
    CHECK(tokens.refresh.expires_at == refresh_exp);
    /* Both were issued at 1765454073: 15 minutes and 14 days. */
    CHECK(tokens.access.issued_at == 1765454073 && tokens.refresh.issued_at == 1765454073);
    CHECK(tokens.access.expires_at - tokens.access.issued_at == 15 * 60);
    CHECK(tokens.refresh.expires_at - tokens.refresh.issued_at == 14 * 24 * 3600);
    /* The scratch's size is asked for with none, and is what Fonbnk's tokens make likely. */
    CHECK(scratch_len == LEN_SENTINEL);
    CHECK_RESULT(sigmint_fonbnk_parse_user_tokens(body, strlen(body), NULL, 0, &scratch_len,
                                                  &tokens),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK(scratch_len > 0 && scratch_len < 512);

    /* Lifecycle: expired from exp on; needs a refresh from exp - margin on. */
    CHECK_RESULT(sigmint_fonbnk_token_expired(&tokens.access, access_exp - 1, &flag), SIGMINT_RESULT_OK);
    CHECK(!flag);
    CHECK_RESULT(sigmint_fonbnk_token_expired(&tokens.access, access_exp, &flag), SIGMINT_RESULT_OK);
    CHECK(flag);
    CHECK_RESULT(sigmint_fonbnk_token_needs_refresh(&tokens.access, access_exp - 61, 60, &flag),
                 SIGMINT_RESULT_OK);
    CHECK(!flag);
    CHECK_RESULT(sigmint_fonbnk_token_needs_refresh(&tokens.access, access_exp - 60, 60, &flag),
                 SIGMINT_RESULT_OK);
    CHECK(flag);
    CHECK_RESULT(sigmint_fonbnk_token_needs_refresh(&tokens.refresh, access_exp, 60, &flag),
                 SIGMINT_RESULT_OK);
    CHECK(!flag);
    CHECK_RESULT(sigmint_fonbnk_token_needs_refresh(&tokens.refresh, INT64_MAX, INT64_MAX, &flag),
                 SIGMINT_RESULT_OK);
    CHECK(flag);
}

static void sfox_user_token(const cJSON *vector) {
    const char *body = string_of(vector, "body");
    const cJSON *expected = cJSON_GetObjectItemCaseSensitive(vector, "expected");
    int64_t expires_ms = int_of(expected, "expires_unix_ms");
    sigmint_sfox_user_token token;
    char text[128];
    size_t text_len = 0;
    bool flag = true;

    CHECK_RESULT(sigmint_sfox_parse_user_token(body, strlen(body), &token), SIGMINT_RESULT_OK);
    CHECK_TEXT(token.token.ptr, token.token.len, string_of(expected, "token"));
    CHECK_TEXT(token.partner_user_id.ptr, token.partner_user_id.len,
               string_of(expected, "partner_user_id"));
    CHECK_TEXT(token.expires.ptr, token.expires.len, string_of(expected, "expires"));
    CHECK(token.expires_at_ms == expires_ms && expires_ms == INT64_C(1715714529901));
    CHECK_RESULT(sigmint_view_unescape(body, strlen(body), token.partner_user_id, text, sizeof text,
                                       &text_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(text, text_len, string_of(expected, "partner_user_id"));

    CHECK_RESULT(sigmint_sfox_token_expired(&token, expires_ms - 1, &flag), SIGMINT_RESULT_OK);
    CHECK(!flag);
    CHECK_RESULT(sigmint_sfox_token_expired(&token, expires_ms, &flag), SIGMINT_RESULT_OK);
    CHECK(flag);
    CHECK_RESULT(sigmint_sfox_token_needs_refresh(&token, expires_ms - 300001, 300000, &flag),
                 SIGMINT_RESULT_OK);
    CHECK(!flag);
    CHECK_RESULT(sigmint_sfox_token_needs_refresh(&token, expires_ms - 300000, 300000, &flag),
                 SIGMINT_RESULT_OK);
    CHECK(flag);
}

static void mygiro_access_token(const cJSON *vector) {
    const char *body = string_of(vector, "body");
    const cJSON *expected = cJSON_GetObjectItemCaseSensitive(vector, "expected");
    sigmint_mygiro_access_token token;

    CHECK(strcmp(string_of(expected, "status"), "success") == 0);
    CHECK_RESULT(sigmint_mygiro_parse_access_token(body, strlen(body), &token), SIGMINT_RESULT_OK);
    CHECK_TEXT(token.token.ptr, token.token.len, string_of(expected, "token"));
    CHECK_TEXT(token.reset_token.ptr, token.reset_token.len, string_of(expected, "resetToken"));
    CHECK_TEXT(token.kind.ptr, token.kind.len, string_of(expected, "type"));
    CHECK_TEXT(token.user.ptr, token.user.len, string_of(expected, "user"));
    CHECK_TEXT(token.id.ptr, token.id.len, string_of(expected, "_id"));
    CHECK_TEXT(token.created_at.ptr, token.created_at.len, string_of(expected, "createdAt"));
    CHECK(token.created_at_ms == int_of(expected, "createdAt_unix_ms"));
    CHECK(token.created_at_ms == INT64_C(1575681122315));
}

/* The KYC status answer as Fonbnk documents it (v1.5), with a description that holds escapes. */
static const char KYC_BODY[] =
    "{\n"
    "  \"passedKycType\": \"advanced\",\n"
    "  \"reachedKycLimit\": false,\n"
    "  \"kycStatus\": \"approved\",\n"
    "  \"kycStatusDescription\": \"Partial \\u004datch \\\"BVN\\\"\",\n"
    "  \"basicDocuments\": [\n"
    "    {\"_id\": \"67da909b739fc481aa525c43\", \"type\": \"basic\", \"title\": \"Voter ID\",\n"
    "     \"value\": \"VOTER_ID\", \"requiredFields\": {\"first_name\": {\"type\": \"string\",\n"
    "     \"label\": \"First Name\", \"required\": true}}}\n"
    "  ],\n"
    "  \"advancedDocuments\": [\n"
    "    {\"_id\": \"67da909b739fc481aa525c47\", \"type\": \"advanced\", \"title\": \"BVN\",\n"
    "     \"value\": \"BVN\"}\n"
    "  ],\n"
    "  \"kycRules\": [{\"type\": \"basic\", \"max\": 100}, {\"type\": \"advanced\", \"max\": "
    "\"Infinity\"}, {\"type\": \"none\"}]\n"
    "}";

static void fonbnk_kyc_state(void) {
    size_t len = strlen(KYC_BODY);
    sigmint_fonbnk_kyc_state state;
    sigmint_fonbnk_document doc;
    sigmint_fonbnk_rule rule;
    char text[128];
    size_t text_len = 0;
    int64_t number = 0;
    bool success = false;

    CHECK_RESULT(sigmint_fonbnk_parse_kyc_state(KYC_BODY, len, &state), SIGMINT_RESULT_OK);
    CHECK(state.status == SIGMINT_FONBNK_KYC_STATUS_APPROVED);
    CHECK_TEXT(state.status_text.ptr, state.status_text.len, "approved");
    CHECK_TEXT(state.passed_kyc_type.ptr, state.passed_kyc_type.len, "advanced");
    CHECK(state.reached_kyc_limit == SIGMINT_FONBNK_KYC_LIMIT_NOT_REACHED);
    CHECK(state.documents_len == 2 && state.rules_len == 3);
    /* The description is a raw view (escapes intact); sigmint_view_unescape resolves them. */
    CHECK_TEXT(state.description.ptr, state.description.len, "Partial \\u004datch \\\"BVN\\\"");
    CHECK_RESULT(sigmint_view_unescape(KYC_BODY, len, state.description, text, sizeof text, &text_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(text, text_len, "Partial Match \"BVN\"");

    CHECK_RESULT(sigmint_fonbnk_kyc_document(KYC_BODY, len, 0, &doc), SIGMINT_RESULT_OK);
    CHECK_TEXT(doc.id.ptr, doc.id.len, "67da909b739fc481aa525c43");
    CHECK_TEXT(doc.kind.ptr, doc.kind.len, "basic");
    CHECK_TEXT(doc.title.ptr, doc.title.len, "Voter ID");
    CHECK_TEXT(doc.value.ptr, doc.value.len, "VOTER_ID");
    CHECK(doc.required_fields_json.ptr != NULL && doc.required_fields_json.ptr[0] == '{');
    CHECK_RESULT(sigmint_json_get_bool(doc.required_fields_json.ptr, doc.required_fields_json.len,
                                       "first_name.required", 19, &success),
                 SIGMINT_RESULT_OK);
    CHECK(success);
    CHECK_RESULT(sigmint_json_get_str(doc.required_fields_json.ptr, doc.required_fields_json.len,
                                      "first_name.label", 16, text, sizeof text, &text_len),
                 SIGMINT_RESULT_OK);
    CHECK_TEXT(text, text_len, "First Name");
    CHECK_RESULT(sigmint_fonbnk_kyc_document(KYC_BODY, len, 1, &doc), SIGMINT_RESULT_OK);
    CHECK_TEXT(doc.id.ptr, doc.id.len, "67da909b739fc481aa525c47");
    CHECK_TEXT(doc.title.ptr, doc.title.len, "BVN");
    CHECK(doc.required_fields_json.ptr == NULL && doc.required_fields_json.len == 0);
    memset(&doc, 0xA5, sizeof doc);
    CHECK_RESULT(sigmint_fonbnk_kyc_document(KYC_BODY, len, 2, &doc),
                 SIGMINT_RESULT_INDEX_OUT_OF_RANGE);
    CHECK_RESULT(sigmint_fonbnk_kyc_document(KYC_BODY, len, SIZE_MAX, &doc),
                 SIGMINT_RESULT_INDEX_OUT_OF_RANGE);
    CHECK(all_bytes(&doc, sizeof doc, 0xA5));

    CHECK_RESULT(sigmint_fonbnk_kyc_rule(KYC_BODY, len, 0, &rule), SIGMINT_RESULT_OK);
    CHECK_TEXT(rule.kind.ptr, rule.kind.len, "basic");
    CHECK(rule.max_kind == SIGMINT_FONBNK_RULE_MAX_NUMBER);
    CHECK_TEXT(rule.max.ptr, rule.max.len, "100");
    CHECK_RESULT(sigmint_json_get_i64(rule.json.ptr, rule.json.len, "max", 3, &number),
                 SIGMINT_RESULT_OK);
    CHECK(number == 100);
    CHECK_RESULT(sigmint_fonbnk_kyc_rule(KYC_BODY, len, 1, &rule), SIGMINT_RESULT_OK);
    CHECK_TEXT(rule.kind.ptr, rule.kind.len, "advanced");
    CHECK(rule.max_kind == SIGMINT_FONBNK_RULE_MAX_TEXT);
    CHECK_TEXT(rule.max.ptr, rule.max.len, "Infinity");
    CHECK_RESULT(sigmint_fonbnk_kyc_rule(KYC_BODY, len, 2, &rule), SIGMINT_RESULT_OK);
    CHECK(rule.max_kind == SIGMINT_FONBNK_RULE_MAX_NONE && rule.max.ptr == NULL && rule.max.len == 0);
    CHECK_RESULT(sigmint_fonbnk_kyc_rule(KYC_BODY, len, 3, &rule), SIGMINT_RESULT_INDEX_OUT_OF_RANGE);

    CHECK_RESULT(sigmint_fonbnk_parse_kyc_submit("{\"success\": true}", 17, &success),
                 SIGMINT_RESULT_OK);
    CHECK(success);
    CHECK_RESULT(sigmint_fonbnk_parse_kyc_submit("{\"success\":false}", 17, &success),
                 SIGMINT_RESULT_OK);
    CHECK(!success);
}

/* Every kycStatus the docs list, an unknown one (kept, not refused), and the tri-state limit. */
static void fonbnk_kyc_statuses(void) {
    static const struct {
        const char *body;
        sigmint_fonbnk_kyc_status status;
        sigmint_fonbnk_kyc_limit limit;
        const char *text;
    } cases[] = {
        {"{\"kycStatus\":\"initiated\",\"reachedKycLimit\":true}", SIGMINT_FONBNK_KYC_STATUS_INITIATED,
         SIGMINT_FONBNK_KYC_LIMIT_REACHED, "initiated"},
        {"{\"kycStatus\":\"rejected\",\"reachedKycLimit\":null}", SIGMINT_FONBNK_KYC_STATUS_REJECTED,
         SIGMINT_FONBNK_KYC_LIMIT_UNKNOWN, "rejected"},
        {"{\"kycStatus\":\"invalid\"}", SIGMINT_FONBNK_KYC_STATUS_INVALID,
         SIGMINT_FONBNK_KYC_LIMIT_UNKNOWN, "invalid"},
        {"{\"kycStatus\":\"pending_review\"}", SIGMINT_FONBNK_KYC_STATUS_UNKNOWN,
         SIGMINT_FONBNK_KYC_LIMIT_UNKNOWN, "pending_review"},
        {"{\"kycStatus\":\"APPROVED\"}", SIGMINT_FONBNK_KYC_STATUS_UNKNOWN,
         SIGMINT_FONBNK_KYC_LIMIT_UNKNOWN, "APPROVED"},
        /* An escaped spelling of a known value is that value. */
        {"{\"kycStatus\":\"appro\\u0076ed\"}", SIGMINT_FONBNK_KYC_STATUS_APPROVED,
         SIGMINT_FONBNK_KYC_LIMIT_UNKNOWN, "appro\\u0076ed"},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sigmint_fonbnk_kyc_state state;
        memset(&state, 0xA5, sizeof state);
        CHECK_RESULT(sigmint_fonbnk_parse_kyc_state(cases[i].body, strlen(cases[i].body), &state),
                     SIGMINT_RESULT_OK);
        CHECK(state.status == cases[i].status);
        CHECK(state.reached_kyc_limit == cases[i].limit);
        CHECK_TEXT(state.status_text.ptr, state.status_text.len, cases[i].text);
        CHECK(state.passed_kyc_type.ptr == NULL && state.description.ptr == NULL);
        CHECK(state.documents_len == 0 && state.rules_len == 0);
    }
}

void test_provider_vectors(const char *vectors_dir) {
    cJSON *vectors = read_json(vectors_dir, "provider_responses.json");
    int failed_before = check_failed;
    if (vectors != NULL) {
        fonbnk_user_tokens(cJSON_GetObjectItemCaseSensitive(vectors, "fonbnk_user_tokens"));
        sfox_user_token(cJSON_GetObjectItemCaseSensitive(vectors, "sfox_user_token"));
        mygiro_access_token(cJSON_GetObjectItemCaseSensitive(vectors, "mygiro_generate_access_token"));
        cJSON_Delete(vectors);
    }
    fonbnk_kyc_state();
    fonbnk_kyc_statuses();
    if (check_failed != failed_before) {
        fprintf(stderr, "    (provider vectors)\n");
    }
}
