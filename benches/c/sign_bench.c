#define _POSIX_C_SOURCE 199309L
/* The C API's cost per Fonbnk signature, seen from C: `make bench` runs it beside the
 * criterion group `c_api_sign` (which compares the same call with core's in one process). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sigmint.h>

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(void) {
    /* The "order limits" vector: secret, timestamp and 218-byte endpoint. */
    const char *secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    const char *endpoint =
        "/api/v2/order-limits?depositPaymentChannel=bank&depositCurrencyType=fiat&depositCurrencyCode=NGN"
        "&depositCountryIsoCode=NG&payoutPaymentChannel=crypto&payoutCurrencyType=crypto&payoutCurrencyCode=CELO_USDT";
    sigmint_key key;
    char sig[SIGMINT_FONBNK_SIGNATURE_LEN];
    size_t len = 0, n = 200000, i, round;
    double best = 1e30;
    if (sigmint_key_init_base64(&key, secret, strlen(secret)) != SIGMINT_RESULT_OK) return 1;
    for (round = 0; round < 7; round++) {
        double start = now_ns();
        for (i = 0; i < n; i++) {
            if (sigmint_fonbnk_sign(&key, 1765454073000ULL, endpoint, strlen(endpoint), sig, sizeof sig, &len) != SIGMINT_RESULT_OK)
                return 1;
        }
        double per = (now_ns() - start) / (double)n;
        if (per < best) best = per;
    }
    if (strncmp(sig, "VVNusCuv2lKIxx9jNmEhlpKgtGGnL3kaO/jatDE7tNE=", len) != 0) return 1;
    printf("{\"c_fonbnk_sign_ns\": %.1f}\n", best);
    sigmint_key_clear(&key);
    return 0;
}
