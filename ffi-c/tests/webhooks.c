/* Inbound webhooks from C: for each provider, signing (buffers negotiated, values
 * NUL-terminated), verifying with rotated keys, and every refusal: a missing or malformed
 * header (named), a timestamp out of the window on either side, a signature that does not
 * match, a replay, an unknown provider, empty or cleared keys, NULL pointers. */
#include <stdio.h>
#include <string.h>

#include "check.h"

#define SENTINEL 0xA5
#define LEN_SENTINEL ((size_t)0xDEADBEEF)
#define NOW ((int64_t)1531420618)

static const char *const PROVIDERS[] = {"github", "slack", "stripe", "shopify"};
#define PROVIDER_COUNT (sizeof PROVIDERS / sizeof PROVIDERS[0])
static const char BODY[] = "payload=1";

/* The headers a provider sends, with the texts they point into. */
typedef struct {
    sigmint_http_header headers[SIGMINT_WEBHOOK_MAX_HEADERS + 1];
    size_t count;
    char values[256];
} sent_headers;

static sigmint_result sign(const char *provider, const sigmint_key *key, int64_t at,
                           sent_headers *out) {
    size_t values_len = 0;
    return sigmint_webhook_sign(provider, strlen(provider), key, (const uint8_t *)BODY,
                                strlen(BODY), at, out->headers, SIGMINT_WEBHOOK_MAX_HEADERS,
                                &out->count, out->values, sizeof out->values, &values_len);
}

/* Verifies BODY with `headers` against keys[0..key_count] at `now`, default tolerance. */
static sigmint_result verify(const char *provider, const sigmint_key *keys, size_t key_count,
                             const sigmint_http_header *headers, size_t count, int64_t now,
                             sigmint_replay *replay, size_t *key_index, sigmint_str *refused) {
    return sigmint_webhook_verify(provider, strlen(provider), keys, key_count, headers, count,
                                  (const uint8_t *)BODY, strlen(BODY), now,
                                  SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S, replay, key_index,
                                  refused);
}

/* Whether the static text `name` (NUL-terminated, of `len` bytes) is `expected`. */
static int names(sigmint_str name, const char *expected) {
    return name.ptr != NULL && name.len == strlen(expected) && strcmp(name.ptr, expected) == 0;
}

/* Signing: both sizes asked for, each buffer one short, then the values; names and values
 * are C strings too. */
static void test_webhook_sign(const sigmint_key *key) {
    size_t p;
    for (p = 0; p < PROVIDER_COUNT; p++) {
        const char *provider = PROVIDERS[p];
        size_t expected_count = strcmp(provider, "slack") == 0 ? 2 : 1;
        sigmint_http_header headers[SIGMINT_WEBHOOK_MAX_HEADERS];
        char values[256];
        size_t count = LEN_SENTINEL, needed = LEN_SENTINEL, len = 0, used = 0, i;
        int failed_before = check_failed;

        CHECK_RESULT(sigmint_webhook_sign(provider, strlen(provider), key, (const uint8_t *)BODY,
                                          strlen(BODY), NOW, NULL, 0, &count, NULL, 0, &needed),
                     SIGMINT_RESULT_BUFFER_TOO_SMALL);
        CHECK(count == expected_count && needed > 0 && needed <= sizeof values);
        memset(headers, SENTINEL, sizeof headers);
        memset(values, SENTINEL, sizeof values);
        CHECK_RESULT(sigmint_webhook_sign(provider, strlen(provider), key, (const uint8_t *)BODY,
                                          strlen(BODY), NOW, headers, expected_count - 1, &count,
                                          values, sizeof values, &len),
                     SIGMINT_RESULT_BUFFER_TOO_SMALL);
        CHECK(count == expected_count && len == needed);
        CHECK_RESULT(sigmint_webhook_sign(provider, strlen(provider), key, (const uint8_t *)BODY,
                                          strlen(BODY), NOW, headers, expected_count, &count,
                                          values, needed - 1, &len),
                     SIGMINT_RESULT_BUFFER_TOO_SMALL);
        CHECK(count == expected_count && len == needed);
        CHECK(all_bytes(headers, sizeof headers, SENTINEL) &&
              all_bytes(values, sizeof values, SENTINEL));
        CHECK_RESULT(sigmint_webhook_sign(provider, strlen(provider), key, (const uint8_t *)BODY,
                                          strlen(BODY), NOW, headers, expected_count, &count,
                                          values, needed, &len),
                     SIGMINT_RESULT_OK);
        CHECK(count == expected_count && len == needed);
        for (i = 0; i < count && i < SIGMINT_WEBHOOK_MAX_HEADERS; i++) {
            CHECK(strlen(headers[i].name) == headers[i].name_len);
            CHECK(strlen(headers[i].value) == headers[i].value_len);
            CHECK(headers[i].value == values + used);
            used += headers[i].value_len + 1;
        }
        CHECK(used == len);
        if (strcmp(provider, "slack") == 0) {
            CHECK_TEXT(headers[0].name, headers[0].name_len, "X-Slack-Request-Timestamp");
            CHECK_TEXT(headers[0].value, headers[0].value_len, "1531420618");
            CHECK_TEXT(headers[1].name, headers[1].name_len, "X-Slack-Signature");
            CHECK(strncmp(headers[1].value, "v0=", 3) == 0 && headers[1].value_len == 67);
        } else if (strcmp(provider, "stripe") == 0) {
            CHECK_TEXT(headers[0].name, headers[0].name_len, "Stripe-Signature");
            CHECK(strncmp(headers[0].value, "t=1531420618,v1=", 16) == 0 &&
                  headers[0].value_len == 16 + 64);
        } else if (strcmp(provider, "github") == 0) {
            CHECK_TEXT(headers[0].name, headers[0].name_len, "X-Hub-Signature-256");
            CHECK(strncmp(headers[0].value, "sha256=", 7) == 0 && headers[0].value_len == 71);
        } else {
            CHECK_TEXT(headers[0].name, headers[0].name_len, "X-Shopify-Hmac-SHA256");
            CHECK(headers[0].value_len == 44);
        }
        /* A negative timestamp: refused where one is signed, ignored elsewhere. */
        CHECK_RESULT(sigmint_webhook_sign(provider, strlen(provider), key, (const uint8_t *)BODY,
                                          strlen(BODY), -1, headers, expected_count, &count,
                                          values, sizeof values, &len),
                     expected_count == 2 || strcmp(provider, "stripe") == 0
                         ? SIGMINT_RESULT_INVALID_PART
                         : SIGMINT_RESULT_OK);
        if (check_failed != failed_before) {
            fprintf(stderr, "    signing as %s\n", provider);
        }
    }
}

/* Rotation: either key verifies, the index says which; another key's signature is refused
 * and nothing is written. Header names in any case, values with spaces around them. */
static void test_webhook_rotation(const sigmint_key keys[2], const sigmint_key *other) {
    size_t p;
    for (p = 0; p < PROVIDER_COUNT; p++) {
        const char *provider = PROVIDERS[p];
        sent_headers sent;
        sigmint_http_header shouted[SIGMINT_WEBHOOK_MAX_HEADERS];
        char names_upper[SIGMINT_WEBHOOK_MAX_HEADERS][64], padded[SIGMINT_WEBHOOK_MAX_HEADERS][256];
        size_t index = LEN_SENTINEL, i, j;
        sigmint_str refused = {NULL, LEN_SENTINEL};
        int failed_before = check_failed;

        CHECK_RESULT(sign(provider, &keys[1], NOW, &sent), SIGMINT_RESULT_OK);
        CHECK_RESULT(verify(provider, keys, 2, sent.headers, sent.count, NOW, NULL, &index, NULL),
                     SIGMINT_RESULT_OK);
        CHECK(index == 1);
        /* key_index may be NULL. */
        CHECK_RESULT(verify(provider, keys, 2, sent.headers, sent.count, NOW, NULL, NULL, NULL),
                     SIGMINT_RESULT_OK);
        CHECK_RESULT(verify(provider, &keys[1], 1, sent.headers, sent.count, NOW, NULL, &index,
                            NULL),
                     SIGMINT_RESULT_OK);
        CHECK(index == 0);
        CHECK_RESULT(sign(provider, &keys[0], NOW, &sent), SIGMINT_RESULT_OK);
        CHECK_RESULT(verify(provider, keys, 2, sent.headers, sent.count, NOW, NULL, &index, NULL),
                     SIGMINT_RESULT_OK);
        CHECK(index == 0);

        CHECK_RESULT(sign(provider, other, NOW, &sent), SIGMINT_RESULT_OK);
        index = LEN_SENTINEL;
        CHECK_RESULT(verify(provider, keys, 2, sent.headers, sent.count, NOW, NULL, &index,
                            &refused),
                     SIGMINT_RESULT_INVALID_SIGNATURE);
        CHECK(index == LEN_SENTINEL && refused.ptr == NULL && refused.len == LEN_SENTINEL);

        CHECK_RESULT(sign(provider, &keys[1], NOW, &sent), SIGMINT_RESULT_OK);
        for (i = 0; i < sent.count; i++) {
            for (j = 0; j < sent.headers[i].name_len && j < sizeof names_upper[i] - 1; j++) {
                char c = sent.headers[i].name[j];
                names_upper[i][j] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
            }
            snprintf(padded[i], sizeof padded[i], " \t%s  ", sent.headers[i].value);
            shouted[i].name = names_upper[i];
            shouted[i].name_len = sent.headers[i].name_len;
            shouted[i].value = padded[i];
            shouted[i].value_len = strlen(padded[i]);
        }
        CHECK_RESULT(verify(provider, keys, 2, shouted, sent.count, NOW, NULL, &index, NULL),
                     SIGMINT_RESULT_OK);
        CHECK(index == 1);
        if (check_failed != failed_before) {
            fprintf(stderr, "    rotation with %s\n", provider);
        }
    }
}

/* Every header missing, and each given twice: the header is named; signature values not in
 * the provider's format; a body changed. */
static void test_webhook_headers(const sigmint_key keys[2]) {
    static const char *const bad_values[] = {"", "sha256=", "v0=zz", "t=1", "v1=00", "=",
                                             "t=x,v1=00"};
    size_t p, i, k;
    for (p = 0; p < PROVIDER_COUNT; p++) {
        const char *provider = PROVIDERS[p];
        const char *signature_name = NULL;
        sent_headers sent;
        sigmint_http_header fewer[SIGMINT_WEBHOOK_MAX_HEADERS], twice[SIGMINT_WEBHOOK_MAX_HEADERS + 1];
        sigmint_str refused;
        size_t index = LEN_SENTINEL;
        int failed_before = check_failed;

        CHECK_RESULT(sign(provider, &keys[1], NOW, &sent), SIGMINT_RESULT_OK);
        for (i = 0; i < sent.count; i++) {
            size_t n = 0;
            for (k = 0; k < sent.count; k++) {
                if (k != i) {
                    fewer[n++] = sent.headers[k];
                }
                twice[k] = sent.headers[k];
            }
            twice[sent.count] = sent.headers[i];
            refused.ptr = NULL;
            refused.len = 0;
            CHECK_RESULT(verify(provider, keys, 2, fewer, n, NOW, NULL, &index, &refused),
                         SIGMINT_RESULT_MISSING_HEADER);
            CHECK(names(refused, sent.headers[i].name));
            refused.ptr = NULL;
            CHECK_RESULT(verify(provider, keys, 2, twice, sent.count + 1, NOW, NULL, &index,
                                &refused),
                         SIGMINT_RESULT_MALFORMED_HEADER);
            CHECK(names(refused, sent.headers[i].name));
            /* refused_header may be NULL. */
            CHECK_RESULT(verify(provider, keys, 2, fewer, n, NOW, NULL, &index, NULL),
                         SIGMINT_RESULT_MISSING_HEADER);
        }
        CHECK(index == LEN_SENTINEL);
        /* No headers at all. */
        CHECK_RESULT(verify(provider, keys, 2, NULL, 0, NOW, NULL, &index, &refused),
                     SIGMINT_RESULT_MISSING_HEADER);
        signature_name = sent.headers[sent.count - 1].name;
        CHECK(names(refused, signature_name));

        for (i = 0; i < sizeof bad_values / sizeof bad_values[0]; i++) {
            sigmint_http_header bad[SIGMINT_WEBHOOK_MAX_HEADERS];
            memcpy(bad, sent.headers, sent.count * sizeof bad[0]);
            bad[sent.count - 1].value = bad_values[i];
            bad[sent.count - 1].value_len = strlen(bad_values[i]);
            refused.ptr = NULL;
            if (!CHECK_RESULT(verify(provider, keys, 2, bad, sent.count, NOW, NULL, &index,
                                     &refused),
                              SIGMINT_RESULT_MALFORMED_HEADER)) {
                fprintf(stderr, "    signature header \"%s\"\n", bad_values[i]);
            }
            CHECK(names(refused, signature_name));
        }

        /* The same headers, another body. */
        CHECK_RESULT(sigmint_webhook_verify(provider, strlen(provider), keys, 2, sent.headers,
                                            sent.count, (const uint8_t *)"payload=2", 9, NOW,
                                            SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S, NULL, &index,
                                            NULL),
                     SIGMINT_RESULT_INVALID_SIGNATURE);
        if (check_failed != failed_before) {
            fprintf(stderr, "    headers of %s\n", provider);
        }
    }

    /* Slack's timestamp header, not digits. */
    {
        sent_headers sent;
        sigmint_str refused = {NULL, 0};
        CHECK_RESULT(sign("slack", &keys[1], NOW, &sent), SIGMINT_RESULT_OK);
        sent.headers[0].value = "-1";
        sent.headers[0].value_len = 2;
        CHECK_RESULT(verify("slack", keys, 2, sent.headers, sent.count, NOW, NULL, NULL, &refused),
                     SIGMINT_RESULT_MALFORMED_HEADER);
        CHECK(names(refused, "X-Slack-Request-Timestamp"));
    }
}

/* Stripe lists a v1 signature per active secret, and other schemes' entries. */
static void test_stripe_lists(const sigmint_key keys[2], const sigmint_key *other) {
    sent_headers good, forged;
    char value[512];
    sigmint_http_header header = {"stripe-signature", 16, NULL, 0};
    size_t index = LEN_SENTINEL;

    CHECK_RESULT(sign("stripe", &keys[1], NOW, &good), SIGMINT_RESULT_OK);
    CHECK_RESULT(sign("stripe", other, NOW, &forged), SIGMINT_RESULT_OK);
    snprintf(value, sizeof value, "t=1531420618,v1=%s,v1=%s,v0=abc", forged.headers[0].value + 16,
             good.headers[0].value + 16);
    header.value = value;
    header.value_len = strlen(value);
    CHECK_RESULT(verify("stripe", keys, 2, &header, 1, NOW, NULL, &index, NULL), SIGMINT_RESULT_OK);
    CHECK(index == 1);
    snprintf(value, sizeof value, "t=1531420618,v1=%s,v1=zz", forged.headers[0].value + 16);
    header.value_len = strlen(value);
    CHECK_RESULT(verify("stripe", keys, 2, &header, 1, NOW, NULL, &index, NULL),
                 SIGMINT_RESULT_INVALID_SIGNATURE);
}

/* The window, on either side, for the providers that sign a timestamp; none for the others.
 * A forged request is refused as forged, whatever its time. */
static void test_webhook_window(const sigmint_key keys[2], const sigmint_key *other) {
    size_t p;
    for (p = 0; p < PROVIDER_COUNT; p++) {
        const char *provider = PROVIDERS[p];
        int timestamped = strcmp(provider, "slack") == 0 || strcmp(provider, "stripe") == 0;
        sigmint_result late = timestamped ? SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW : SIGMINT_RESULT_OK;
        sent_headers sent, forged;
        size_t index = LEN_SENTINEL;
        int failed_before = check_failed;

        CHECK_RESULT(sign(provider, &keys[1], NOW, &sent), SIGMINT_RESULT_OK);
        CHECK_RESULT(verify(provider, keys, 2, sent.headers, sent.count, NOW + 300, NULL, NULL,
                            NULL),
                     SIGMINT_RESULT_OK);
        CHECK_RESULT(verify(provider, keys, 2, sent.headers, sent.count, NOW - 300, NULL, NULL,
                            NULL),
                     SIGMINT_RESULT_OK);
        CHECK_RESULT(verify(provider, keys, 2, sent.headers, sent.count, NOW + 301, NULL, &index,
                            NULL),
                     late);
        CHECK_RESULT(verify(provider, keys, 2, sent.headers, sent.count, NOW - 301, NULL, &index,
                            NULL),
                     late);
        CHECK_RESULT(verify(provider, keys, 2, sent.headers, sent.count, 0, NULL, NULL, NULL), late);
        if (timestamped) {
            CHECK(index == LEN_SENTINEL);
        }
        /* A tolerance of the caller's own. */
        CHECK_RESULT(sigmint_webhook_verify(provider, strlen(provider), keys, 2, sent.headers,
                                            sent.count, (const uint8_t *)BODY, strlen(BODY), NOW,
                                            0, NULL, NULL, NULL),
                     SIGMINT_RESULT_OK);
        CHECK_RESULT(sigmint_webhook_verify(provider, strlen(provider), keys, 2, sent.headers,
                                            sent.count, (const uint8_t *)BODY, strlen(BODY),
                                            NOW + 1, 0, NULL, NULL, NULL),
                     late);
        CHECK_RESULT(sigmint_webhook_verify(provider, strlen(provider), keys, 2, sent.headers,
                                            sent.count, (const uint8_t *)BODY, strlen(BODY),
                                            NOW + 3600, 3600, NULL, NULL, NULL),
                     SIGMINT_RESULT_OK);
        CHECK_RESULT(sigmint_webhook_verify(provider, strlen(provider), keys, 2, sent.headers,
                                            sent.count, (const uint8_t *)BODY, strlen(BODY),
                                            INT64_MIN, UINT64_MAX, NULL, NULL, NULL),
                     SIGMINT_RESULT_OK);
        CHECK_RESULT(sign(provider, other, NOW, &forged), SIGMINT_RESULT_OK);
        CHECK_RESULT(verify(provider, keys, 2, forged.headers, forged.count, NOW + 10000, NULL,
                            NULL, NULL),
                     SIGMINT_RESULT_INVALID_SIGNATURE);
        if (check_failed != failed_before) {
            fprintf(stderr, "    window of %s\n", provider);
        }
    }
}

/* A replay store: each authentic request accepted once; when full, the oldest forgotten and
 * anything signed no later refused; a store with no slots refuses everything; a refused
 * request is not recorded. */
static void test_webhook_replay(const sigmint_key keys[2], const sigmint_key *other) {
    sigmint_seen slots[2], many[8];
    sigmint_replay replay, zeroed;
    sent_headers first, second, third, forged, fresh;
    size_t index = LEN_SENTINEL, p;

    memset(slots, SENTINEL, sizeof slots); /* their contents are ignored */
    CHECK_RESULT(sigmint_replay_init(&replay, slots, 2), SIGMINT_RESULT_OK);
    CHECK_RESULT(sign("slack", &keys[1], NOW, &first), SIGMINT_RESULT_OK);
    CHECK_RESULT(sign("slack", &keys[1], NOW + 1, &second), SIGMINT_RESULT_OK);
    CHECK_RESULT(sign("slack", &keys[1], NOW + 2, &third), SIGMINT_RESULT_OK);
    CHECK_RESULT(sign("slack", other, NOW, &forged), SIGMINT_RESULT_OK);

    CHECK_RESULT(verify("slack", keys, 2, forged.headers, forged.count, NOW, &replay, &index, NULL),
                 SIGMINT_RESULT_INVALID_SIGNATURE);
    CHECK_RESULT(verify("slack", keys, 2, first.headers, first.count, NOW, &replay, &index, NULL),
                 SIGMINT_RESULT_OK);
    CHECK(index == 1);
    index = LEN_SENTINEL;
    CHECK_RESULT(verify("slack", keys, 2, first.headers, first.count, NOW, &replay, &index, NULL),
                 SIGMINT_RESULT_REPLAYED);
    CHECK(index == LEN_SENTINEL);
    /* Out of the window is refused as such before the store is asked. */
    CHECK_RESULT(verify("slack", keys, 2, first.headers, first.count, NOW + 1000, &replay, &index,
                        NULL),
                 SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW);
    /* Without the store the same request is accepted again: the store is what remembers. */
    CHECK_RESULT(verify("slack", keys, 2, first.headers, first.count, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_OK);
    /* Two more fill the store: the first is forgotten, and refused still (the floor). */
    CHECK_RESULT(verify("slack", keys, 2, second.headers, second.count, NOW, &replay, NULL, NULL),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(verify("slack", keys, 2, third.headers, third.count, NOW, &replay, NULL, NULL),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(verify("slack", keys, 2, first.headers, first.count, NOW, &replay, NULL, NULL),
                 SIGMINT_RESULT_REPLAYED);
    CHECK_RESULT(verify("slack", keys, 2, third.headers, third.count, NOW, &replay, NULL, NULL),
                 SIGMINT_RESULT_REPLAYED);
    /* Later, slots of requests past the window are reused. */
    CHECK_RESULT(sign("slack", &keys[1], NOW + 1000, &fresh), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify("slack", keys, 2, fresh.headers, fresh.count, NOW + 1000, &replay, NULL,
                        NULL),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(verify("slack", keys, 2, fresh.headers, fresh.count, NOW + 1000, &replay, NULL,
                        NULL),
                 SIGMINT_RESULT_REPLAYED);
    /* Initializing again empties it. */
    CHECK_RESULT(sigmint_replay_init(&replay, slots, 2), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify("slack", keys, 2, first.headers, first.count, NOW, &replay, NULL, NULL),
                 SIGMINT_RESULT_OK);

    /* Every provider, with a store of its own each. */
    for (p = 0; p < PROVIDER_COUNT; p++) {
        sent_headers sent;
        CHECK_RESULT(sigmint_replay_init(&replay, many, 8), SIGMINT_RESULT_OK);
        CHECK_RESULT(sign(PROVIDERS[p], &keys[0], NOW, &sent), SIGMINT_RESULT_OK);
        CHECK_RESULT(verify(PROVIDERS[p], keys, 2, sent.headers, sent.count, NOW, &replay, &index,
                            NULL),
                     SIGMINT_RESULT_OK);
        CHECK(index == 0);
        CHECK_RESULT(verify(PROVIDERS[p], keys, 2, sent.headers, sent.count, NOW + 5, &replay,
                            &index, NULL),
                     SIGMINT_RESULT_REPLAYED);
    }

    /* No slots: a zeroed store, or one of 0 slots. */
    memset(&zeroed, 0, sizeof zeroed);
    CHECK_RESULT(verify("github", keys, 2, first.headers, 0, NOW, &zeroed, NULL, NULL),
                 SIGMINT_RESULT_MISSING_HEADER);
    CHECK_RESULT(verify("slack", keys, 2, second.headers, second.count, NOW, &zeroed, NULL, NULL),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK_RESULT(sigmint_replay_init(&replay, NULL, 0), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify("slack", keys, 2, second.headers, second.count, NOW, &replay, NULL, NULL),
                 SIGMINT_RESULT_BUFFER_TOO_SMALL);
    CHECK_RESULT(sigmint_replay_init(&replay, NULL, 1), SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_replay_init(NULL, slots, 2), SIGMINT_RESULT_NULL_PARAMETER);
}

/* Provider names, keys, and every pointer. */
static void test_webhook_arguments(const sigmint_key keys[2]) {
    static const char *const not_providers[] = {"fonbnk", "GitHub", "coinbase", "", "slack "};
    sigmint_key none[2];
    sent_headers sent;
    sigmint_http_header headers[SIGMINT_WEBHOOK_MAX_HEADERS];
    char values[256];
    size_t count = LEN_SENTINEL, len = LEN_SENTINEL, i;

    for (i = 0; i < sizeof not_providers / sizeof not_providers[0]; i++) {
        const char *name = not_providers[i];
        CHECK_RESULT(sigmint_webhook_sign(name, strlen(name), &keys[0], (const uint8_t *)BODY,
                                          strlen(BODY), NOW, headers, 2, &count, values,
                                          sizeof values, &len),
                     SIGMINT_RESULT_UNKNOWN_SCHEME);
        CHECK_RESULT(verify(name, keys, 2, NULL, 0, NOW, NULL, NULL, NULL),
                     SIGMINT_RESULT_UNKNOWN_SCHEME);
    }
    CHECK_RESULT(verify("\xff", keys, 2, NULL, 0, NOW, NULL, NULL, NULL), SIGMINT_RESULT_INVALID_UTF8);
    CHECK(count == LEN_SENTINEL && len == LEN_SENTINEL);

    CHECK_RESULT(sign("github", &keys[0], NOW, &sent), SIGMINT_RESULT_OK);
    CHECK_RESULT(verify("github", keys, 0, sent.headers, sent.count, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_EMPTY_KEY);
    CHECK_RESULT(verify("github", NULL, 0, sent.headers, sent.count, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_EMPTY_KEY);
    memset(none, 0, sizeof none);
    none[0] = keys[0]; /* a copy for the test only: the docs ask for sigmint_key_init instead */
    CHECK_RESULT(verify("github", none, 2, sent.headers, sent.count, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);
    CHECK_RESULT(verify("github", none, 1, sent.headers, sent.count, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_OK);
    memset(none, 0, sizeof none);
    CHECK_RESULT(sigmint_webhook_sign("github", 6, &none[0], (const uint8_t *)BODY, strlen(BODY),
                                      NOW, headers, 2, &count, values, sizeof values, &len),
                 SIGMINT_RESULT_KEY_NOT_INITIALIZED);

    /* NULL pointers: sign. */
    CHECK_RESULT(sigmint_webhook_sign(NULL, 6, &keys[0], (const uint8_t *)BODY, strlen(BODY), NOW,
                                      headers, 2, &count, values, sizeof values, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_webhook_sign("github", 6, NULL, (const uint8_t *)BODY, strlen(BODY), NOW,
                                      headers, 2, &count, values, sizeof values, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_webhook_sign("github", 6, &keys[0], NULL, 1, NOW, headers, 2, &count,
                                      values, sizeof values, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_webhook_sign("github", 6, &keys[0], NULL, 0, NOW, headers, 2, &count,
                                      values, sizeof values, &len),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_webhook_sign("github", 6, &keys[0], (const uint8_t *)BODY, strlen(BODY),
                                      NOW, NULL, 2, &count, values, sizeof values, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_webhook_sign("github", 6, &keys[0], (const uint8_t *)BODY, strlen(BODY),
                                      NOW, headers, 2, NULL, values, sizeof values, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_webhook_sign("github", 6, &keys[0], (const uint8_t *)BODY, strlen(BODY),
                                      NOW, headers, 2, &count, NULL, sizeof values, &len),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_webhook_sign("github", 6, &keys[0], (const uint8_t *)BODY, strlen(BODY),
                                      NOW, headers, 2, &count, values, sizeof values, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);

    /* NULL pointers: verify. */
    CHECK_RESULT(verify("github", keys, 2, sent.headers, sent.count, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_webhook_verify(NULL, 6, keys, 2, sent.headers, sent.count,
                                        (const uint8_t *)BODY, strlen(BODY), NOW, 300, NULL, NULL,
                                        NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(verify("github", NULL, 2, sent.headers, sent.count, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(verify("github", keys, 2, NULL, 1, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    CHECK_RESULT(sigmint_webhook_verify("github", 6, keys, 2, sent.headers, sent.count, NULL, 1,
                                        NOW, 300, NULL, NULL, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    headers[0] = sent.headers[0];
    headers[0].name = NULL;
    CHECK_RESULT(verify("github", keys, 2, headers, 1, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    headers[0].name_len = 0;
    CHECK_RESULT(verify("github", keys, 2, headers, 1, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_MISSING_HEADER);
    headers[0] = sent.headers[0];
    headers[0].value = NULL;
    CHECK_RESULT(verify("github", keys, 2, headers, 1, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_NULL_PARAMETER);
    headers[0].value_len = 0;
    CHECK_RESULT(verify("github", keys, 2, headers, 1, NOW, NULL, NULL, NULL),
                 SIGMINT_RESULT_MALFORMED_HEADER);
}

void test_webhooks(void) {
    sigmint_key keys[2], other;

    CHECK_RESULT(sigmint_key_init(&keys[0], (const uint8_t *)"old", 3), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_key_init(&keys[1], (const uint8_t *)"new", 3), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_key_init(&other, (const uint8_t *)"other", 5), SIGMINT_RESULT_OK);
    CHECK(SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S == 300 && SIGMINT_WEBHOOK_MAX_HEADERS == 2);
    test_webhook_sign(&keys[1]);
    test_webhook_rotation(keys, &other);
    test_webhook_headers(keys);
    test_stripe_lists(keys, &other);
    test_webhook_window(keys, &other);
    test_webhook_replay(keys, &other);
    test_webhook_arguments(keys);
    CHECK_RESULT(sigmint_key_clear(&keys[0]), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_key_clear(&keys[1]), SIGMINT_RESULT_OK);
    CHECK_RESULT(sigmint_key_clear(&other), SIGMINT_RESULT_OK);
}
