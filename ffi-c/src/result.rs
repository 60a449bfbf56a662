//! `sigmint_result`: the status every function returns, one value per core [`Error`].

use core::ffi::c_char;

use sigmint_core::Error;

use crate::panic::boundary;

/// The status every sigmint function returns: `SIGMINT_RESULT_OK` (0) or an error.
///
/// The error values are those of the Rust core's `Error::code()`, one per error, plus
/// `SIGMINT_RESULT_NULL_PARAMETER`, `SIGMINT_RESULT_KEY_NOT_INITIALIZED`,
/// `SIGMINT_RESULT_PANIC`, `SIGMINT_RESULT_LIST_TOO_LONG`, `SIGMINT_RESULT_UNKNOWN_ENUM_VALUE`
/// and `SIGMINT_RESULT_INDEX_OUT_OF_RANGE`, which only the C API returns.
/// It is a plain integer rather than an enum so that any value, even one from a newer or
/// older library, can be handed back to `sigmint_result_str`.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct sigmint_result(u32);

/// Success.
pub const SIGMINT_RESULT_OK: sigmint_result = sigmint_result(0);
/// The output buffer cannot hold the result; nothing was written, and the `*out_len`
/// parameter holds the size needed.
pub const SIGMINT_RESULT_BUFFER_TOO_SMALL: sigmint_result = sigmint_result(1);
/// The key or secret is empty, or decodes to no bytes.
pub const SIGMINT_RESULT_EMPTY_KEY: sigmint_result = sigmint_result(2);
/// A base64 secret holds a character outside both base64 alphabets, misplaced padding, or a
/// length no padding rule allows.
pub const SIGMINT_RESULT_INVALID_BASE64: sigmint_result = sigmint_result(3);
/// A MAC tag did not match, or did not have the full 32-byte length.
pub const SIGMINT_RESULT_INVALID_SIGNATURE: sigmint_result = sigmint_result(4);
/// An endpoint or path does not start with `/`.
pub const SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE: sigmint_result = sigmint_result(5);
/// An endpoint or path holds a byte that cannot go on the wire as-is (space, control
/// character, non-ASCII) or a fragment (`#`).
pub const SIGMINT_RESULT_ENDPOINT_INVALID_CHAR: sigmint_result = sigmint_result(6);
/// Query parameters were given for a path that already holds a query (`?`).
pub const SIGMINT_RESULT_PATH_HAS_QUERY: sigmint_result = sigmint_result(7);
/// Text that must be UTF-8 is not.
pub const SIGMINT_RESULT_INVALID_UTF8: sigmint_result = sigmint_result(8);
/// A client id is empty, too long, or holds a byte that is not visible ASCII.
pub const SIGMINT_RESULT_INVALID_CLIENT_ID: sigmint_result = sigmint_result(9);
/// A token is longer than the size limit (`max_token_len`, 16 KiB by default), or its
/// decoded header is longer than `SIGMINT_JWS_MAX_HEADER_LEN`.
pub const SIGMINT_RESULT_TOKEN_TOO_LARGE: sigmint_result = sigmint_result(10);
/// A token is not exactly three segments of strict base64url (no padding, no stray
/// characters, zero trailing bits), or is not even UTF-8.
pub const SIGMINT_RESULT_MALFORMED_TOKEN: sigmint_result = sigmint_result(11);
/// JSON text is malformed, or not the kind of value expected (such as an object).
pub const SIGMINT_RESULT_INVALID_JSON: sigmint_result = sigmint_result(12);
/// JSON nests deeper than the configured limit.
pub const SIGMINT_RESULT_JSON_TOO_DEEP: sigmint_result = sigmint_result(13);
/// A JSON object has the same key twice.
pub const SIGMINT_RESULT_DUPLICATE_KEY: sigmint_result = sigmint_result(14);
/// A token header lacks a string `alg`, or `typ`, `kid` or `crit` has the wrong type.
pub const SIGMINT_RESULT_INVALID_HEADER: sigmint_result = sigmint_result(15);
/// A token's `alg` is `none` (in any spelling) or not an HMAC algorithm sigmint supports.
pub const SIGMINT_RESULT_UNSUPPORTED_ALGORITHM: sigmint_result = sigmint_result(16);
/// A token's `alg` is not among the algorithms the caller allowed (HS256 only, in C).
pub const SIGMINT_RESULT_ALGORITHM_NOT_ALLOWED: sigmint_result = sigmint_result(17);
/// A token header's `crit` names an extension sigmint does not understand.
pub const SIGMINT_RESULT_UNKNOWN_CRITICAL: sigmint_result = sigmint_result(18);
/// The token's `exp` has passed (beyond the leeway).
pub const SIGMINT_RESULT_EXPIRED: sigmint_result = sigmint_result(19);
/// The token's `nbf` is still in the future (beyond the leeway).
pub const SIGMINT_RESULT_NOT_YET_VALID: sigmint_result = sigmint_result(20);
/// The token's `iat` is in the future (beyond the leeway).
pub const SIGMINT_RESULT_ISSUED_IN_FUTURE: sigmint_result = sigmint_result(21);
/// The token's `aud` matches none of the expected audiences, or is present when none is
/// expected.
pub const SIGMINT_RESULT_INVALID_AUDIENCE: sigmint_result = sigmint_result(22);
/// The token's `iss` is not exactly an expected issuer.
pub const SIGMINT_RESULT_INVALID_ISSUER: sigmint_result = sigmint_result(23);
/// A required claim is missing or `null`, or a JSON path looked up is not there (or, for a
/// typed lookup, is `null`).
pub const SIGMINT_RESULT_MISSING_CLAIM: sigmint_result = sigmint_result(24);
/// A claim has the wrong JSON type: `exp` as a string or a float, a negative time, `aud`
/// not a string or array of strings, or a looked-up value not of the type asked for.
pub const SIGMINT_RESULT_INVALID_CLAIM_TYPE: sigmint_result = sigmint_result(25);
/// An integer is beyond the signed 64-bit range.
pub const SIGMINT_RESULT_INTEGER_OVERFLOW: sigmint_result = sigmint_result(26);
/// The token's type (header `typ` or the `type` claim) is not the expected one.
pub const SIGMINT_RESULT_WRONG_TOKEN_TYPE: sigmint_result = sigmint_result(27);
/// A provider's response body is longer than `SIGMINT_PROVIDER_MAX_RESPONSE_LEN` (64 KiB).
pub const SIGMINT_RESULT_RESPONSE_TOO_LARGE: sigmint_result = sigmint_result(28);
/// A provider's response lacks a field it must have (or has it as `null`).
pub const SIGMINT_RESULT_MISSING_FIELD: sigmint_result = sigmint_result(29);
/// A request or response field has the wrong JSON type or an impossible value (an empty
/// email, a country code that is not two upper-case letters, a token that is not text, a
/// header value with a space or control character).
pub const SIGMINT_RESULT_INVALID_FIELD: sigmint_result = sigmint_result(30);
/// A date is not a valid RFC 3339 timestamp (`2024-05-14T19:22:09.901Z`, `+01:00` offsets).
pub const SIGMINT_RESULT_INVALID_DATE: sigmint_result = sigmint_result(31);
/// The provider answered with an error instead of the expected result; its own text is
/// available with `sigmint_provider_error_message`.
pub const SIGMINT_RESULT_PROVIDER_ERROR: sigmint_result = sigmint_result(32);
/// A signed request's timestamp is outside the accepted window around the verifier's clock.
pub const SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW: sigmint_result = sigmint_result(33);
/// A required pointer was NULL, or a data pointer was NULL with a non-zero length.
pub const SIGMINT_RESULT_NULL_PARAMETER: sigmint_result = sigmint_result(100);
/// The `sigmint_key` was never initialized, or was cleared.
pub const SIGMINT_RESULT_KEY_NOT_INITIALIZED: sigmint_result = sigmint_result(101);
/// sigmint panicked (a bug in sigmint); the panic was caught and no output was written.
pub const SIGMINT_RESULT_PANIC: sigmint_result = sigmint_result(102);
/// A list in a `sigmint_jwt_validation` (required claims, audiences or issuers) holds more
/// than `SIGMINT_JWT_MAX_LIST_LEN` entries.
pub const SIGMINT_RESULT_LIST_TOO_LONG: sigmint_result = sigmint_result(103);
/// An enumeration argument (such as a `sigmint_fonbnk_endpoint_id`) holds a value that no
/// `SIGMINT_*` constant of its type names.
pub const SIGMINT_RESULT_UNKNOWN_ENUM_VALUE: sigmint_result = sigmint_result(104);
/// An index is past the last item (`sigmint_fonbnk_kyc_document`, `sigmint_fonbnk_kyc_rule`):
/// the way to find the end of a list.
pub const SIGMINT_RESULT_INDEX_OUT_OF_RANGE: sigmint_result = sigmint_result(105);

impl From<Error> for sigmint_result {
    /// Core errors keep their number: `SIGMINT_RESULT_X == Error::X.code()`.
    fn from(error: Error) -> Self {
        sigmint_result(error.code())
    }
}

/// `text` with a NUL appended, built at compile time.
#[allow(
    clippy::indexing_slicing,
    reason = "only evaluated in constants: an index out of bounds fails the build"
)]
pub(crate) const fn nul_terminated<const N: usize>(text: &str) -> [u8; N] {
    let bytes = text.as_bytes();
    let mut out = [0u8; N];
    let mut i = 0;
    while i < bytes.len() {
        out[i] = bytes[i];
        i += 1;
    }
    out
}

/// The NUL-terminated message of a core error, taken from `Error::message` at compile time.
macro_rules! core_message {
    ($error:expr) => {{
        const TEXT: &str = $error.message();
        const BYTES: [u8; TEXT.len() + 1] = nul_terminated(TEXT);
        &BYTES
    }};
}

/// Every result with its text (NUL-terminated).
static RESULTS: [(sigmint_result, &[u8]); 40] = [
    (SIGMINT_RESULT_OK, b"success\0"),
    (
        SIGMINT_RESULT_BUFFER_TOO_SMALL,
        core_message!(Error::BufferTooSmall),
    ),
    (SIGMINT_RESULT_EMPTY_KEY, core_message!(Error::EmptyKey)),
    (
        SIGMINT_RESULT_INVALID_BASE64,
        core_message!(Error::InvalidBase64),
    ),
    (
        SIGMINT_RESULT_INVALID_SIGNATURE,
        core_message!(Error::InvalidSignature),
    ),
    (
        SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE,
        core_message!(Error::EndpointNotAbsolute),
    ),
    (
        SIGMINT_RESULT_ENDPOINT_INVALID_CHAR,
        core_message!(Error::EndpointInvalidChar),
    ),
    (
        SIGMINT_RESULT_PATH_HAS_QUERY,
        core_message!(Error::PathHasQuery),
    ),
    (
        SIGMINT_RESULT_INVALID_UTF8,
        core_message!(Error::InvalidUtf8),
    ),
    (
        SIGMINT_RESULT_INVALID_CLIENT_ID,
        core_message!(Error::InvalidClientId),
    ),
    (
        SIGMINT_RESULT_TOKEN_TOO_LARGE,
        core_message!(Error::TokenTooLarge),
    ),
    (
        SIGMINT_RESULT_MALFORMED_TOKEN,
        core_message!(Error::MalformedToken),
    ),
    (
        SIGMINT_RESULT_INVALID_JSON,
        core_message!(Error::InvalidJson),
    ),
    (
        SIGMINT_RESULT_JSON_TOO_DEEP,
        core_message!(Error::JsonTooDeep),
    ),
    (
        SIGMINT_RESULT_DUPLICATE_KEY,
        core_message!(Error::DuplicateKey),
    ),
    (
        SIGMINT_RESULT_INVALID_HEADER,
        core_message!(Error::InvalidHeader),
    ),
    (
        SIGMINT_RESULT_UNSUPPORTED_ALGORITHM,
        core_message!(Error::UnsupportedAlgorithm),
    ),
    (
        SIGMINT_RESULT_ALGORITHM_NOT_ALLOWED,
        core_message!(Error::AlgorithmNotAllowed),
    ),
    (
        SIGMINT_RESULT_UNKNOWN_CRITICAL,
        core_message!(Error::UnknownCritical),
    ),
    (
        SIGMINT_RESULT_EXPIRED,
        core_message!(Error::Expired),
    ),
    (
        SIGMINT_RESULT_NOT_YET_VALID,
        core_message!(Error::NotYetValid),
    ),
    (
        SIGMINT_RESULT_ISSUED_IN_FUTURE,
        core_message!(Error::IssuedInFuture),
    ),
    (
        SIGMINT_RESULT_INVALID_AUDIENCE,
        core_message!(Error::InvalidAudience),
    ),
    (
        SIGMINT_RESULT_INVALID_ISSUER,
        core_message!(Error::InvalidIssuer),
    ),
    (
        SIGMINT_RESULT_MISSING_CLAIM,
        core_message!(Error::MissingClaim),
    ),
    (
        SIGMINT_RESULT_INVALID_CLAIM_TYPE,
        core_message!(Error::InvalidClaimType),
    ),
    (
        SIGMINT_RESULT_INTEGER_OVERFLOW,
        core_message!(Error::IntegerOverflow),
    ),
    (
        SIGMINT_RESULT_WRONG_TOKEN_TYPE,
        core_message!(Error::WrongTokenType),
    ),
    (
        SIGMINT_RESULT_RESPONSE_TOO_LARGE,
        core_message!(Error::ResponseTooLarge),
    ),
    (
        SIGMINT_RESULT_MISSING_FIELD,
        core_message!(Error::MissingField),
    ),
    (
        SIGMINT_RESULT_INVALID_FIELD,
        core_message!(Error::InvalidField),
    ),
    (
        SIGMINT_RESULT_INVALID_DATE,
        core_message!(Error::InvalidDate),
    ),
    (
        SIGMINT_RESULT_PROVIDER_ERROR,
        core_message!(Error::ProviderError),
    ),
    (
        SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW,
        core_message!(Error::TimestampOutOfWindow),
    ),
    (
        SIGMINT_RESULT_NULL_PARAMETER,
        b"a required pointer parameter is NULL\0",
    ),
    (
        SIGMINT_RESULT_KEY_NOT_INITIALIZED,
        b"key is not initialized, or was cleared\0",
    ),
    (
        SIGMINT_RESULT_PANIC,
        b"internal error: sigmint panicked (please report it)\0",
    ),
    (
        SIGMINT_RESULT_LIST_TOO_LONG,
        b"a validation list (required claims, audiences or issuers) is longer than SIGMINT_JWT_MAX_LIST_LEN\0",
    ),
    (
        SIGMINT_RESULT_UNKNOWN_ENUM_VALUE,
        b"an enumeration argument holds a value no SIGMINT_ constant names\0",
    ),
    (
        SIGMINT_RESULT_INDEX_OUT_OF_RANGE,
        b"index is past the last item\0",
    ),
];

/// The text for a value no version of sigmint returns.
const UNKNOWN: &[u8] = b"unknown result\0";

/// The text for `result` (`"unknown result"` for a value no sigmint function returns).
fn text(result: sigmint_result) -> &'static [u8] {
    RESULTS
        .iter()
        .find(|(code, _)| *code == result)
        .map_or(UNKNOWN, |(_, text)| text)
}

/// A short English description of `result`, for logs.
///
/// The string is static and NUL-terminated; do not free it. Any value is accepted: one that no
/// sigmint function returns gives `"unknown result"`.
#[unsafe(no_mangle)]
pub extern "C" fn sigmint_result_str(result: sigmint_result) -> *const c_char {
    boundary(UNKNOWN.as_ptr(), || text(result).as_ptr()).cast()
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ffi::CStr;

    /// The C name of each core error, as the header spells it.
    fn c_name(error: Error) -> String {
        format!("SIGMINT_RESULT_{}", error.name().to_ascii_uppercase())
    }

    /// `(name, value)` of every `#define SIGMINT_RESULT_*` in the committed header.
    fn header_results() -> Vec<(String, u32)> {
        include_str!("../include/sigmint.h")
            .lines()
            .filter_map(|line| {
                let mut words = line.strip_prefix("#define ")?.split_whitespace();
                let name = words.next()?.strip_prefix("SIGMINT_RESULT_")?;
                let value = words.next()?.trim_start_matches('(').trim_end_matches(')');
                Some((format!("SIGMINT_RESULT_{name}"), value.parse().ok()?))
            })
            .collect()
    }

    #[test]
    fn every_core_error_has_its_own_c_value_with_the_same_code() {
        let header = header_results();
        for error in Error::ALL {
            let code = sigmint_result::from(error);
            assert_eq!(code.0, error.code(), "{error:?}");
            let named: Vec<_> = header.iter().filter(|(n, _)| *n == c_name(error)).collect();
            assert_eq!(named.len(), 1, "{} in sigmint.h", c_name(error));
            assert_eq!(named[0].1, error.code(), "{}", c_name(error));
            let with_code: Vec<_> = header.iter().filter(|(_, v)| *v == error.code()).collect();
            assert_eq!(with_code.len(), 1, "code {} used once", error.code());
        }
        // OK and the six C-only values, and nothing else.
        assert_eq!(header.len(), Error::ALL.len() + 7);
        for (name, value) in [
            ("SIGMINT_RESULT_OK", SIGMINT_RESULT_OK),
            (
                "SIGMINT_RESULT_NULL_PARAMETER",
                SIGMINT_RESULT_NULL_PARAMETER,
            ),
            (
                "SIGMINT_RESULT_KEY_NOT_INITIALIZED",
                SIGMINT_RESULT_KEY_NOT_INITIALIZED,
            ),
            ("SIGMINT_RESULT_PANIC", SIGMINT_RESULT_PANIC),
            ("SIGMINT_RESULT_LIST_TOO_LONG", SIGMINT_RESULT_LIST_TOO_LONG),
            (
                "SIGMINT_RESULT_UNKNOWN_ENUM_VALUE",
                SIGMINT_RESULT_UNKNOWN_ENUM_VALUE,
            ),
            (
                "SIGMINT_RESULT_INDEX_OUT_OF_RANGE",
                SIGMINT_RESULT_INDEX_OUT_OF_RANGE,
            ),
        ] {
            assert!(header.contains(&(name.to_owned(), value.0)), "{name}");
            assert!(Error::ALL.iter().all(|e| e.code() != value.0), "{name}");
        }
    }

    #[test]
    fn rust_constants_match_core_codes() {
        let constants = [
            SIGMINT_RESULT_BUFFER_TOO_SMALL,
            SIGMINT_RESULT_EMPTY_KEY,
            SIGMINT_RESULT_INVALID_BASE64,
            SIGMINT_RESULT_INVALID_SIGNATURE,
            SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE,
            SIGMINT_RESULT_ENDPOINT_INVALID_CHAR,
            SIGMINT_RESULT_PATH_HAS_QUERY,
            SIGMINT_RESULT_INVALID_UTF8,
            SIGMINT_RESULT_INVALID_CLIENT_ID,
            SIGMINT_RESULT_TOKEN_TOO_LARGE,
            SIGMINT_RESULT_MALFORMED_TOKEN,
            SIGMINT_RESULT_INVALID_JSON,
            SIGMINT_RESULT_JSON_TOO_DEEP,
            SIGMINT_RESULT_DUPLICATE_KEY,
            SIGMINT_RESULT_INVALID_HEADER,
            SIGMINT_RESULT_UNSUPPORTED_ALGORITHM,
            SIGMINT_RESULT_ALGORITHM_NOT_ALLOWED,
            SIGMINT_RESULT_UNKNOWN_CRITICAL,
            SIGMINT_RESULT_EXPIRED,
            SIGMINT_RESULT_NOT_YET_VALID,
            SIGMINT_RESULT_ISSUED_IN_FUTURE,
            SIGMINT_RESULT_INVALID_AUDIENCE,
            SIGMINT_RESULT_INVALID_ISSUER,
            SIGMINT_RESULT_MISSING_CLAIM,
            SIGMINT_RESULT_INVALID_CLAIM_TYPE,
            SIGMINT_RESULT_INTEGER_OVERFLOW,
            SIGMINT_RESULT_WRONG_TOKEN_TYPE,
            SIGMINT_RESULT_RESPONSE_TOO_LARGE,
            SIGMINT_RESULT_MISSING_FIELD,
            SIGMINT_RESULT_INVALID_FIELD,
            SIGMINT_RESULT_INVALID_DATE,
            SIGMINT_RESULT_PROVIDER_ERROR,
            SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW,
        ];
        assert_eq!(constants.len(), Error::ALL.len());
        for (constant, error) in constants.into_iter().zip(Error::ALL) {
            assert_eq!(constant, sigmint_result::from(error), "{error:?}");
        }
    }

    fn str_of(result: sigmint_result) -> &'static str {
        // SAFETY: sigmint_result_str returns a static NUL-terminated string.
        unsafe { CStr::from_ptr(sigmint_result_str(result)) }
            .to_str()
            .unwrap()
    }

    #[test]
    fn texts_are_core_messages_and_unique() {
        for error in Error::ALL {
            assert_eq!(str_of(error.into()), error.message());
        }
        for (i, (code, text)) in RESULTS.iter().enumerate() {
            assert_eq!(text.iter().position(|&b| b == 0), Some(text.len() - 1));
            assert!(RESULTS[i + 1..].iter().all(|(c, t)| c != code && t != text));
        }
        assert_eq!(str_of(SIGMINT_RESULT_OK), "success");
    }

    #[test]
    fn any_value_is_accepted() {
        for value in [34, 99, 106, 1000, u32::MAX] {
            assert_eq!(str_of(sigmint_result(value)), "unknown result");
        }
    }
}
