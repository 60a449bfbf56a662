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
    /// A provider's response body is longer than `providers::MAX_RESPONSE_LEN` (64 KiB).
    ResponseTooLarge,
    /// A provider's response lacks a field it must have.
    MissingField,
    /// A request or response field has the wrong JSON type or an impossible value (an email that is empty, a country code that is not two letters, a token that is not text).
    InvalidField,
    /// A date is not a valid RFC 3339 timestamp (`2024-05-14T19:22:09.901Z`, `+01:00` offsets).
    InvalidDate,
    /// The provider answered with an error instead of the expected result; its own text is available with `providers::error_message`.
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

    /// A short snake_case name, stable across releases (`"buffer_too_small"`; the
    /// `error-text` feature).
    #[cfg(feature = "error-text")]
    #[must_use]
    pub const fn name(self) -> &'static str {
        text::text(text::NAMES, self as usize)
    }

    /// A one-line explanation for people (the `error-text` feature).
    #[cfg(feature = "error-text")]
    #[must_use]
    pub const fn message(self) -> &'static str {
        text::text(text::MESSAGES, self as usize)
    }
}

/// Each variant's name and message, packed for flash (the `error-text` feature).
#[cfg(feature = "error-text")]
mod text {
    use super::Error;

    /// Each variant's name and message, in declaration (and code) order.
    pub(super) const TEXTS: [(&str, &str); Error::ALL.len()] = [
        // BufferTooSmall
        ("buffer_too_small", "output buffer too small"),
        // EmptyKey
        ("empty_key", "key is empty or decodes to no bytes"),
        // InvalidBase64
        (
            "invalid_base64",
            "secret is not base64: a character outside the standard and URL-safe \
                     alphabets, misplaced padding, or an impossible length",
        ),
        // InvalidSignature
        (
            "invalid_signature",
            "signature does not match (or is not 32 bytes)",
        ),
        // EndpointNotAbsolute
        ("endpoint_not_absolute", "endpoint must start with '/'"),
        // EndpointInvalidChar
        (
            "endpoint_invalid_char",
            "endpoint holds a space, control, non-ASCII or '#' character",
        ),
        // PathHasQuery
        (
            "path_has_query",
            "path already holds a query ('?') and params were given",
        ),
        // InvalidUtf8
        ("invalid_utf8", "text is not valid UTF-8"),
        // InvalidClientId
        (
            "invalid_client_id",
            "client id must be 1 to 128 visible ASCII characters",
        ),
        // TokenTooLarge
        (
            "token_too_large",
            "token is longer than the configured limit",
        ),
        // MalformedToken
        (
            "malformed_token",
            "token is not three strict base64url segments (no padding, no stray characters, zero trailing bits)",
        ),
        // InvalidJson
        (
            "invalid_json",
            "JSON is malformed, or not the object expected",
        ),
        // JsonTooDeep
        (
            "json_too_deep",
            "JSON nests deeper than the configured limit",
        ),
        // DuplicateKey
        ("duplicate_key", "JSON object has the same key twice"),
        // InvalidHeader
        (
            "invalid_header",
            "token header lacks a string \"alg\" or has a field of the wrong type",
        ),
        // UnsupportedAlgorithm
        (
            "unsupported_algorithm",
            "token algorithm is \"none\" or not HMAC: refused",
        ),
        // AlgorithmNotAllowed
        (
            "algorithm_not_allowed",
            "token algorithm is not among the allowed ones",
        ),
        // UnknownCritical
        (
            "unknown_critical",
            "token header marks an extension critical that is not understood",
        ),
        // Expired
        ("expired", "token has expired (exp)"),
        // NotYetValid
        ("not_yet_valid", "token is not yet valid (nbf)"),
        // IssuedInFuture
        ("issued_in_future", "token was issued in the future (iat)"),
        // InvalidAudience
        ("invalid_audience", "token audience (aud) does not match"),
        // InvalidIssuer
        ("invalid_issuer", "token issuer (iss) does not match"),
        // MissingClaim
        ("missing_claim", "a required claim is missing"),
        // InvalidClaimType
        (
            "invalid_claim_type",
            "claim has the wrong JSON type (e.g. exp as a string, a float, or negative)",
        ),
        // IntegerOverflow
        ("integer_overflow", "integer is beyond the 64-bit range"),
        // WrongTokenType
        (
            "wrong_token_type",
            "token type (typ header or type claim) is not the expected one",
        ),
        // ResponseTooLarge
        (
            "response_too_large",
            "response body is longer than the limit (64 KiB)",
        ),
        // MissingField
        ("missing_field", "response lacks a required field"),
        // InvalidField
        (
            "invalid_field",
            "a field has the wrong type or an impossible value",
        ),
        // InvalidDate
        (
            "invalid_date",
            "date is not a valid ISO-8601 / RFC 3339 timestamp",
        ),
        // ProviderError
        (
            "provider_error",
            "the provider answered with an error (see its message)",
        ),
        // TimestampOutOfWindow
        (
            "timestamp_out_of_window",
            "request timestamp is outside the accepted window",
        ),
    ];

    /// Column `column` of [`TEXTS`] (0: names, 1: messages) in one string, with one 16-bit end
    /// offset per text: on a 32-bit target that is 4 bytes per text instead of a pointer and a
    /// length (8), about 0.3 KiB of flash less, with the same `const fn` accessors. The columns
    /// are packed apart so that a build without the `messages` feature holds no message text.
    macro_rules! packed {
        ($column:expr) => {{
            const LEN: usize = packed_len($column);
            const BYTES_AND_ENDS: ([u8; LEN], [u16; TEXTS.len()]) = pack::<LEN>($column);
            const TEXT: &str = match core::str::from_utf8(&BYTES_AND_ENDS.0) {
                Ok(text) => text,
                Err(_) => panic!("error texts are UTF-8"),
            };
            (TEXT, &BYTES_AND_ENDS.1)
        }};
    }

    /// A packed column: its text and the end offset of each row's text in it.
    type Packed = (&'static str, &'static [u16; TEXTS.len()]);

    /// Every name, packed.
    pub(super) const NAMES: Packed = packed!(0);
    /// Every message, packed.
    pub(super) const MESSAGES: Packed = packed!(1);

    /// Row `row`'s text in column `column`.
    #[allow(
        clippy::indexing_slicing,
        reason = "evaluated at compile time: an index out of bounds fails the build"
    )]
    const fn cell(row: usize, column: usize) -> &'static str {
        if column == 0 {
            TEXTS[row].0
        } else {
            TEXTS[row].1
        }
    }

    /// The length of column `column` packed.
    const fn packed_len(column: usize) -> usize {
        let mut len = 0;
        let mut row = 0;
        while row < TEXTS.len() {
            len += cell(row, column).len();
            row += 1;
        }
        len
    }

    /// Column `column` packed: its bytes, and each row's end offset.
    #[allow(
        clippy::indexing_slicing,
        reason = "evaluated at compile time: an index out of bounds fails the build"
    )]
    const fn pack<const LEN: usize>(column: usize) -> ([u8; LEN], [u16; TEXTS.len()]) {
        let mut bytes = [0u8; LEN];
        let mut ends = [0u16; TEXTS.len()];
        let mut at = 0;
        let mut row = 0;
        while row < TEXTS.len() {
            let text = cell(row, column).as_bytes();
            let mut i = 0;
            while i < text.len() {
                bytes[at] = text[i];
                at += 1;
                i += 1;
            }
            assert!(at <= u16::MAX as usize);
            ends[row] = at as u16;
            row += 1;
        }
        (bytes, ends)
    }

    /// Row `index` of a packed column.
    pub(super) const fn text((packed, ends): Packed, index: usize) -> &'static str {
        let Some((before, [end, ..])) = ends.split_at_checked(index) else {
            return "";
        };
        let start = match before {
            [.., start] => *start,
            [] => 0,
        };
        // The offsets are those of whole ASCII texts: the fallbacks are never taken.
        match packed.split_at_checked(*end as usize) {
            Some((head, _)) => match head.split_at_checked(start as usize) {
                Some((_, text)) => text,
                None => "",
            },
            None => "",
        }
    }
}

/// The message; without the `error-text` feature, the code (`sigmint error 19`).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[cfg(feature = "error-text")]
        return f.write_str(self.message());
        #[cfg(not(feature = "error-text"))]
        write!(f, "sigmint error {}", self.code())
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::Error;

    #[test]
    #[cfg(feature = "error-text")]
    fn names_follow_the_variants_and_messages_are_whole() {
        extern crate std;
        use std::string::String;
        for (i, e) in Error::ALL.iter().enumerate() {
            // The table's row order is the declaration order: each name is its variant's.
            let mut snake = String::new();
            for c in std::format!("{e:?}").chars() {
                if c.is_ascii_uppercase() && !snake.is_empty() {
                    snake.push('_');
                }
                snake.push(c.to_ascii_lowercase());
            }
            assert_eq!(
                e.name(),
                snake.replace("base_64", "base64").replace("utf_8", "utf8")
            );
            assert_eq!(*e as usize, i);
            assert_eq!((e.name(), e.message()), super::text::TEXTS[i]);
            assert!(!e.message().is_empty());
        }
    }

    #[test]
    fn codes_are_dense_and_names_unique() {
        for (i, e) in Error::ALL.iter().enumerate() {
            assert_eq!(e.code() as usize, i + 1);
            #[cfg(feature = "error-text")]
            for other in &Error::ALL[i + 1..] {
                assert_ne!(e.name(), other.name());
            }
        }
    }
}
