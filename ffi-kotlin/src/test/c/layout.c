/* Prints the layout a C compiler gives the structs the Kotlin binding maps, from sigmint.h
 * itself: "struct field offset size" per field and "struct sizeof size" per struct. The Kotlin
 * tests compare JNA's layout of each mirror with it, field by field. */
#include <stddef.h>
#include <stdio.h>

#include <sigmint.h>

#define SIZE(s) printf("%s sizeof %zu\n", #s, sizeof(s))
#define FIELD(s, f) printf("%s %s %zu %zu\n", #s, #f, offsetof(s, f), sizeof(((s *)0)->f))

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

    SIZE(sigmint_key);
    return 0;
}
