//! The parts of a request a template can sign.

/// A part of a request, as a template names it between braces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// `{timestamp}`: the timestamp exactly as sent (its units are the scheme's).
    Timestamp,
    /// `{method}`: the HTTP method, upper-case (`GET`).
    Method,
    /// `{path}`: the request path with its query, exactly as sent (`/orders?limit=5`).
    Path,
    /// `{query}`: the query string without its `?`, exactly as sent.
    Query,
    /// `{body}`: the raw body bytes (empty when there is none).
    Body,
    /// `{body_sha256}`: lower-case hex of the body's SHA-256.
    BodySha256,
}

impl Field {
    /// Every field, in the order above.
    pub const ALL: [Field; 6] = [
        Field::Timestamp,
        Field::Method,
        Field::Path,
        Field::Query,
        Field::Body,
        Field::BodySha256,
    ];

    /// The name a template writes between braces.
    ///
    /// ```
    /// assert_eq!(sigmint_core::canonical::Field::BodySha256.name(), "body_sha256");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Field::Timestamp => "timestamp",
            Field::Method => "method",
            Field::Path => "path",
            Field::Query => "query",
            Field::Body => "body",
            Field::BodySha256 => "body_sha256",
        }
    }

    /// The field a template's name stands for.
    #[must_use]
    pub fn from_name(name: &[u8]) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name().as_bytes() == name)
    }
}
