/* A C client for the provider sandbox (`sigmint sandbox`), with libcurl for HTTP and sigmint
 * for everything else: Fonbnk user tokens and KYC (signed requests), an sFOX user token, a
 * Mygiro access token, and a request with a tampered signature that must be refused.
 *
 *   sandbox_client [--check] [BASE_URL]        (or SANDBOX_URL in the environment)
 *
 * Credentials come from the environment, so no secret is ever on a command line:
 * FONBNK_CLIENT_ID, FONBNK_CLIENT_SECRET (base64), SFOX_API_KEY, MYGIRO_TOKEN, MYGIRO_TAG.
 * Each one unset falls back to the sandbox's public demo value (sigmint.sandbox.DEMO_*).
 *
 * Every line printed starts with "[c]". --check adds more refusals (replay, stale timestamp,
 * wrong keys, missing x-tag) and ends with "N passed, M failed". The exit status is 0 only when
 * every step succeeded. */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "sigmint.h"

/* The sandbox's demo credentials (public; never use them for anything real). */
#define DEMO_CLIENT_ID "demo-client-id"
#define DEMO_CLIENT_SECRET "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0="
#define DEMO_SFOX_API_KEY "sfox-sandbox-demo-api-key"
#define DEMO_MYGIRO_TOKEN                                                                       \
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzaWdtaW50LWRlbW8iLCJpYXQiOjE3NjU0NTQwNzN9." \
    "vwl2OXNp9PnhmBaUIubgT-fD-fVUKPnmS0Bq7Tq8dVA"
#define DEMO_MYGIRO_TAG "sigmint-demo"

/* The users of the round trip (the ids are the providers' documentation examples). */
static const char COUNTRY[] = "NG";
static const char SFOX_USER[] = "client_db29326e-5df6-4d8b-aaaa-b75dc194a0a2";
static const char MYGIRO_USER[] = "5a981078f4442500195c7201";
static const char MYGIRO_ACCOUNT[] = "5a981078f4442500195c7205";

static struct {
    /* New on every run, so the sandbox sees a new user whose KYC starts at "initiated". */
    char email[64];
    const char *base_url;
    const char *client_id;
    const char *sfox_key;
    const char *mygiro_token;
    const char *mygiro_tag;
    sigmint_key key;
    CURL *curl;
    int check_mode;
    int passed, failed;
    uint64_t last_ms;
} app;

/* The last answer: HTTP status and body (one byte more than any parser reads, to tell). */
static struct {
    long status;
    char body[SIGMINT_PROVIDER_MAX_RESPONSE_LEN + 1];
    size_t len;
} answer;

/* Records one check; a failure is printed at once. Returns ok. */
static int expect(int ok, const char *what) {
    if (ok) {
        app.passed++;
    } else {
        app.failed++;
        printf("[c] FAILED: %s\n", what);
    }
    return ok;
}

/* Records that `result` is `expected`, printing both when not. */
static int expect_result(sigmint_result result, sigmint_result expected, const char *what) {
    if (result != expected) {
        printf("[c] FAILED: %s: %s (expected: %s)\n", what, sigmint_result_str(result),
               sigmint_result_str(expected));
    }
    return expect(result == expected, what);
}

static const char *env_or(const char *name, const char *fallback) {
    const char *value = getenv(name);
    return value != NULL && value[0] != '\0' ? value : fallback;
}

/* Unix milliseconds, strictly increasing: the sandbox refuses a (timestamp, signature) pair it
 * has seen, so two requests in one millisecond must not share a timestamp. */
static uint64_t now_ms(void) {
    struct timespec ts;
    uint64_t ms;
    clock_gettime(CLOCK_REALTIME, &ts);
    ms = (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
    if (ms <= app.last_ms) {
        ms = app.last_ms + 1;
    }
    app.last_ms = ms;
    return ms;
}

static size_t on_data(char *data, size_t size, size_t count, void *user) {
    size_t n = size * count, room = sizeof answer.body - answer.len;
    (void)user;
    if (n > room) {
        return 0; /* longer than any parser reads: stop (curl reports a write error) */
    }
    memcpy(answer.body + answer.len, data, n);
    answer.len += n;
    return n;
}

/* Sends one request; fills `answer`. Returns 1 when an HTTP answer came back. */
static int http(const char *method, const char *path, struct curl_slist *headers, const char *body,
                size_t body_len) {
    char url[1024];
    CURLcode code;

    snprintf(url, sizeof url, "%s%s", app.base_url, path);
    answer.len = 0;
    answer.status = 0;
    curl_easy_reset(app.curl);
    curl_easy_setopt(app.curl, CURLOPT_URL, url);
    curl_easy_setopt(app.curl, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(app.curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(app.curl, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(app.curl, CURLOPT_TIMEOUT, 10L);
    if (body != NULL) {
        curl_easy_setopt(app.curl, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(app.curl, CURLOPT_POSTFIELDSIZE, (long)body_len);
    }
    code = curl_easy_perform(app.curl);
    if (code != CURLE_OK) {
        printf("[c] FAILED: %s %s: %s\n", method, url, curl_easy_strerror(code));
        return expect(0, "HTTP request");
    }
    curl_easy_getinfo(app.curl, CURLINFO_RESPONSE_CODE, &answer.status);
    return 1;
}

/* Appends "name: value" (value given with its length) to a header list. */
static struct curl_slist *header(struct curl_slist *list, const char *name, const char *value,
                                 size_t value_len) {
    char line[1024];
    struct curl_slist *grown;
    snprintf(line, sizeof line, "%s: %.*s", name, (int)value_len, value);
    grown = curl_slist_append(list, line);
    if (grown == NULL) {
        curl_slist_free_all(list);
        fprintf(stderr, "[c] out of memory\n");
        exit(2);
    }
    return grown;
}

/* The provider's text from the last answer, for messages. */
static const char *provider_text(char *out, size_t cap) {
    size_t len = 0;
    if (sigmint_provider_error_message(answer.body, answer.len, out, cap - 1, &len) != SIGMINT_RESULT_OK) {
        snprintf(out, cap, "(no text)");
    } else {
        out[len] = '\0';
    }
    return out;
}

/* Checks the status of the last answer; on a surprise, prints the provider's text. */
static int expect_status(long expected, const char *what) {
    char text[256];
    if (answer.status != expected) {
        printf("[c] FAILED: %s: HTTP %ld (expected %ld): %s\n", what, answer.status, expected,
               provider_text(text, sizeof text));
        return expect(0, what);
    }
    return expect(1, what);
}

/* The ways a Fonbnk request can be spoiled, for the negative checks. */
enum spoil { SPOIL_NONE, SPOIL_SIGNATURE, SPOIL_STALE, SPOIL_REPLAY };

/* Signs and sends a request to a Fonbnk endpoint with `body`. */
static int fonbnk_request(sigmint_fonbnk_endpoint_id endpoint, const char *body, size_t body_len,
                          enum spoil spoil, sigmint_fonbnk_headers *signed_out) {
    sigmint_str path, method, content_type;
    sigmint_fonbnk_headers h;
    struct curl_slist *headers = NULL;
    uint64_t timestamp = now_ms();
    int sent;

    if (spoil == SPOIL_STALE) {
        timestamp -= 10u * 60u * 1000u; /* 10 minutes ago: outside the 5-minute window */
    }
    if (!expect_result(sigmint_fonbnk_endpoint_path(endpoint, &path), SIGMINT_RESULT_OK, "endpoint path") ||
        !expect_result(sigmint_fonbnk_endpoint_method(endpoint, &method), SIGMINT_RESULT_OK, "method") ||
        !expect_result(sigmint_fonbnk_content_type(&content_type), SIGMINT_RESULT_OK, "content type")) {
        return 0;
    }
    if (spoil == SPOIL_REPLAY && signed_out != NULL) {
        h = *signed_out; /* exactly the headers of an earlier request */
    } else if (!expect_result(sigmint_fonbnk_sign_request(&app.key, app.client_id, strlen(app.client_id),
                                                          endpoint, timestamp, &h),
                              SIGMINT_RESULT_OK, "sign request")) {
        return 0;
    }
    if (spoil == SPOIL_SIGNATURE) {
        h.signature[0] = h.signature[0] == 'A' ? 'B' : 'A'; /* still base64, no longer the MAC */
    }
    if (signed_out != NULL && spoil != SPOIL_REPLAY) {
        *signed_out = h;
    }
    headers = header(headers, "Content-Type", content_type.ptr, content_type.len);
    headers = header(headers, "x-client-id", h.client_id, h.client_id_len);
    headers = header(headers, "x-timestamp", h.timestamp, h.timestamp_len);
    headers = header(headers, "x-signature", h.signature, h.signature_len);
    sent = http(method.ptr, path.ptr, headers, body, body_len);
    curl_slist_free_all(headers);
    return sent;
}

/* The body every Fonbnk user endpoint but KYC submit takes. */
static size_t user_query(char *out, size_t cap) {
    size_t len = 0;
    if (!expect_result(sigmint_fonbnk_user_query_json(app.email, strlen(app.email), COUNTRY, strlen(COUNTRY),
                                                      out, cap, &len),
                       SIGMINT_RESULT_OK, "user query body")) {
        return 0;
    }
    return len;
}

/* A token for display: its first characters. */
static void show_token(const char *label, sigmint_str token, const sigmint_fonbnk_token_lifetime *life,
                       int64_t now) {
    bool refresh = false;
    sigmint_fonbnk_token_needs_refresh(life, now, 60, &refresh);
    printf("[c]   %-7s %.20s... type %s, expires in %" PRId64 " s, refresh now (60 s margin)? %s\n",
           label, token.ptr, life->kind == SIGMINT_FONBNK_TOKEN_ACCESS ? "access" : "refresh",
           life->expires_at - now, refresh ? "yes" : "no");
}

static void fonbnk_tokens(sigmint_fonbnk_headers *signed_headers) {
    char body[256];
    size_t body_len = user_query(body, sizeof body);
    sigmint_fonbnk_user_tokens tokens;
    uint8_t scratch[1024];
    size_t scratch_len = 0;
    int64_t now = (int64_t)(now_ms() / 1000u);
    bool expired = true;

    if (body_len == 0 ||
        !fonbnk_request(SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2, body, body_len, SPOIL_NONE, signed_headers)) {
        return;
    }
    printf("[c] Fonbnk POST /api/v2/user/tokens %.*s -> %ld\n", (int)body_len, body, answer.status);
    printf("[c]   signed x-timestamp %s, x-signature %s\n", signed_headers->timestamp,
           signed_headers->signature);
    if (!expect_status(200, "Fonbnk user tokens") ||
        !expect_result(sigmint_fonbnk_parse_user_tokens(answer.body, answer.len, scratch, sizeof scratch,
                                                        &scratch_len, &tokens),
                       SIGMINT_RESULT_OK, "parse user tokens")) {
        return;
    }
    show_token("access", tokens.access_token, &tokens.access, now);
    show_token("refresh", tokens.refresh_token, &tokens.refresh, now);
    expect(tokens.access.kind == SIGMINT_FONBNK_TOKEN_ACCESS && tokens.refresh.kind == SIGMINT_FONBNK_TOKEN_REFRESH,
           "token types");
    expect(tokens.access.expires_at - tokens.access.issued_at == 15 * 60, "access token lives 15 minutes");
    expect(tokens.refresh.expires_at - tokens.refresh.issued_at == 14 * 24 * 3600,
           "refresh token lives 14 days");
    sigmint_fonbnk_token_expired(&tokens.access, now, &expired);
    expect(!expired, "fresh access token not expired");
    sigmint_fonbnk_token_expired(&tokens.access, tokens.access.expires_at, &expired);
    expect(expired, "access token expired at exp");
}

static void fonbnk_kyc_status(const char *when, const char *expected_status, int list) {
    char body[256], text[256];
    size_t body_len = user_query(body, sizeof body), text_len = 0;
    sigmint_fonbnk_kyc_state state;
    sigmint_fonbnk_document doc;
    sigmint_fonbnk_rule rule;
    size_t i;

    if (body_len == 0 ||
        !fonbnk_request(SIGMINT_FONBNK_ENDPOINT_KYC_STATUS, body, body_len, SPOIL_NONE, NULL)) {
        return;
    }
    if (!expect_status(200, "Fonbnk KYC status") ||
        !expect_result(sigmint_fonbnk_parse_kyc_state(answer.body, answer.len, &state), SIGMINT_RESULT_OK,
                       "parse KYC status")) {
        return;
    }
    if (sigmint_view_unescape(answer.body, answer.len, state.description, text, sizeof text - 1, &text_len) !=
        SIGMINT_RESULT_OK) {
        text_len = 0;
    }
    text[text_len] = '\0';
    printf("[c] Fonbnk POST /api/user/kyc/status (%s) -> %ld: kycStatus %.*s (%s), passed %.*s, "
           "limit reached %s, %lu documents, %lu rules\n",
           when, answer.status, (int)state.status_text.len, state.status_text.ptr, text,
           state.passed_kyc_type.ptr != NULL ? (int)state.passed_kyc_type.len : 4,
           state.passed_kyc_type.ptr != NULL ? state.passed_kyc_type.ptr : "none",
           state.reached_kyc_limit == SIGMINT_FONBNK_KYC_LIMIT_REACHED       ? "yes"
           : state.reached_kyc_limit == SIGMINT_FONBNK_KYC_LIMIT_NOT_REACHED ? "no"
                                                                             : "unknown",
           (unsigned long)state.documents_len, (unsigned long)state.rules_len);
    expect(state.status_text.len == strlen(expected_status) &&
               memcmp(state.status_text.ptr, expected_status, state.status_text.len) == 0,
           "KYC status");
    for (i = 0; sigmint_fonbnk_kyc_document(answer.body, answer.len, i, &doc) == SIGMINT_RESULT_OK; i++) {
        if (!list) {
            continue;
        }
        printf("[c]   document %lu: %.*s %.*s (%.*s)\n", (unsigned long)i, (int)doc.kind.len, doc.kind.ptr,
               (int)doc.title.len, doc.title.ptr, (int)doc.id.len, doc.id.ptr);
    }
    expect(i == state.documents_len, "every document read");
    for (i = 0; sigmint_fonbnk_kyc_rule(answer.body, answer.len, i, &rule) == SIGMINT_RESULT_OK; i++) {
        if (!list) {
            continue;
        }
        printf("[c]   rule %lu: %.*s, max %.*s (%s)\n", (unsigned long)i, (int)rule.kind.len, rule.kind.ptr,
               (int)rule.max.len, rule.max.ptr,
               rule.max_kind == SIGMINT_FONBNK_RULE_MAX_NUMBER ? "number"
               : rule.max_kind == SIGMINT_FONBNK_RULE_MAX_TEXT ? "text"
                                                               : "none");
    }
    expect(i == state.rules_len, "every rule read");
}

static void fonbnk_kyc_submit(void) {
    static const sigmint_query_param fields[] = {
        {"first_name", 10, "Ada", 3},
        {"last_name", 9, "Lovelace", 8},
        {"dob", 3, "1990-12-10", 10},
        {"number", 6, "VIN-0001", 8},
    };
    static const char document_id[] = "67da909b739fc481aa525c43"; /* Voter ID */
    char body[512];
    size_t body_len = 0;
    bool success = false;

    if (!expect_result(sigmint_fonbnk_kyc_submission_json(app.email, strlen(app.email), document_id,
                                                          strlen(document_id), fields, 4, body,
                                                          sizeof body, &body_len),
                       SIGMINT_RESULT_OK, "KYC submission body") ||
        !fonbnk_request(SIGMINT_FONBNK_ENDPOINT_KYC_SUBMIT, body, body_len, SPOIL_NONE, NULL)) {
        return;
    }
    printf("[c] Fonbnk POST /api/user/kyc/submit %.*s -> %ld\n", (int)body_len, body, answer.status);
    if (expect_status(200, "Fonbnk KYC submit") &&
        expect_result(sigmint_fonbnk_parse_kyc_submit(answer.body, answer.len, &success), SIGMINT_RESULT_OK,
                      "parse KYC submit")) {
        printf("[c]   success: %s\n", success ? "true" : "false");
        expect(success, "KYC submitted");
    }
}

/* A Fonbnk request that must be refused with 401, its message read from the body. */
static void fonbnk_refused(enum spoil spoil, sigmint_fonbnk_headers *earlier, const char *what) {
    char body[256], text[256];
    size_t body_len = user_query(body, sizeof body);
    sigmint_fonbnk_user_tokens tokens;
    size_t scratch_len = 0;

    if (body_len == 0 ||
        !fonbnk_request(SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2, body, body_len, spoil, earlier)) {
        return;
    }
    printf("[c] Fonbnk %s -> %ld: \"%s\"\n", what, answer.status, provider_text(text, sizeof text));
    expect_status(401, what);
    expect_result(sigmint_fonbnk_parse_user_tokens(answer.body, answer.len, NULL, 0, &scratch_len, &tokens),
                  SIGMINT_RESULT_PROVIDER_ERROR, "refusal parses as the provider's error");
}

static void sfox_token(const char *api_key, long expected_status) {
    char path[256], auth[512], text[256];
    size_t path_len = 0, auth_len = 0;
    struct curl_slist *headers = NULL;
    sigmint_sfox_user_token token;
    int64_t now = (int64_t)now_ms();
    bool refresh = true;

    if (!expect_result(sigmint_sfox_user_token_path(SFOX_USER, strlen(SFOX_USER), path, sizeof path - 1,
                                                    &path_len),
                       SIGMINT_RESULT_OK, "sFOX path") ||
        !expect_result(sigmint_sfox_authorization(api_key, strlen(api_key), auth, sizeof auth, &auth_len),
                       SIGMINT_RESULT_OK, "sFOX Authorization")) {
        return;
    }
    path[path_len] = '\0';
    headers = header(headers, "Authorization", auth, auth_len);
    if (!http("POST", path, headers, "", 0)) {
        curl_slist_free_all(headers);
        return;
    }
    curl_slist_free_all(headers);
    if (expected_status != 200) {
        printf("[c] sFOX POST %s with another key -> %ld: \"%s\"\n", path, answer.status,
               provider_text(text, sizeof text));
        expect_status(expected_status, "sFOX wrong key refused");
        expect_result(sigmint_sfox_parse_user_token(answer.body, answer.len, &token),
                      SIGMINT_RESULT_PROVIDER_ERROR, "sFOX refusal parses as the provider's error");
        return;
    }
    printf("[c] sFOX POST %s -> %ld\n", path, answer.status);
    if (!expect_status(200, "sFOX user token") ||
        !expect_result(sigmint_sfox_parse_user_token(answer.body, answer.len, &token), SIGMINT_RESULT_OK,
                       "parse sFOX user token")) {
        return;
    }
    sigmint_sfox_token_needs_refresh(&token, now, 5 * 60 * 1000, &refresh);
    printf("[c]   token %.16s..., for %.*s, expires %.*s = %" PRId64 " ms (in %.1f h), refresh now? %s\n",
           token.token.ptr, (int)token.partner_user_id.len, token.partner_user_id.ptr, (int)token.expires.len,
           token.expires.ptr, token.expires_at_ms, (double)(token.expires_at_ms - now) / 3600000.0,
           refresh ? "yes" : "no");
    expect(token.partner_user_id.len == strlen(SFOX_USER) &&
               memcmp(token.partner_user_id.ptr, SFOX_USER, token.partner_user_id.len) == 0,
           "sFOX partner_user_id");
    expect(token.expires_at_ms > now + 23 * 3600 * 1000 && !refresh, "sFOX token lives 24 hours");
}

static void mygiro_token(const char *tag, long expected_status) {
    char path[256], auth[1024], text[256];
    size_t path_len = 0, auth_len = 0;
    struct curl_slist *headers = NULL;
    sigmint_mygiro_access_token token;

    if (!expect_result(sigmint_mygiro_access_token_path(MYGIRO_USER, strlen(MYGIRO_USER), MYGIRO_ACCOUNT,
                                                        strlen(MYGIRO_ACCOUNT), path, sizeof path - 1,
                                                        &path_len),
                       SIGMINT_RESULT_OK, "Mygiro path") ||
        !expect_result(sigmint_mygiro_authorization(app.mygiro_token, strlen(app.mygiro_token), auth,
                                                    sizeof auth, &auth_len),
                       SIGMINT_RESULT_OK, "Mygiro Authorization")) {
        return;
    }
    path[path_len] = '\0';
    headers = header(headers, "Authorization", auth, auth_len);
    if (tag != NULL) {
        if (!expect_result(sigmint_mygiro_check_tag(tag, strlen(tag)), SIGMINT_RESULT_OK, "x-tag")) {
            curl_slist_free_all(headers);
            return;
        }
        headers = header(headers, "x-tag", tag, strlen(tag));
    }
    if (!http("GET", path, headers, NULL, 0)) {
        curl_slist_free_all(headers);
        return;
    }
    curl_slist_free_all(headers);
    if (expected_status != 200) {
        printf("[c] Mygiro GET without x-tag -> %ld: \"%s\"\n", answer.status, provider_text(text, sizeof text));
        expect_status(expected_status, "Mygiro without x-tag refused");
        expect_result(sigmint_mygiro_parse_access_token(answer.body, answer.len, &token),
                      SIGMINT_RESULT_PROVIDER_ERROR, "Mygiro status \"error\" is the provider's error");
        return;
    }
    printf("[c] Mygiro GET %s -> %ld\n", path, answer.status);
    if (!expect_status(200, "Mygiro access token") ||
        !expect_result(sigmint_mygiro_parse_access_token(answer.body, answer.len, &token), SIGMINT_RESULT_OK,
                       "parse Mygiro access token")) {
        return;
    }
    printf("[c]   token %.*s, type %.*s, user %.*s, created %.*s = %" PRId64 " ms\n", (int)token.token.len,
           token.token.ptr, (int)token.kind.len, token.kind.ptr, (int)token.user.len, token.user.ptr,
           (int)token.created_at.len, token.created_at.ptr, token.created_at_ms);
    expect(token.user.len == strlen(MYGIRO_USER) && memcmp(token.user.ptr, MYGIRO_USER, token.user.len) == 0,
           "Mygiro user");
    expect(token.created_at_ms > (int64_t)now_ms() - 60 * 1000, "Mygiro createdAt is now");
}

int main(int argc, char **argv) {
    const char *secret = env_or("FONBNK_CLIENT_SECRET", DEMO_CLIENT_SECRET);
    sigmint_fonbnk_headers first;
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--check") == 0) {
            app.check_mode = 1;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: %s [--check] [BASE_URL]\n", argv[0]);
            return 2;
        } else {
            app.base_url = argv[i];
        }
    }
    if (app.base_url == NULL) {
        app.base_url = getenv("SANDBOX_URL");
    }
    if (app.base_url == NULL || app.base_url[0] == '\0') {
        fprintf(stderr, "[c] no sandbox URL: give it as an argument or in SANDBOX_URL\n");
        return 2;
    }
    app.client_id = env_or("FONBNK_CLIENT_ID", DEMO_CLIENT_ID);
    app.sfox_key = env_or("SFOX_API_KEY", DEMO_SFOX_API_KEY);
    app.mygiro_token = env_or("MYGIRO_TOKEN", DEMO_MYGIRO_TOKEN);
    app.mygiro_tag = env_or("MYGIRO_TAG", DEMO_MYGIRO_TAG);
    if (sigmint_key_init_base64(&app.key, secret, strlen(secret)) != SIGMINT_RESULT_OK) {
        fprintf(stderr, "[c] FONBNK_CLIENT_SECRET is not a usable base64 secret\n");
        return 2;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK || (app.curl = curl_easy_init()) == NULL) {
        fprintf(stderr, "[c] libcurl failed to start\n");
        return 2;
    }

    snprintf(app.email, sizeof app.email, "testuser+c%" PRIu64 "@fonbnk.com", now_ms());
    printf("[c] sigmint %s, libcurl %s, sandbox %s\n", sigmint_version(),
           curl_version_info(CURLVERSION_NOW)->version, app.base_url);
    fonbnk_tokens(&first);
    fonbnk_kyc_status("new user", "initiated", 1);
    fonbnk_kyc_submit();
    fonbnk_kyc_status("after submit", "approved", 0);
    sfox_token(app.sfox_key, 200);
    mygiro_token(app.mygiro_tag, 200);
    fonbnk_refused(SPOIL_SIGNATURE, NULL, "POST /api/v2/user/tokens, tampered x-signature");
    if (app.check_mode) {
        /* Our own request verifies on the server side with the same key... */
        expect_result(sigmint_fonbnk_verify(&app.key, strtoull(first.timestamp, NULL, 10), "/api/v2/user/tokens",
                                            19, first.signature, first.signature_len),
                      SIGMINT_RESULT_OK, "sigmint_fonbnk_verify accepts our own signature");
        /* ...and the sandbox refuses it sent again, stale, or with the wrong credentials. */
        fonbnk_refused(SPOIL_REPLAY, &first, "POST /api/v2/user/tokens, replayed");
        fonbnk_refused(SPOIL_STALE, NULL, "POST /api/v2/user/tokens, timestamp 10 minutes old");
        sfox_token("not-the-sandbox-key", 401);
        mygiro_token(NULL, 400);
    }

    curl_easy_cleanup(app.curl);
    curl_global_cleanup();
    sigmint_key_clear(&app.key);
    if (app.check_mode) {
        printf("%d passed, %d failed\n", app.passed, app.failed);
    } else if (app.failed == 0) {
        printf("[c] round trip ok (%d checks)\n", app.passed);
    }
    return app.failed == 0 && app.passed > 0 ? 0 : 1;
}
