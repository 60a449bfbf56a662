/* A program built against an installed sigmint, from pkg-config alone (see
 * ffi-c/tests/install.sh and CMakeLists.txt): signs Fonbnk's example request and checks the
 * header and the library it runs with are the same version. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <sigmint.h>

int main(void) {
    static const char secret[] = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0=";
    static const char endpoint[] = "/api/v2/user/tokens";
    static const char expected[] = "dfThVIzZgIuyXiGZDMw+A8D+HlcYPz+QAZMu3H5ApKw=";
    char version[32];
    char sig[SIGMINT_FONBNK_SIGNATURE_LEN];
    size_t sig_len = 0;
    sigmint_key key;
    sigmint_result r;

    snprintf(version, sizeof version, "%d.%d.%d", SIGMINT_VERSION_MAJOR, SIGMINT_VERSION_MINOR,
             SIGMINT_VERSION_PATCH);
    if (strcmp(version, sigmint_version()) != 0) {
        fprintf(stderr, "header %s, library %s\n", version, sigmint_version());
        return 1;
    }
    r = sigmint_key_init_base64(&key, secret, strlen(secret));
    if (r == SIGMINT_RESULT_OK) {
        r = sigmint_fonbnk_sign(&key, UINT64_C(1765454073000), endpoint, strlen(endpoint), sig,
                                sizeof sig, &sig_len);
    }
    sigmint_key_clear(&key);
    if (r != SIGMINT_RESULT_OK) {
        fprintf(stderr, "%s: %s\n", sigmint_result_name(r), sigmint_result_str(r));
        return 1;
    }
    printf("sigmint %s: x-signature: %.*s\n", sigmint_version(), (int)sig_len, sig);
    return sig_len == strlen(expected) && memcmp(sig, expected, sig_len) == 0 ? 0 : 1;
}
