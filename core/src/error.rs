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
}

impl Error {
    /// Every variant, in [`Error::code`] order.
    pub const ALL: [Error; 9] = [
        Error::BufferTooSmall,
        Error::EmptyKey,
        Error::InvalidBase64,
        Error::InvalidSignature,
        Error::EndpointNotAbsolute,
        Error::EndpointInvalidChar,
        Error::PathHasQuery,
        Error::InvalidUtf8,
        Error::InvalidClientId,
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
