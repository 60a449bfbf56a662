//! `sigmint_result`: the status every function returns, one value per core error kind (their
//! constants and texts are generated from core's table into `codes.rs`), plus the few only
//! the C API returns (a NULL pointer, a key never initialized, a panic, an enumeration value
//! or index out of range).

use core::ffi::c_char;

use sigmint_core::Error;

use crate::abi::panic::boundary;

mod codes;
pub use codes::*;

/// The status every sigmint function returns: `SIGMINT_RESULT_OK` (0) or an error.
///
/// The error values are those of the Rust core's `ErrorKind::code()`, one per error, plus
/// `SIGMINT_RESULT_NULL_PARAMETER`, `SIGMINT_RESULT_KEY_NOT_INITIALIZED`,
/// `SIGMINT_RESULT_PANIC`, `SIGMINT_RESULT_UNKNOWN_ENUM_VALUE` and
/// `SIGMINT_RESULT_INDEX_OUT_OF_RANGE`, which only the C API returns.
/// It is a plain integer rather than an enum so that any value, even one from a newer or
/// older library, can be handed back to `sigmint_result_str`.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct sigmint_result(u32);

/// Success.
pub const SIGMINT_RESULT_OK: sigmint_result = sigmint_result(0);

/// A required pointer was NULL, or a data pointer was NULL with a non-zero length.
pub const SIGMINT_RESULT_NULL_PARAMETER: sigmint_result = sigmint_result(100);
/// The `sigmint_key` was never initialized, or was cleared.
pub const SIGMINT_RESULT_KEY_NOT_INITIALIZED: sigmint_result = sigmint_result(101);
/// sigmint panicked (a bug in sigmint); the panic was caught and no output was written.
pub const SIGMINT_RESULT_PANIC: sigmint_result = sigmint_result(102);
/// An enumeration argument (such as a `sigmint_fonbnk_endpoint_id`) holds a value that no
/// `SIGMINT_*` constant of its type names.
pub const SIGMINT_RESULT_UNKNOWN_ENUM_VALUE: sigmint_result = sigmint_result(104);
/// An index is past the last item (`sigmint_fonbnk_kyc_document`, `sigmint_fonbnk_kyc_rule`):
/// the way to find the end of a list.
pub const SIGMINT_RESULT_INDEX_OUT_OF_RANGE: sigmint_result = sigmint_result(105);

impl From<Error> for sigmint_result {
    /// Core errors keep their number: `SIGMINT_RESULT_X == ErrorKind::X.code()`.
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

/// The row of a core error kind: name and message taken from `ErrorKind::name` and
/// `ErrorKind::message` at compile time.
macro_rules! core_row {
    ($kind:expr) => {{
        const NAME: &str = $kind.name();
        const TEXT: &str = $kind.message();
        const NAME_NUL: [u8; NAME.len() + 1] = $crate::result::nul_terminated(NAME, true);
        const TEXT_NUL: [u8; TEXT.len() + 1] = $crate::result::nul_terminated(TEXT, false);
        Row {
            code: sigmint_result($kind.code()),
            name: &NAME_NUL,
            text: &TEXT_NUL,
        }
    }};
}
use core_row;

/// The results only the C API returns, and success.
static C_ROWS: [Row; 6] = [
    Row {
        code: SIGMINT_RESULT_OK,
        name: b"OK\0",
        text: b"success\0",
    },
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
    // Core's codes are dense from 1: row `code - 1`.
    let core = usize::try_from(result.0)
        .ok()
        .and_then(|code| CORE_ROWS.get(code.checked_sub(1)?));
    core.filter(|row| row.code == result)
        .or_else(|| C_ROWS.iter().find(|row| row.code == result))
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
    use sigmint_core::ErrorKind;

    /// Every result's row, core's in code order first.
    fn rows() -> impl Iterator<Item = &'static Row> {
        CORE_ROWS.iter().chain(&C_ROWS)
    }

    /// The C name of each core error, as the header spells it.
    fn c_name(kind: ErrorKind) -> String {
        format!("SIGMINT_RESULT_{}", kind.name().to_ascii_uppercase())
    }

    /// `(name, value)` of every `#define SIGMINT_RESULT_*` in the committed header.
    fn header_results() -> Vec<(String, u32)> {
        include_str!("../../include/sigmint.h")
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
        for kind in ErrorKind::ALL {
            let named: Vec<_> = header.iter().filter(|(n, _)| *n == c_name(kind)).collect();
            assert_eq!(named.len(), 1, "{} in sigmint.h", c_name(kind));
            assert_eq!(named[0].1, kind.code(), "{}", c_name(kind));
            let with_code: Vec<_> = header.iter().filter(|(_, v)| *v == kind.code()).collect();
            assert_eq!(with_code.len(), 1, "code {} used once", kind.code());
        }
        // OK, the C-only values, and nothing else.
        assert_eq!(header.len(), ErrorKind::ALL.len() + C_ROWS.len());
        for row in &C_ROWS {
            assert!(
                ErrorKind::ALL.iter().all(|k| k.code() != row.code.0),
                "{:?}",
                row.code
            );
        }
        assert_eq!(
            sigmint_result::from(Error::BufferTooSmall { needed: 9 }),
            SIGMINT_RESULT_BUFFER_TOO_SMALL
        );
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
        for kind in ErrorKind::ALL {
            let result = sigmint_result(kind.code());
            assert_eq!(str_of(result), kind.message());
            assert_eq!(name_of(result), kind.name().to_ascii_uppercase());
        }
        let all: Vec<_> = rows().collect();
        for (i, row) in all.iter().enumerate() {
            for text in [row.name, row.text] {
                assert_eq!(text.iter().position(|&b| b == 0), Some(text.len() - 1));
            }
            assert!(all[i + 1..].iter().all(|other| other.code != row.code
                && other.name != row.name
                && other.text != row.text));
        }
        assert_eq!(str_of(SIGMINT_RESULT_OK), "success");
    }

    #[test]
    fn names_are_the_header_names() {
        let header = header_results();
        assert_eq!(header.len(), rows().count());
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
        let docs = include_str!("../../../docs/c.md");
        let start = "<!-- results table: checked by ffi-c/src/result/mod.rs -->\n";
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
        let mut all: Vec<_> = rows().collect();
        all.sort_by_key(|row| row.code.0);
        for row in all {
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
        // Past core's last code, between the C-only ones, 103 (retired: it is not reused).
        let past_core = u32::try_from(ErrorKind::ALL.len()).unwrap() + 1;
        for value in [past_core, 99, 103, 106, 1000, u32::MAX] {
            assert_eq!(str_of(sigmint_result(value)), "unknown result");
            assert_eq!(name_of(sigmint_result(value)), "UNKNOWN");
        }
    }
}
