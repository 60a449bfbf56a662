//! The one declaration of sigmint's errors. Everything else about them comes from here:
//! [`Error`] with the context a caller needs, [`ErrorKind`] with each one's code, name,
//! message and class, the C results and the Python exceptions (generated from
//! [`ErrorKind::ALL`] by `tools/codegen`, and checked for drift).
//!
//! Each entry: its documentation, its stable code, its variant (with the fields of its
//! context), its snake_case name, its message, and its [`Class`]. Codes are stable across
//! releases; a new error takes the next one.

use super::{Claim, Class};

super::declare_errors! {
    /// The output buffer cannot hold the result; nothing was written.
    1 BufferTooSmall {
        /// The size the buffer needs, in bytes: exact, except from `jwt::encode_as`, where serde
        /// can only tell that the claims did not fit.
        needed: usize,
    } => "buffer_too_small", "output buffer too small", Usage;
    /// The key or secret is empty, or decodes to no bytes.
    2 EmptyKey => "empty_key", "key is empty or decodes to no bytes", Input;
    /// A base64 secret holds a character outside both base64 alphabets, misplaced padding, or
    /// a length no padding rule allows.
    3 InvalidBase64 => "invalid_base64",
        "secret is not base64: a character outside the standard and URL-safe alphabets, \
         misplaced padding, or an impossible length", Input;
    /// A MAC tag did not match, or did not have the full 32-byte length.
    4 InvalidSignature => "invalid_signature", "signature does not match (or is not 32 bytes)",
        Signature;
    /// An endpoint does not start with `/`.
    5 EndpointNotAbsolute => "endpoint_not_absolute", "endpoint must start with '/'", Input;
    /// An endpoint holds a byte that cannot go on the wire as-is (space, control character,
    /// non-ASCII) or a fragment (`#`).
    6 EndpointInvalidChar => "endpoint_invalid_char",
        "endpoint holds a space, control, non-ASCII or '#' character", Input;
    /// Query parameters were given for a path that already holds a query (`?`).
    7 PathHasQuery => "path_has_query", "path already holds a query ('?') and params were given",
        Input;
    /// Text that must be UTF-8 is not.
    8 InvalidUtf8 => "invalid_utf8", "text is not valid UTF-8", Input;
    /// A client id is empty, too long, or holds a byte that is not visible ASCII.
    9 InvalidClientId => "invalid_client_id", "client id must be 1 to 128 visible ASCII characters",
        Input;
    /// A token is longer than the size limit, or its header longer than `jws::MAX_HEADER_LEN`.
    10 TokenTooLarge {
        /// The limit, in bytes.
        limit: usize,
    } => "token_too_large", "token is longer than the configured limit", Decode;
    /// A token is not exactly three segments of strict base64url (or not even text).
    11 MalformedToken => "malformed_token",
        "token is not three strict base64url segments (no padding, no stray characters, zero \
         trailing bits)", Decode;
    /// JSON text is malformed, or not the kind of value expected (such as an object).
    12 InvalidJson => "invalid_json", "JSON is malformed, or not the object expected", Decode;
    /// JSON nests deeper than the limit.
    13 JsonTooDeep {
        /// The deepest nesting accepted.
        limit: usize,
    } => "json_too_deep", "JSON nests deeper than the configured limit", Decode;
    /// A JSON object has the same key twice.
    14 DuplicateKey => "duplicate_key", "JSON object has the same key twice", Decode;
    /// A token header lacks a string `alg`, or `typ`, `kid`, `crit` or `b64` has the wrong
    /// type, or it asks for an unencoded payload (`"b64": false`) without listing `b64` in
    /// `crit` (RFC 7797 §6).
    15 InvalidHeader => "invalid_header",
        "token header lacks a string \"alg\" or has a field of the wrong type", Decode;
    /// A token's `alg` is `none` (in any spelling) or not an HMAC algorithm sigmint supports.
    16 UnsupportedAlgorithm => "unsupported_algorithm",
        "token algorithm is \"none\" or not HMAC: refused", Algorithm;
    /// A token's `alg` is not among the algorithms the caller allowed.
    17 AlgorithmNotAllowed => "algorithm_not_allowed",
        "token algorithm is not among the allowed ones", Algorithm;
    /// A token header's `crit` names an extension sigmint does not understand.
    18 UnknownCritical => "unknown_critical",
        "token header marks an extension critical that is not understood", Refused;
    /// The token's `exp` has passed (beyond the leeway).
    19 Expired => "expired", "token has expired (exp)", Refused;
    /// The token's `nbf` is still in the future (beyond the leeway).
    20 NotYetValid => "not_yet_valid", "token is not yet valid (nbf)", Refused;
    /// The token's `iat` is in the future (beyond the leeway).
    21 IssuedInFuture => "issued_in_future", "token was issued in the future (iat)", Refused;
    /// The token's `aud` matches none of the expected audiences, or is present when none is
    /// expected.
    22 InvalidAudience => "invalid_audience", "token audience (aud) does not match", Refused;
    /// The token's `iss` is not exactly an expected issuer.
    23 InvalidIssuer => "invalid_issuer", "token issuer (iss) does not match", Refused;
    /// A required claim is missing (or `null`).
    24 MissingClaim {
        /// The claim.
        claim: Claim,
    } => "missing_claim", "a required claim is missing", Refused;
    /// A claim has the wrong JSON type: `exp` as a string, a float or negative, `aud` not a
    /// string or an array of strings, `sub` not a string, or a value not of the type asked for.
    25 InvalidClaimType {
        /// The claim.
        claim: Claim,
    } => "invalid_claim_type",
        "claim has the wrong JSON type (e.g. exp as a string, a float, or negative)", Decode;
    /// An integer is beyond the signed 64-bit range.
    26 IntegerOverflow => "integer_overflow", "integer is beyond the 64-bit range", Decode;
    /// The token's type (header `typ` or the `type` claim) is not the expected one.
    27 WrongTokenType => "wrong_token_type",
        "token type (typ header or type claim) is not the expected one", Refused;
    /// A provider's response body is longer than the limit.
    28 ResponseTooLarge {
        /// The limit, in bytes.
        limit: usize,
    } => "response_too_large", "response body is longer than the limit (64 KiB)", Provider;
    /// A provider's response lacks a field it must have (or has it as `null`).
    29 MissingField {
        /// The field, as the provider names it.
        field: &'static str,
    } => "missing_field", "response lacks a required field", Provider;
    /// A request or response field has the wrong JSON type or an impossible value (an empty
    /// email, a country code that is not two letters, a token that is not text).
    30 InvalidField {
        /// The field, as the provider names it.
        field: &'static str,
    } => "invalid_field", "a field has the wrong type or an impossible value", Provider;
    /// A date is not a valid RFC 3339 timestamp (`2024-05-14T19:22:09.901Z`, `+01:00`
    /// offsets).
    31 InvalidDate => "invalid_date", "date is not a valid ISO-8601 / RFC 3339 timestamp",
        Provider;
    /// The provider answered with an error instead of the expected result (its own text is in
    /// the body: `{"message": ...}`, or a page such as a proxy's).
    32 ProviderError => "provider_error", "the provider answered with an error (see its message)",
        Remote;
    /// A signed request's timestamp is outside the accepted window around the verifier's clock.
    33 TimestampOutOfWindow => "timestamp_out_of_window",
        "request timestamp is outside the accepted window", Refused;
    /// A list given to a check (required claims, audiences, issuers) is longer than the limit.
    34 ListTooLong {
        /// The most entries accepted.
        limit: usize,
    } => "list_too_long",
        "a validation list (required claims, audiences or issuers) is too long", Usage;
    /// The token's `sub` is not the expected subject.
    35 InvalidSubject => "invalid_subject", "token subject (sub) does not match", Refused;
    /// An asymmetric key (PEM, OpenSSH) was given as an HMAC secret: the RS256 → HS256
    /// confusion, refused.
    36 InvalidKey => "invalid_key",
        "key is an asymmetric (PEM or OpenSSH) key, not an HMAC secret", Input;
    /// A JWT key is shorter than the caller's minimum (HS256's hash length).
    37 KeyTooShort {
        /// The fewest bytes accepted.
        minimum: usize,
    } => "key_too_short", "key is shorter than HS256's minimum (32 bytes)", Input;
    /// A scheme's template is malformed: empty, an unclosed `{`, or a lone `}` (literal braces
    /// are written `{{` and `}}`).
    38 MalformedTemplate {
        /// The byte offset in the template where it goes wrong.
        offset: usize,
    } => "malformed_template",
        "template is malformed: empty, an unclosed '{', or a lone '}' (write '{{' and '}}' for braces)",
        Usage;
    /// A scheme's template names a field that is not one of `timestamp`, `method`, `path`,
    /// `query`, `body` and `body_sha256`.
    39 UnknownTemplateField {
        /// The byte offset of the field's `{` in the template.
        offset: usize,
    } => "unknown_template_field",
        "template names an unknown field (known: timestamp, method, path, query, body, body_sha256)",
        Usage;
    /// A part the scheme's template signs was not given.
    40 MissingPart {
        /// The part, as the template names it.
        part: &'static str,
    } => "missing_part", "a part the template signs was not given", Usage;
    /// A part, or a scheme's prefix, cannot be sent as given: a method that is not upper-case
    /// letters, a query or timestamp with a space, control, non-ASCII or `#` character (or a
    /// query starting with `?`), a prefix longer than 32 bytes or not visible ASCII.
    41 InvalidPart {
        /// The part (`method`, `query`, `timestamp`) or `prefix`.
        part: &'static str,
    } => "invalid_part",
        "a part or prefix cannot be sent as given (method not upper-case letters, a space, control, \
         non-ASCII or '#' character)", Input;
    /// A hex secret has an odd length or a character outside `0-9`, `a-f`, `A-F`.
    42 InvalidHex => "invalid_hex",
        "secret is not hex: an odd length or a character outside 0-9, a-f, A-F", Input;
    /// An inbound request lacks a header its scheme needs.
    43 MissingHeader {
        /// The header, as the provider documents it.
        header: &'static str,
    } => "missing_header", "request lacks a header its signature scheme needs", Request;
    /// An inbound request's signature or timestamp header is not in its provider's format (or
    /// is given twice).
    44 MalformedHeader {
        /// The header, as the provider documents it.
        header: &'static str,
    } => "malformed_header",
        "request's signature or timestamp header is not in the provider's format", Request;
    /// An authentic request was already accepted once (or is older than what the replay store
    /// still remembers).
    45 Replayed => "replayed", "request was already accepted once (replay)", Refused;
    /// No preset scheme or webhook provider has this name.
    46 UnknownScheme => "unknown_scheme",
        "no preset scheme or webhook provider has this name", Usage;
}
