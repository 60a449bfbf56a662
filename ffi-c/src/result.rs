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

/// `text` with a NUL appended, built at compile time; upper-cased when `upper` is set.
#[allow(
    clippy::indexing_slicing,
    reason = "only evaluated in constants: an index out of bounds fails the build"
)]
pub(crate) const fn nul_terminated<const N: usize>(text: &str, upper: bool) -> [u8; N] {
    let bytes = text.as_bytes();
    let mut out = [0u8; N];
    let mut i = 0;
    while i < bytes.len() {
        out[i] = if upper {
            bytes[i].to_ascii_uppercase()
        } else {
            bytes[i]
        };
        i += 1;
    }
    out
}

/// One result: its value, its name as the header spells it after `SIGMINT_RESULT_`, and its
/// text, both NUL-terminated.
struct Row {
    code: sigmint_result,
    name: &'static [u8],
    text: &'static [u8],
}

/// The row of a core error: name and message taken from `Error::name` and `Error::message`
/// at compile time.
macro_rules! core_row {
    ($error:expr) => {{
        const NAME: &str = $error.name();
        const TEXT: &str = $error.message();
        const NAME_NUL: [u8; NAME.len() + 1] = nul_terminated(NAME, true);
        const TEXT_NUL: [u8; TEXT.len() + 1] = nul_terminated(TEXT, false);
        Row {
            code: sigmint_result($error.code()),
            name: &NAME_NUL,
            text: &TEXT_NUL,
        }
    }};
}

/// Every result.
static RESULTS: [Row; 40] = [
    Row {
        code: SIGMINT_RESULT_OK,
        name: b"OK\0",
        text: b"success\0",
    },
    core_row!(Error::BufferTooSmall),
    core_row!(Error::EmptyKey),
    core_row!(Error::InvalidBase64),
    core_row!(Error::InvalidSignature),
    core_row!(Error::EndpointNotAbsolute),
    core_row!(Error::EndpointInvalidChar),
    core_row!(Error::PathHasQuery),
    core_row!(Error::InvalidUtf8),
    core_row!(Error::InvalidClientId),
    core_row!(Error::TokenTooLarge),
    core_row!(Error::MalformedToken),
    core_row!(Error::InvalidJson),
    core_row!(Error::JsonTooDeep),
    core_row!(Error::DuplicateKey),
    core_row!(Error::InvalidHeader),
    core_row!(Error::UnsupportedAlgorithm),
    core_row!(Error::AlgorithmNotAllowed),
    core_row!(Error::UnknownCritical),
    core_row!(Error::Expired),
    core_row!(Error::NotYetValid),
    core_row!(Error::IssuedInFuture),
    core_row!(Error::InvalidAudience),
    core_row!(Error::InvalidIssuer),
    core_row!(Error::MissingClaim),
    core_row!(Error::InvalidClaimType),
    core_row!(Error::IntegerOverflow),
    core_row!(Error::WrongTokenType),
    core_row!(Error::ResponseTooLarge),
    core_row!(Error::MissingField),
    core_row!(Error::InvalidField),
    core_row!(Error::InvalidDate),
    core_row!(Error::ProviderError),
    core_row!(Error::TimestampOutOfWindow),
    Row {
        code: SIGMINT_RESULT_NULL_PARAMETER,
        name: b"NULL_PARAMETER\0",
        text: b"a required pointer parameter is NULL\0",
    },
    Row {
        code: SIGMINT_RESULT_KEY_NOT_INITIALIZED,
        name: b"KEY_NOT_INITIALIZED\0",
        text: b"key is not initialized, or was cleared\0",
    },
    Row {
        code: SIGMINT_RESULT_PANIC,
        name: b"PANIC\0",
        text: b"internal error: sigmint panicked (please report it)\0",
    },
    Row {
        code: SIGMINT_RESULT_LIST_TOO_LONG,
        name: b"LIST_TOO_LONG\0",
        text: b"a validation list (required claims, audiences or issuers) is longer than SIGMINT_JWT_MAX_LIST_LEN\0",
    },
    Row {
        code: SIGMINT_RESULT_UNKNOWN_ENUM_VALUE,
        name: b"UNKNOWN_ENUM_VALUE\0",
        text: b"an enumeration argument holds a value no SIGMINT_ constant names\0",
    },
    Row {
        code: SIGMINT_RESULT_INDEX_OUT_OF_RANGE,
        name: b"INDEX_OUT_OF_RANGE\0",
        text: b"index is past the last item\0",
    },
];

/// The text for a value no version of sigmint returns.
const UNKNOWN: &[u8] = b"unknown result\0";
/// The name for a value no version of sigmint returns.
const UNKNOWN_NAME: &[u8] = b"UNKNOWN\0";

/// The row of `result`, if any sigmint function returns it.
fn row(result: sigmint_result) -> Option<&'static Row> {
    RESULTS.iter().find(|row| row.code == result)
}

/// A short English description of `result`, for logs.
///
/// The string is static and NUL-terminated; do not free it. Any value is accepted: one that no
/// sigmint function returns gives `"unknown result"`.
#[unsafe(no_mangle)]
pub extern "C" fn sigmint_result_str(result: sigmint_result) -> *const c_char {
    boundary(UNKNOWN.as_ptr(), || {
        row(result).map_or(UNKNOWN, |row| row.text).as_ptr()
    })
    .cast()
}

/// The name of `result` as the header spells it without `SIGMINT_RESULT_`, such as
/// `"INVALID_SIGNATURE"`: stable across releases, for bindings (Kotlin's
/// `SigmintException.code`) and for programs that log or compare results by name.
///
/// The string is static and NUL-terminated; do not free it. Any value is accepted: one that no
/// sigmint function returns gives `"UNKNOWN"`.
#[unsafe(no_mangle)]
pub extern "C" fn sigmint_result_name(result: sigmint_result) -> *const c_char {
    boundary(UNKNOWN_NAME.as_ptr(), || {
        row(result).map_or(UNKNOWN_NAME, |row| row.name).as_ptr()
    })
    .cast()
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

    /// A static NUL-terminated text, as `sigmint_result_str` and `sigmint_result_name` give.
    fn static_text(text: *const c_char) -> &'static str {
        // SAFETY: both functions return static NUL-terminated strings.
        unsafe { CStr::from_ptr(text) }.to_str().unwrap()
    }

    fn str_of(result: sigmint_result) -> &'static str {
        static_text(sigmint_result_str(result))
    }

    fn name_of(result: sigmint_result) -> &'static str {
        static_text(sigmint_result_name(result))
    }

    #[test]
    fn texts_are_core_messages_and_unique() {
        for error in Error::ALL {
            assert_eq!(str_of(error.into()), error.message());
        }
        for (i, row) in RESULTS.iter().enumerate() {
            for text in [row.name, row.text] {
                assert_eq!(text.iter().position(|&b| b == 0), Some(text.len() - 1));
            }
            assert!(RESULTS[i + 1..].iter().all(|other| other.code != row.code
                && other.name != row.name
                && other.text != row.text));
        }
        assert_eq!(str_of(SIGMINT_RESULT_OK), "success");
    }

    #[test]
    fn names_are_the_header_names() {
        let header = header_results();
        assert_eq!(header.len(), RESULTS.len());
        for (name, value) in header {
            assert_eq!(
                format!("SIGMINT_RESULT_{}", name_of(sigmint_result(value))),
                name
            );
        }
    }

    /// The results table of docs/c.md, between its markers, is this library's.
    #[test]
    fn docs_list_every_result() {
        let docs = include_str!("../../docs/c.md");
        let start = "<!-- results table: checked by ffi-c/src/result.rs -->\n";
        let end = "<!-- end of results table -->";
        let table = docs
            .split_once(start)
            .and_then(|(_, rest)| rest.split_once(end))
            .map(|(table, _)| table)
            .expect("docs/c.md has the results table markers");
        let mut expected = String::from("| value | name | text |\n|---:|---|---|\n");
        fn text(bytes: &'static [u8]) -> &'static str {
            std::str::from_utf8(&bytes[..bytes.len() - 1]).unwrap()
        }
        for row in &RESULTS {
            expected += &format!(
                "| {} | `{}` | {} |\n",
                row.code.0,
                text(row.name),
                text(row.text)
            );
        }
        assert!(
            table == expected,
            "docs/c.md's results table should be:\n{expected}"
        );
    }

    #[test]
    fn any_value_is_accepted() {
        for value in [34, 99, 106, 1000, u32::MAX] {
            assert_eq!(str_of(sigmint_result(value)), "unknown result");
            assert_eq!(name_of(sigmint_result(value)), "UNKNOWN");
        }
    }
}
