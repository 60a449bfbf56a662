//! The one error type every sigmint operation returns.

use core::fmt;

/// Everything that can go wrong in sigmint.
///
/// Every binding maps these 1:1: the C API has one `sigmint_result` value per variant (see
/// [`Error::code`]), Python one exception class per variant. Messages never contain secret
/// material.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// The output buffer cannot hold the result; nothing was written.
    BufferTooSmall,
    /// The key or secret is empty, or decodes to no bytes.
    EmptyKey,
    /// A base64 secret holds a character outside both base64 alphabets, misplaced padding,
    /// or a length no padding rule allows.
    InvalidBase64,
    /// A MAC tag did not match, or did not have the full 32-byte length.
    InvalidSignature,
    /// An endpoint does not start with `/`.
    EndpointNotAbsolute,
    /// An endpoint holds a byte that cannot go on the wire as-is (space, control
    /// character, non-ASCII) or a fragment (`#`).
    EndpointInvalidChar,
    /// Query parameters were given for a path that already holds a query (`?`).
    PathHasQuery,
    /// Text that must be UTF-8 is not.
    InvalidUtf8,
    /// A client id is empty, too long, or holds a byte that is not visible ASCII.
    InvalidClientId,
    /// A token is longer than the configured size limit.
    TokenTooLarge,
    /// A token is not exactly three segments of strict base64url.
    MalformedToken,
    /// JSON text is malformed, or not the kind of value expected (such as an object).
    InvalidJson,
    /// JSON nests deeper than the configured limit.
    JsonTooDeep,
    /// A JSON object has the same key twice.
    DuplicateKey,
    /// A token header lacks a string `alg`, or `typ`, `kid` or `crit` has the wrong type.
    InvalidHeader,
    /// A token's `alg` is `none` (in any spelling) or not an HMAC algorithm sigmint supports.
    UnsupportedAlgorithm,
    /// A token's `alg` is not among the algorithms the caller allowed.
    AlgorithmNotAllowed,
    /// A token header's `crit` names an extension sigmint does not understand.
    UnknownCritical,
    /// The token's `exp` has passed (beyond the leeway).
    Expired,
    /// The token's `nbf` is still in the future (beyond the leeway).
    NotYetValid,
    /// The token's `iat` is in the future (beyond the leeway).
    IssuedInFuture,
    /// The token's `aud` matches none of the expected audiences, or is present when none is expected.
    InvalidAudience,
    /// The token's `iss` is not exactly an expected issuer.
    InvalidIssuer,
    /// A required claim is missing (or `null`).
    MissingClaim,
    /// A claim has the wrong JSON type: `exp` as a string or a float, a negative time, `aud` not a string or array of strings.
    InvalidClaimType,
    /// An integer is beyond the signed 64-bit range.
    IntegerOverflow,
    /// The token's type (header `typ` or the `type` claim) is not the expected one.
    WrongTokenType,
    /// A provider's response body is longer than [`crate::providers::MAX_RESPONSE_LEN`].
    ResponseTooLarge,
    /// A provider's response lacks a field it must have.
    MissingField,
    /// A request or response field has the wrong JSON type or an impossible value (an email that is empty, a country code that is not two letters, a token that is not text).
    InvalidField,
    /// A date is not a valid RFC 3339 timestamp (`2024-05-14T19:22:09.901Z`, `+01:00` offsets).
    InvalidDate,
    /// The provider answered with an error instead of the expected result; its own text is available with [`crate::providers::error_message`].
    ProviderError,
    /// A signed request's timestamp is outside the accepted window around the verifier's clock.
    TimestampOutOfWindow,
}

impl Error {
    /// Every variant, in [`Error::code`] order.
    pub const ALL: [Error; 33] = [
        Error::BufferTooSmall,
        Error::EmptyKey,
        Error::InvalidBase64,
        Error::InvalidSignature,
        Error::EndpointNotAbsolute,
        Error::EndpointInvalidChar,
        Error::PathHasQuery,
        Error::InvalidUtf8,
        Error::InvalidClientId,
        Error::TokenTooLarge,
        Error::MalformedToken,
        Error::InvalidJson,
        Error::JsonTooDeep,
        Error::DuplicateKey,
        Error::InvalidHeader,
        Error::UnsupportedAlgorithm,
        Error::AlgorithmNotAllowed,
        Error::UnknownCritical,
        Error::Expired,
        Error::NotYetValid,
        Error::IssuedInFuture,
        Error::InvalidAudience,
        Error::InvalidIssuer,
        Error::MissingClaim,
        Error::InvalidClaimType,
        Error::IntegerOverflow,
        Error::WrongTokenType,
        Error::ResponseTooLarge,
        Error::MissingField,
        Error::InvalidField,
        Error::InvalidDate,
        Error::ProviderError,
        Error::TimestampOutOfWindow,
    ];

    /// A stable, non-zero number for this error; the C API's `sigmint_result` uses it.
    ///
    /// ```
    /// use sigmint_core::Error;
    /// assert_eq!(Error::BufferTooSmall.code(), 1);
    /// ```
    #[must_use]
    pub const fn code(self) -> u32 {
        match self {
            Error::BufferTooSmall => 1,
            Error::EmptyKey => 2,
            Error::InvalidBase64 => 3,
            Error::InvalidSignature => 4,
            Error::EndpointNotAbsolute => 5,
            Error::EndpointInvalidChar => 6,
            Error::PathHasQuery => 7,
            Error::InvalidUtf8 => 8,
            Error::InvalidClientId => 9,
            Error::TokenTooLarge => 10,
            Error::MalformedToken => 11,
            Error::InvalidJson => 12,
            Error::JsonTooDeep => 13,
            Error::DuplicateKey => 14,
            Error::InvalidHeader => 15,
            Error::UnsupportedAlgorithm => 16,
            Error::AlgorithmNotAllowed => 17,
            Error::UnknownCritical => 18,
            Error::Expired => 19,
            Error::NotYetValid => 20,
            Error::IssuedInFuture => 21,
            Error::InvalidAudience => 22,
            Error::InvalidIssuer => 23,
            Error::MissingClaim => 24,
            Error::InvalidClaimType => 25,
            Error::IntegerOverflow => 26,
            Error::WrongTokenType => 27,
            Error::ResponseTooLarge => 28,
            Error::MissingField => 29,
            Error::InvalidField => 30,
            Error::InvalidDate => 31,
            Error::ProviderError => 32,
            Error::TimestampOutOfWindow => 33,
        }
    }

    /// A short snake_case name, stable across releases (`"buffer_too_small"`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Error::BufferTooSmall => "buffer_too_small",
            Error::EmptyKey => "empty_key",
            Error::InvalidBase64 => "invalid_base64",
            Error::InvalidSignature => "invalid_signature",
            Error::EndpointNotAbsolute => "endpoint_not_absolute",
            Error::EndpointInvalidChar => "endpoint_invalid_char",
            Error::PathHasQuery => "path_has_query",
            Error::InvalidUtf8 => "invalid_utf8",
            Error::InvalidClientId => "invalid_client_id",
            Error::TokenTooLarge => "token_too_large",
            Error::MalformedToken => "malformed_token",
            Error::InvalidJson => "invalid_json",
            Error::JsonTooDeep => "json_too_deep",
            Error::DuplicateKey => "duplicate_key",
            Error::InvalidHeader => "invalid_header",
            Error::UnsupportedAlgorithm => "unsupported_algorithm",
            Error::AlgorithmNotAllowed => "algorithm_not_allowed",
            Error::UnknownCritical => "unknown_critical",
            Error::Expired => "expired",
            Error::NotYetValid => "not_yet_valid",
            Error::IssuedInFuture => "issued_in_future",
            Error::InvalidAudience => "invalid_audience",
            Error::InvalidIssuer => "invalid_issuer",
            Error::MissingClaim => "missing_claim",
            Error::InvalidClaimType => "invalid_claim_type",
            Error::IntegerOverflow => "integer_overflow",
            Error::WrongTokenType => "wrong_token_type",
            Error::ResponseTooLarge => "response_too_large",
            Error::MissingField => "missing_field",
            Error::InvalidField => "invalid_field",
            Error::InvalidDate => "invalid_date",
            Error::ProviderError => "provider_error",
            Error::TimestampOutOfWindow => "timestamp_out_of_window",
        }
    }

    /// A one-line explanation for people.
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            Error::BufferTooSmall => "output buffer too small",
            Error::EmptyKey => "key is empty or decodes to no bytes",
            Error::InvalidBase64 => {
                "secret is not base64: a character outside the standard and URL-safe \
                 alphabets, misplaced padding, or an impossible length"
            }
            Error::InvalidSignature => "signature does not match (or is not 32 bytes)",
            Error::EndpointNotAbsolute => "endpoint must start with '/'",
            Error::EndpointInvalidChar => {
                "endpoint holds a space, control, non-ASCII or '#' character"
            }
            Error::PathHasQuery => "path already holds a query ('?') and params were given",
            Error::InvalidUtf8 => "text is not valid UTF-8",
            Error::InvalidClientId => "client id must be 1 to 128 visible ASCII characters",
            Error::TokenTooLarge => "token is longer than the configured limit",
            Error::MalformedToken => {
                "token is not three strict base64url segments (no padding, no stray characters, zero trailing bits)"
            }
            Error::InvalidJson => "JSON is malformed, or not the object expected",
            Error::JsonTooDeep => "JSON nests deeper than the configured limit",
            Error::DuplicateKey => "JSON object has the same key twice",
            Error::InvalidHeader => {
                "token header lacks a string \"alg\" or has a field of the wrong type"
            }
            Error::UnsupportedAlgorithm => "token algorithm is \"none\" or not HMAC: refused",
            Error::AlgorithmNotAllowed => "token algorithm is not among the allowed ones",
            Error::UnknownCritical => {
                "token header marks an extension critical that is not understood"
            }
            Error::Expired => "token has expired (exp)",
            Error::NotYetValid => "token is not yet valid (nbf)",
            Error::IssuedInFuture => "token was issued in the future (iat)",
            Error::InvalidAudience => "token audience (aud) does not match",
            Error::InvalidIssuer => "token issuer (iss) does not match",
            Error::MissingClaim => "a required claim is missing",
            Error::InvalidClaimType => {
                "claim has the wrong JSON type (e.g. exp as a string, a float, or negative)"
            }
            Error::IntegerOverflow => "integer is beyond the 64-bit range",
            Error::WrongTokenType => {
                "token type (typ header or type claim) is not the expected one"
            }
            Error::ResponseTooLarge => "response body is longer than the limit (64 KiB)",
            Error::MissingField => "response lacks a required field",
            Error::InvalidField => "a field has the wrong type or an impossible value",
            Error::InvalidDate => "date is not a valid ISO-8601 / RFC 3339 timestamp",
            Error::ProviderError => "the provider answered with an error (see its message)",
            Error::TimestampOutOfWindow => "request timestamp is outside the accepted window",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::Error;

    #[test]
    fn codes_are_dense_and_names_unique() {
        for (i, e) in Error::ALL.iter().enumerate() {
            assert_eq!(e.code() as usize, i + 1);
            for other in &Error::ALL[i + 1..] {
                assert_ne!(e.name(), other.name());
            }
        }
    }
}
