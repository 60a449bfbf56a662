//! The one error type every sigmint operation returns, with the context a caller needs to act
//! on it: the size a short buffer needs, the claim or field at fault, the limit that was hit.
//! The errors are declared once, in `table.rs`.

use core::fmt;

mod table;
#[cfg(feature = "error-text")]
mod text;

#[cfg(feature = "error-text")]
use table::TEXTS;
pub use table::{Error, ErrorKind};

/// Which claim an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Claim {
    /// A claim core names: a registered one (`exp`, `aud`, `sub`, ...), Fonbnk's `type`, or a
    /// field of a typed claims struct.
    Named(&'static str),
    /// Entry `index` of the caller's `jwt::Validation::required`.
    Required(usize),
    /// A claim core cannot name (a value found by a path, an element of one).
    Unnamed,
}

/// What kind of failure an error is, for bindings that sort errors into families (Python's
/// exception classes, PyJWT's among them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// The caller's call cannot be carried out as made: a buffer too small, a list too long.
    Usage,
    /// Input that is not what it must be: a secret, an endpoint, a client id, text.
    Input,
    /// A token that cannot be read: its size, shape, JSON or claim types.
    Decode,
    /// A MAC that does not match.
    Signature,
    /// A token algorithm refused.
    Algorithm,
    /// A well-formed, authentic token or request refused by a check: time, audience, issuer,
    /// subject, type, required claims, critical extensions, a timestamp's age.
    Refused,
    /// A partner's answer that is not what its API documents.
    Provider,
    /// An inbound request that cannot be checked: a header missing or not in its provider's
    /// format.
    Request,
    /// A partner that answered with an error of its own.
    Remote,
}

/// Declares [`Error`], [`ErrorKind`] and their tables from one list (see `table.rs`).
macro_rules! declare_errors {
    ($(
        $(#[doc = $doc:literal])*
        $code:literal $name:ident $({ $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty ),* $(,)? })?
            => $snake:literal, $message:literal, $class:ident;
    )*) => {
        /// Everything that can go wrong in sigmint, with what a caller needs to act on it.
        ///
        /// Every binding maps these 1:1 through [`ErrorKind`]: the C API has one
        /// `sigmint_result` value per kind ([`ErrorKind::code`]), Python one exception class.
        /// Cheap to return (a few words, `Copy`); messages and context never hold secret
        /// material.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Error {$(
            $(#[doc = $doc])*
            $name $({ $( $(#[doc = $fdoc])* $field: $ty ),* })?,
        )*}

        /// The kind of an [`Error`], without its context: what codes, names, messages and
        /// classes belong to.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        #[repr(u32)]
        pub enum ErrorKind {$(
            $(#[doc = $doc])*
            $name = $code,
        )*}

        impl ErrorKind {
            /// Every kind, in [`ErrorKind::code`] order.
            pub const ALL: [ErrorKind; [$($code),*].len()] = [$(ErrorKind::$name),*];

            /// A stable, non-zero number for this kind; the C API's `sigmint_result` uses it.
            ///
            /// ```
            /// use sigmint_core::ErrorKind;
            /// assert_eq!(ErrorKind::BufferTooSmall.code(), 1);
            /// ```
            #[must_use]
            pub const fn code(self) -> u32 {
                self as u32
            }

            /// The kind's documentation, one line per line of it (each starts with a space, as
            /// rustdoc has it): for bindings that generate their own docs from this table (the
            /// C header's result docs, Python's exception docstrings). The `error-text` feature.
            #[cfg(feature = "error-text")]
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self {$(ErrorKind::$name => concat!($($doc, "\n"),*),)*}
            }

            /// The kind of failure.
            #[must_use]
            pub const fn class(self) -> Class {
                match self {$(ErrorKind::$name => Class::$class,)*}
            }

            /// Where this kind is in [`ErrorKind::ALL`] (and the text tables): codes are dense
            /// from 1, as a test checks.
            #[cfg(feature = "error-text")]
            pub(super) const fn index(self) -> usize {
                (self.code() as usize).saturating_sub(1)
            }
        }

        impl Error {
            /// The error's kind.
            #[must_use]
            pub const fn kind(self) -> ErrorKind {
                match self {$(Error::$name { .. } => ErrorKind::$name,)*}
            }
        }

        /// Each kind's name and message, in [`ErrorKind::ALL`] order.
        #[cfg(feature = "error-text")]
        pub(super) const TEXTS: [(&str, &str); ErrorKind::ALL.len()] = [$(($snake, $message)),*];
    };
}
pub(crate) use declare_errors;

impl ErrorKind {
    /// A short snake_case name, stable across releases (`"buffer_too_small"`; the
    /// `error-text` feature).
    #[cfg(feature = "error-text")]
    #[must_use]
    pub const fn name(self) -> &'static str {
        text::text(text::NAMES, self.index())
    }

    /// A one-line explanation for people (the `error-text` feature).
    #[cfg(feature = "error-text")]
    #[must_use]
    pub const fn message(self) -> &'static str {
        text::text(text::MESSAGES, self.index())
    }
}

impl Error {
    /// The kind's code ([`ErrorKind::code`]).
    #[must_use]
    pub const fn code(self) -> u32 {
        self.kind().code()
    }

    /// The kind's name ([`ErrorKind::name`]).
    #[cfg(feature = "error-text")]
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.kind().name()
    }

    /// The kind's message ([`ErrorKind::message`]).
    #[cfg(feature = "error-text")]
    #[must_use]
    pub const fn message(self) -> &'static str {
        self.kind().message()
    }

    /// For [`Error::BufferTooSmall`], the size the buffer needs.
    #[must_use]
    pub const fn needed(self) -> Option<usize> {
        match self {
            Error::BufferTooSmall { needed } => Some(needed),
            _ => None,
        }
    }

    /// The claim a claim error is about.
    #[must_use]
    pub const fn claim(self) -> Option<Claim> {
        match self {
            Error::MissingClaim { claim } | Error::InvalidClaimType { claim } => Some(claim),
            _ => None,
        }
    }

    /// The provider field a field error is about.
    #[must_use]
    pub const fn field(self) -> Option<&'static str> {
        match self {
            Error::MissingField { field } | Error::InvalidField { field } => Some(field),
            _ => None,
        }
    }

    /// The template part or HTTP header a scheme error is about.
    #[must_use]
    pub const fn part(self) -> Option<&'static str> {
        match self {
            Error::MissingPart { part } | Error::InvalidPart { part } => Some(part),
            Error::MissingHeader { header } | Error::MalformedHeader { header } => Some(header),
            _ => None,
        }
    }

    /// The byte offset in a template where a template error is.
    #[must_use]
    pub const fn offset(self) -> Option<usize> {
        match self {
            Error::MalformedTemplate { offset } | Error::UnknownTemplateField { offset } => {
                Some(offset)
            }
            _ => None,
        }
    }

    /// The limit a size, depth, list or key-length error hit.
    #[must_use]
    pub const fn limit(self) -> Option<usize> {
        match self {
            Error::TokenTooLarge { limit }
            | Error::JsonTooDeep { limit }
            | Error::ResponseTooLarge { limit }
            | Error::ListTooLong { limit }
            | Error::KeyTooShort { minimum: limit } => Some(limit),
            _ => None,
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
    use super::*;

    #[test]
    #[cfg(feature = "error-text")]
    fn names_follow_the_kinds_and_messages_are_whole() {
        extern crate std;
        use std::string::String;
        for (i, kind) in ErrorKind::ALL.iter().enumerate() {
            // The name of each kind is its variant's, in snake_case.
            let mut snake = String::new();
            for c in std::format!("{kind:?}").chars() {
                if c.is_ascii_uppercase() && !snake.is_empty() {
                    snake.push('_');
                }
                snake.push(c.to_ascii_lowercase());
            }
            assert_eq!(
                kind.name(),
                snake.replace("base_64", "base64").replace("utf_8", "utf8")
            );
            assert_eq!(kind.index(), i);
            assert_eq!((kind.name(), kind.message()), TEXTS[i]);
            assert!(!kind.message().is_empty());
            for other in &ErrorKind::ALL[i + 1..] {
                assert_ne!(kind.name(), other.name());
                assert_ne!(kind.message(), other.message());
            }
        }
    }

    #[test]
    fn codes_are_dense_and_context_travels() {
        for (i, kind) in ErrorKind::ALL.iter().enumerate() {
            assert_eq!(kind.code() as usize, i + 1);
        }
        let short = Error::BufferTooSmall { needed: 44 };
        assert_eq!(
            (short.kind(), short.code(), short.needed()),
            (ErrorKind::BufferTooSmall, 1, Some(44))
        );
        let missing = Error::MissingClaim {
            claim: Claim::Required(2),
        };
        assert_eq!(missing.claim(), Some(Claim::Required(2)));
        assert_eq!(missing.needed(), None);
        let field = Error::InvalidField { field: "email" };
        assert_eq!((field.field(), field.limit()), (Some("email"), None));
        assert_eq!(Error::JsonTooDeep { limit: 32 }.limit(), Some(32));
        assert_eq!(ErrorKind::Expired.class(), Class::Refused);
        // A few words: a tag and the largest context, a claim (a name or an index).
        assert!(core::mem::size_of::<Error>() <= 4 * core::mem::size_of::<usize>());
    }
}
