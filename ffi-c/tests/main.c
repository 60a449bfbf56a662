/* sigmint C tests: the shared JSON vectors, then bad input of every kind.
 * Usage: test_sigmint [VECTORS_DIR]   (default ../tests/vectors, relative to ffi-c/) */
#include <stdio.h>
#include <string.h>

#include "check.h"

int check_passed = 0;
int check_failed = 0;

int check_record(int ok, const char *file, int line, const char *what) {
    if (ok) {
        check_passed++;
    } else {
        check_failed++;
        fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
    }
    return ok;
}

int all_bytes(const void *buf, size_t n, unsigned char byte) {
    const unsigned char *bytes = buf;
    size_t i;
    for (i = 0; i < n; i++) {
        if (bytes[i] != byte) {
            return 0;
        }
    }
    return 1;
}

int check_result(sigmint_result got, sigmint_result expected, const char *file, int line,
                 const char *expr) {
    if (got == expected) {
        return check_record(1, file, line, expr);
    }
    check_record(0, file, line, expr);
    fprintf(stderr, "    got %u (%s), expected %u (%s)\n", (unsigned)got,
            sigmint_result_str(got), (unsigned)expected, sigmint_result_str(expected));
    return 0;
}

int check_text(const char *got, size_t got_len, const char *expected, const char *file,
               int line, const char *expr) {
    size_t expected_len = strlen(expected);
    if (got_len == expected_len && memcmp(got, expected, got_len) == 0) {
        return check_record(1, file, line, expr);
    }
    check_record(0, file, line, expr);
    fprintf(stderr, "    got      \"%.*s\" (%lu bytes)\n    expected \"%s\" (%lu bytes)\n",
            (int)got_len, got, (unsigned long)got_len, expected, (unsigned long)expected_len);
    return 0;
}

int main(int argc, char **argv) {
    const char *vectors_dir = argc > 1 ? argv[1] : "../tests/vectors";
    test_vectors(vectors_dir);
    test_errors();
    test_jwt_vectors(vectors_dir);
    test_jwt_errors();
    test_provider_vectors(vectors_dir);
    test_provider_errors();
    test_provider_requests();
    test_parity(vectors_dir);
    test_schemes(vectors_dir);
    test_webhooks();
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed == 0 && check_passed > 0 ? 0 : 1;
}
