/* Hand-made tokens: base64url and HMAC by hand, for the headers and payloads sigmint would
 * refuse to mint (alg none, RS256, crit, duplicate keys, deep nesting, bad UTF-8). */
#include <string.h>

#include "check.h"

size_t b64url(const void *in, size_t len, char *out) {
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const unsigned char *bytes = in;
    size_t i, n = 0;
    for (i = 0; i + 3 <= len; i += 3) {
        unsigned long group = (unsigned long)bytes[i] << 16 | (unsigned long)bytes[i + 1] << 8 |
                              bytes[i + 2];
        out[n++] = alphabet[group >> 18 & 63];
        out[n++] = alphabet[group >> 12 & 63];
        out[n++] = alphabet[group >> 6 & 63];
        out[n++] = alphabet[group & 63];
    }
    if (len - i == 1) {
        out[n++] = alphabet[bytes[i] >> 2];
        out[n++] = alphabet[(bytes[i] & 3) << 4];
    } else if (len - i == 2) {
        out[n++] = alphabet[bytes[i] >> 2];
        out[n++] = alphabet[(bytes[i] & 3) << 4 | bytes[i + 1] >> 4];
        out[n++] = alphabet[(bytes[i + 1] & 15) << 2];
    }
    out[n] = '\0';
    return n;
}

size_t forge(const sigmint_key *key, const char *header, const void *payload, size_t payload_len,
             char *out) {
    uint8_t tag[SIGMINT_HMAC_SHA256_LEN];
    size_t n = b64url(header, strlen(header), out);
    out[n++] = '.';
    n += b64url(payload, payload_len, out + n);
    if (key != NULL) {
        CHECK_RESULT(sigmint_hmac_sha256(key, (const uint8_t *)out, n, tag), SIGMINT_RESULT_OK);
    }
    out[n++] = '.';
    if (key != NULL) {
        n += b64url(tag, sizeof tag, out + n);
    }
    out[n] = '\0';
    return n;
}
