/* Prints the signed headers for Fonbnk's POST /api/v2/user/tokens, as `make demo` shows them.
 *
 * Reads FONBNK_CLIENT_ID, FONBNK_CLIENT_SECRET (base64) and FONBNK_TIMESTAMP_MS from the
 * environment, so the secret never appears on a command line. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sigmint.h"

static const char *require_env(const char *name) {
    const char *value = getenv(name);
    if (value == NULL || value[0] == '\0') {
        fprintf(stderr, "fonbnk_demo: %s is not set\n", name);
        exit(1);
    }
    return value;
}

static void require_ok(sigmint_result result, const char *what) {
    if (result != SIGMINT_RESULT_OK) {
        fprintf(stderr, "fonbnk_demo: %s: %s\n", what, sigmint_result_str(result));
        exit(1);
    }
}

int main(void) {
    static const char path[] = "/api/v2/user/tokens";
    const char *client_id = require_env("FONBNK_CLIENT_ID");
    const char *secret = require_env("FONBNK_CLIENT_SECRET");
    const char *timestamp_text = require_env("FONBNK_TIMESTAMP_MS");
    char *timestamp_end = NULL;
    uint64_t timestamp_ms;
    sigmint_key key = {{0}};
    char endpoint[256];
    char signature[SIGMINT_FONBNK_SIGNATURE_LEN];
    size_t endpoint_len = 0, signature_len = 0;
    sigmint_result result;

    errno = 0;
    timestamp_ms = strtoull(timestamp_text, &timestamp_end, 10);
    if (errno != 0 || *timestamp_end != '\0' || timestamp_text[0] < '0' || timestamp_text[0] > '9') {
        fprintf(stderr, "fonbnk_demo: FONBNK_TIMESTAMP_MS is not a number of milliseconds\n");
        return 1;
    }

    require_ok(sigmint_key_init_base64(&key, secret, strlen(secret)), "FONBNK_CLIENT_SECRET");
    require_ok(sigmint_fonbnk_endpoint(path, strlen(path), NULL, 0, endpoint, sizeof endpoint,
                                       &endpoint_len),
               "endpoint");
    result = sigmint_fonbnk_sign(&key, timestamp_ms, endpoint, endpoint_len, signature,
                                 sizeof signature, &signature_len);
    sigmint_key_clear(&key);
    require_ok(result, "signing");

    printf("[c]      x-client-id: %s\n", client_id);
    printf("[c]      x-timestamp: %" PRIu64 "\n", timestamp_ms);
    printf("[c]      x-signature: %.*s\n", (int)signature_len, signature);
    return 0;
}
