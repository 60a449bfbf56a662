/* Prints the layout a C compiler gives the structs the Kotlin binding maps, from sigmint.h
 * itself: "struct field offset size" per field and "struct sizeof size" per struct, and
 * "const NAME value" for the constants the binding mirrors. The Kotlin tests compare JNA's
 * layout of each mirror with it, field by field, and each constant with the binding's. */
#include <stddef.h>
#include <stdio.h>

#include <sigmint.h>

#define SIZE(s) printf("%s sizeof %zu\n", #s, sizeof(s))
#define FIELD(s, f) printf("%s %s %zu %zu\n", #s, #f, offsetof(s, f), sizeof(((s *)0)->f))
#define CONST(c) printf("const %s %llu\n", #c, (unsigned long long)(c))

int main(void) {
    SIZE(sigmint_str);
    FIELD(sigmint_str, ptr);
    FIELD(sigmint_str, len);

    SIZE(sigmint_query_param);
    FIELD(sigmint_query_param, name);
    FIELD(sigmint_query_param, name_len);
    FIELD(sigmint_query_param, value);
    FIELD(sigmint_query_param, value_len);

    SIZE(sigmint_jwt_validation);
    FIELD(sigmint_jwt_validation, now);
    FIELD(sigmint_jwt_validation, leeway);
    FIELD(sigmint_jwt_validation, skip);
    FIELD(sigmint_jwt_validation, required);
    FIELD(sigmint_jwt_validation, required_len);
    FIELD(sigmint_jwt_validation, audiences);
    FIELD(sigmint_jwt_validation, audiences_len);
    FIELD(sigmint_jwt_validation, issuers);
    FIELD(sigmint_jwt_validation, issuers_len);
    FIELD(sigmint_jwt_validation, typ);
    FIELD(sigmint_jwt_validation, token_type);
    FIELD(sigmint_jwt_validation, max_token_len);
    FIELD(sigmint_jwt_validation, max_depth);
    FIELD(sigmint_jwt_validation, subject);
    FIELD(sigmint_jwt_validation, strict_audience);

    SIZE(sigmint_fonbnk_headers);
    FIELD(sigmint_fonbnk_headers, client_id);
    FIELD(sigmint_fonbnk_headers, client_id_len);
    FIELD(sigmint_fonbnk_headers, timestamp);
    FIELD(sigmint_fonbnk_headers, timestamp_len);
    FIELD(sigmint_fonbnk_headers, signature);
    FIELD(sigmint_fonbnk_headers, signature_len);

    SIZE(sigmint_parts);
    FIELD(sigmint_parts, timestamp);
    FIELD(sigmint_parts, timestamp_len);
    FIELD(sigmint_parts, method);
    FIELD(sigmint_parts, method_len);
    FIELD(sigmint_parts, path);
    FIELD(sigmint_parts, path_len);
    FIELD(sigmint_parts, query);
    FIELD(sigmint_parts, query_len);
    FIELD(sigmint_parts, body);
    FIELD(sigmint_parts, body_len);

    SIZE(sigmint_http_header);
    FIELD(sigmint_http_header, name);
    FIELD(sigmint_http_header, name_len);
    FIELD(sigmint_http_header, value);
    FIELD(sigmint_http_header, value_len);

    /* The opaque structs the binding allocates itself. */
    SIZE(sigmint_key);
    SIZE(sigmint_scheme);
    SIZE(sigmint_replay);
    SIZE(sigmint_seen);

    /* The constants the binding mirrors. */
    CONST(SIGMINT_SCHEME_SIGNATURE_MAX_LEN);
    CONST(SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S);
    CONST(SIGMINT_SECRET_ENCODING_RAW);
    CONST(SIGMINT_SECRET_ENCODING_BASE64);
    CONST(SIGMINT_SECRET_ENCODING_HEX);
    CONST(SIGMINT_TAG_ENCODING_BASE64);
    CONST(SIGMINT_TAG_ENCODING_BASE64URL);
    CONST(SIGMINT_TAG_ENCODING_HEX);
    return 0;
}
