/* A tiny assertion helper for the sigmint C tests: each CHECK counts as passed or failed, and
 * a failure prints file:line and what was expected. main() ends with "N passed, M failed". */
#ifndef SIGMINT_TEST_CHECK_H
#define SIGMINT_TEST_CHECK_H

#include <stddef.h>

#include "sigmint.h"

extern int check_passed;
extern int check_failed;

/* Records one check; prints "file:line: what" when it failed. Returns ok. */
int check_record(int ok, const char *file, int line, const char *what);
/* Records that `got` == `expected`, printing both (with their texts) when not. */
int check_result(sigmint_result got, sigmint_result expected, const char *file, int line,
                 const char *expr);
/* Records that the `got_len` bytes at `got` equal the NUL-terminated `expected`. */
int check_text(const char *got, size_t got_len, const char *expected, const char *file,
               int line, const char *expr);

#define CHECK(cond) check_record((cond) ? 1 : 0, __FILE__, __LINE__, #cond)
#define CHECK_RESULT(expr, expected) check_result((expr), (expected), __FILE__, __LINE__, #expr)
#define CHECK_TEXT(ptr, len, expected) \
    check_text((ptr), (len), (expected), __FILE__, __LINE__, #ptr " (" #len " bytes) == " #expected)

/* Whether all n bytes at buf equal `byte` (a sentinel: "the buffer was not touched"). */
int all_bytes(const void *buf, size_t n, unsigned char byte);

/* Shared by the vector tests (tests/vectors.c); cJSON is forward-declared so that files not
 * reading vectors need not include it. */
struct cJSON;
/* Parses the JSON file dir/name, or returns NULL after recording a failed check. */
struct cJSON *read_json(const char *dir, const char *name);
/* The string member `name` of `object`, or "" (after a failed check) when missing. */
const char *string_of(const struct cJSON *object, const char *name);
/* Decodes hex text into out (of room cap); returns the byte count, or 0 after a failed check. */
size_t from_hex(const char *hex, uint8_t *out, size_t cap);

/* Hand-made tokens (tests/forge.c), for headers and payloads sigmint refuses to mint. */
/* Writes the unpadded base64url of in[0..len] to out (NUL-terminated); returns its length. */
size_t b64url(const void *in, size_t len, char *out);
/* Writes base64url(header) "." base64url(payload) "." base64url(HMAC-SHA256 with key of the
 * first two parts) to out, NUL-terminated, and returns its length; with key NULL the
 * signature segment is empty. out needs room for 4/3 of header and payload plus 48. */
size_t forge(const sigmint_key *key, const char *header, const void *payload, size_t payload_len,
             char *out);

/* The test groups (tests/vectors.c, tests/errors.c, tests/jwt_vectors.c, tests/jwt_errors.c,
 * tests/provider_vectors.c, tests/provider_errors.c, tests/provider_requests.c,
 * tests/parity.c, tests/schemes.c, tests/webhooks.c). */
void test_vectors(const char *vectors_dir);
void test_errors(void);
void test_jwt_vectors(const char *vectors_dir);
void test_jwt_errors(void);
void test_provider_vectors(const char *vectors_dir);
void test_provider_errors(void);
void test_provider_requests(void);
void test_parity(const char *vectors_dir);
void test_schemes(const char *vectors_dir);
void test_webhooks(void);

#endif
