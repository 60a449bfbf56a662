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

/* The test groups (tests/vectors.c, tests/errors.c). */
void test_vectors(const char *vectors_dir);
void test_errors(void);

#endif
