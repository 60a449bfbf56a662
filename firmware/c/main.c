/* sigmint's C ABI on bare metal: C firmware (freestanding, no libc, no heap) linking the
 * no_std libsigmint.a. It signs every Fonbnk vector, verifies every token vector, negotiates
 * buffer lengths, and checks that bad input gets the same results as on a server. Output goes
 * through semihosting; the run's status is QEMU's exit status. */
#include <stdint.h>

#include "semihost.h"
#include "sigmint.h"
#include "vectors.h"

/* The moment the token vectors were made: every valid one is good then. */
#define VECTORS_NOW 1765454133

static uint32_t passed, failed;

static void check(int ok, const char *what, const char *name) {
    if (ok) {
        passed++;
        return;
    }
    failed++;
    sh_write("FAIL: ");
    sh_write(what);
    sh_write(" (");
    sh_write(name);
    sh_write(")\n");
}

static size_t length(const char *text) {
    size_t n = 0;
    while (text[n] != '\0') {
        n++;
    }
    return n;
}

/* Whether out[0..out_len] is the NUL-terminated `expected`. */
static int same(const char *out, size_t out_len, const char *expected) {
    size_t i;
    if (out_len != length(expected)) {
        return 0;
    }
    for (i = 0; i < out_len; i++) {
        if (out[i] != expected[i]) {
            return 0;
        }
    }
    return 1;
}

static void fill(void *buf, size_t n, unsigned char byte) {
    unsigned char *bytes = buf;
    size_t i;
    for (i = 0; i < n; i++) {
        bytes[i] = byte;
    }
}

static int all(const void *buf, size_t n, unsigned char byte) {
    const unsigned char *bytes = buf;
    size_t i;
    for (i = 0; i < n; i++) {
        if (bytes[i] != byte) {
            return 0;
        }
    }
    return 1;
}

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* Buffers live in .bss: nothing here uses a heap. */
static sigmint_key key;
static char endpoint[512];
static char signature[SIGMINT_FONBNK_SIGNATURE_LEN];
static sigmint_fonbnk_headers headers;
static uint8_t scratch[2048];
static char claims[2048];

static void fonbnk_vectors(void) {
    size_t i;
    for (i = 0; i < COUNT(fonbnk_cases); i++) {
        const struct fonbnk_case *c = &fonbnk_cases[i];
        size_t len = 0, needed = 0;
        check(sigmint_key_init_base64(&key, c->secret, length(c->secret)) == SIGMINT_RESULT_OK,
              "key from the base64 secret", c->name);
        /* Length negotiation: no buffer asks for the size, which then fits exactly. */
        check(sigmint_fonbnk_endpoint(c->path, length(c->path), c->params, c->params_len, 0, 0,
                                      &needed) == SIGMINT_RESULT_BUFFER_TOO_SMALL &&
                  needed == length(c->endpoint),
              "endpoint size asked for", c->name);
        check(needed <= sizeof endpoint &&
                  sigmint_fonbnk_endpoint(c->path, length(c->path), c->params, c->params_len,
                                          endpoint, needed, &len) == SIGMINT_RESULT_OK &&
                  same(endpoint, len, c->endpoint),
              "endpoint", c->name);
        check(sigmint_fonbnk_sign(&key, c->timestamp_ms, endpoint, len, signature,
                                  sizeof signature, &len) == SIGMINT_RESULT_OK &&
                  same(signature, len, c->signature),
              "signature", c->name);
        check(sigmint_fonbnk_sign_headers(&key, "terminal-1", 10, c->timestamp_ms, c->endpoint,
                                          length(c->endpoint), &headers) == SIGMINT_RESULT_OK &&
                  same(headers.signature, headers.signature_len, c->signature) &&
                  same(headers.client_id, headers.client_id_len, "terminal-1"),
              "headers", c->name);
        check(sigmint_fonbnk_verify(&key, c->timestamp_ms, c->endpoint, length(c->endpoint),
                                    c->signature, length(c->signature)) == SIGMINT_RESULT_OK,
              "verify", c->name);
        check(sigmint_fonbnk_verify(&key, c->timestamp_ms + 1, c->endpoint, length(c->endpoint),
                                    c->signature, length(c->signature)) ==
                  SIGMINT_RESULT_INVALID_SIGNATURE,
              "verify refuses another timestamp", c->name);
        check(sigmint_key_clear(&key) == SIGMINT_RESULT_OK, "clear", c->name);
    }
}

static void token_vectors(void) {
    size_t i;
    for (i = 0; i < COUNT(token_cases); i++) {
        const struct token_case *c = &token_cases[i];
        sigmint_jwt_validation v = {0};
        sigmint_str audience = {0, 0};
        size_t len = 0, token_len = length(c->token);
        sigmint_result r;
        v.now = VECTORS_NOW;
        if (c->audience != 0) {
            audience.ptr = c->audience;
            audience.len = length(c->audience);
            v.audiences = &audience;
            v.audiences_len = 1;
        }
        check(sigmint_key_init(&key, c->key, c->key_len) == SIGMINT_RESULT_OK, "key", c->name);
        if (c->claims != 0) {
            /* The claims' size, asked for with no output buffer, then exactly that room. */
            r = sigmint_jwt_verify(&key, c->token, token_len, &v, scratch, sizeof scratch, 0, 0,
                                   &len);
            check(r == SIGMINT_RESULT_BUFFER_TOO_SMALL && len == length(c->claims),
                  "claims size asked for", c->name);
            r = sigmint_jwt_verify(&key, c->token, token_len, &v, scratch, sizeof scratch,
                                   claims, len, &len);
            check(r == SIGMINT_RESULT_OK && same(claims, len, c->claims), "verified claims",
                  c->name);
        } else {
            fill(claims, sizeof claims, 0xA5);
            r = sigmint_jwt_verify(&key, c->token, token_len, &v, scratch, sizeof scratch,
                                   claims, sizeof claims, &len);
            check((r == c->error || r == c->or_error) && all(claims, sizeof claims, 0xA5),
                  "refused with its result, nothing written", c->name);
        }
        check(sigmint_key_clear(&key) == SIGMINT_RESULT_OK, "clear", c->name);
    }
}

/* Bad input gets the same results here as on a server. */
static void bad_input(void) {
    static const char secret[] = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0=";
    static const char not_utf8[] = "/p\xff";
    const struct token_case *token = &token_cases[0];
    sigmint_jwt_validation v = {0};
    size_t len = 7;
    int round;
    v.now = VECTORS_NOW;

    check(sigmint_key_init_base64(0, secret, length(secret)) == SIGMINT_RESULT_NULL_PARAMETER,
          "NULL key", "bad input");
    check(sigmint_fonbnk_sign(&key, 1, 0, 5, signature, sizeof signature, &len) ==
              SIGMINT_RESULT_NULL_PARAMETER,
          "NULL endpoint with a length", "bad input");
    check(sigmint_key_init_base64(&key, "!!!!", 4) == SIGMINT_RESULT_INVALID_BASE64,
          "secret that is not base64", "bad input");
    for (round = 0; round < 2; round++) {
        /* round 0: a zeroed key, never initialized; round 1: initialized, then cleared. */
        const char *name = round == 0 ? "zeroed key" : "cleared key";
        if (round == 1) {
            check(sigmint_key_init_base64(&key, secret, length(secret)) == SIGMINT_RESULT_OK &&
                      sigmint_key_clear(&key) == SIGMINT_RESULT_OK,
                  "init then clear", name);
        } else {
            fill(&key, sizeof key, 0);
        }
        fill(signature, sizeof signature, 0xA5);
        len = 7;
        check(sigmint_fonbnk_sign(&key, 1, "/a", 2, signature, sizeof signature, &len) ==
                      SIGMINT_RESULT_KEY_NOT_INITIALIZED &&
                  len == 7 && all(signature, sizeof signature, 0xA5),
              "signing refused, nothing written", name);
        check(sigmint_jwt_verify(&key, token->token, length(token->token), &v, scratch,
                                 sizeof scratch, claims, sizeof claims,
                                 &len) == SIGMINT_RESULT_KEY_NOT_INITIALIZED,
              "verifying refused", name);
    }
    check(sigmint_key_init_base64(&key, secret, length(secret)) == SIGMINT_RESULT_OK, "key",
          "bad input");
    check(sigmint_fonbnk_sign(&key, 1, not_utf8, length(not_utf8), signature, sizeof signature,
                              &len) == SIGMINT_RESULT_INVALID_UTF8,
          "endpoint that is not UTF-8", "bad input");
    check(sigmint_fonbnk_sign(&key, 1, "/a", 2, signature, sizeof signature - 1, &len) ==
                  SIGMINT_RESULT_BUFFER_TOO_SMALL &&
              len == SIGMINT_FONBNK_SIGNATURE_LEN,
          "a buffer one byte short gets the size needed", "bad input");
    check(sigmint_jwt_verify(&key, token->token, length(token->token), &v, scratch,
                             sizeof scratch, claims, sizeof claims,
                             &len) == SIGMINT_RESULT_INVALID_SIGNATURE,
          "a token for another key", "bad input");
    check(sigmint_key_clear(&key) == SIGMINT_RESULT_OK, "clear", "bad input");
}

int main(void) {
    sh_write("sigmint ");
    sh_write(sigmint_version());
    sh_write(" (C firmware, no_std libsigmint.a)\n");
    fonbnk_vectors();
    token_vectors();
    bad_input();
    sh_write("c-firmware: ");
    sh_write_u32(passed);
    sh_write(" passed, ");
    sh_write_u32(failed);
    sh_write(" failed\n");
    return failed == 0 && passed > 0 ? 0 : 1;
}
