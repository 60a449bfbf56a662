//! Fonbnk requests: endpoint, JSON body and signed headers, ready for any HTTP client.

use crate::Error;
use crate::json::writer::ObjectWriter;
use crate::query::Pairs;
use crate::sink::{Sink, write_exact};

use super::{Headers, Signer};

/// Which Fonbnk deployment to talk to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    /// `https://sandbox-api.fonbnk.com`
    Sandbox,
    /// `https://api.fonbnk.com`
    Production,
}

impl Environment {
    /// Every environment, in [`Environment::id`] order.
    pub const ALL: [Environment; 2] = [Environment::Sandbox, Environment::Production];

    /// A stable number for bindings: 0 for the sandbox (so a zeroed value is the sandbox), 1
    /// for production.
    #[must_use]
    pub const fn id(self) -> u32 {
        self as u32
    }

    /// The environment with this [`Environment::id`].
    #[must_use]
    pub fn from_id(id: u32) -> Option<Environment> {
        Environment::ALL.into_iter().find(|e| e.id() == id)
    }

    /// The name bindings give it: `SANDBOX`, `PRODUCTION`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Environment::Sandbox => "SANDBOX",
            Environment::Production => "PRODUCTION",
        }
    }

    /// The base URL, without a trailing `/`.
    #[must_use]
    pub const fn base_url(self) -> &'static str {
        match self {
            Environment::Sandbox => "https://sandbox-api.fonbnk.com",
            Environment::Production => "https://api.fonbnk.com",
        }
    }
}

/// The endpoints sigmint builds requests for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// `POST /api/v2/user/tokens`: access and refresh tokens for a user (created on first sight).
    UserTokensV2,
    /// `POST /api/user/tokens` (API v1.5).
    UserTokens,
    /// `POST /api/user/kyc/status` (API v1.5).
    KycStatus,
    /// `POST /api/user/kyc/submit` (API v1.5).
    KycSubmit,
}

impl Endpoint {
    /// Every endpoint, in [`Endpoint::id`] order.
    pub const ALL: [Endpoint; 4] = [
        Endpoint::UserTokensV2,
        Endpoint::UserTokens,
        Endpoint::KycStatus,
        Endpoint::KycSubmit,
    ];

    /// A stable number for bindings, from 1.
    #[must_use]
    pub const fn id(self) -> u32 {
        (self as u32).saturating_add(1)
    }

    /// The endpoint with this [`Endpoint::id`].
    #[must_use]
    pub fn from_id(id: u32) -> Option<Endpoint> {
        Endpoint::ALL.into_iter().find(|e| e.id() == id)
    }

    /// The name bindings give it: `USER_TOKENS_V2`, `USER_TOKENS`, `KYC_STATUS`, `KYC_SUBMIT`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Endpoint::UserTokensV2 => "USER_TOKENS_V2",
            Endpoint::UserTokens => "USER_TOKENS",
            Endpoint::KycStatus => "KYC_STATUS",
            Endpoint::KycSubmit => "KYC_SUBMIT",
        }
    }

    /// The path (what is signed: these endpoints take no query).
    #[must_use]
    pub const fn path(self) -> &'static str {
        match self {
            Endpoint::UserTokensV2 => "/api/v2/user/tokens",
            Endpoint::UserTokens => "/api/user/tokens",
            Endpoint::KycStatus => "/api/user/kyc/status",
            Endpoint::KycSubmit => "/api/user/kyc/submit",
        }
    }

    /// The HTTP method.
    #[must_use]
    pub const fn method(self) -> &'static str {
        "POST"
    }
}

/// A signed request: send `body` to `base_url + path` with `method`, the three signature
/// headers and `Content-Type: application/json`.
#[derive(Clone, Debug)]
pub struct Request<'b> {
    /// Which endpoint.
    pub endpoint: Endpoint,
    /// `x-client-id`, `x-timestamp`, `x-signature`.
    pub headers: Headers<'b>,
    /// The JSON body (not signed: Fonbnk signs the timestamp and endpoint only).
    pub body: &'b str,
}

impl Request<'_> {
    /// The `Content-Type` every Fonbnk request carries.
    pub const CONTENT_TYPE: &'static str = "application/json";
}

/// Signs a request to `endpoint` at `timestamp_ms` carrying `body` (written by
/// [`UserQuery::write_json`] or [`KycSubmission::write_json`]).
///
/// ```
/// use sigmint_core::providers::fonbnk::{self, Endpoint, Signer, UserQuery};
///
/// let signer = Signer::new("client-id", "bXktY2xpZW50LXNlY3JldA==")?;
/// let mut body = [0u8; 128];
/// let body = UserQuery { email: "testuser+ng@fonbnk.com", country_iso_code: "NG" }.write_json(&mut body)?;
/// let request = fonbnk::sign_request(&signer, Endpoint::UserTokensV2, 1_765_454_073_000, body)?;
/// assert_eq!(request.body, r#"{"email":"testuser+ng@fonbnk.com","countryIsoCode":"NG"}"#);
/// assert_eq!(request.headers.timestamp(), "1765454073000");
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// Those of [`Signer::headers`].
pub fn sign_request<'b>(
    signer: &'b Signer,
    endpoint: Endpoint,
    timestamp_ms: u64,
    body: &'b str,
) -> Result<Request<'b>, Error> {
    Ok(Request {
        endpoint,
        headers: signer.headers(timestamp_ms, endpoint.path())?,
        body,
    })
}

/// Refuses an empty email (the provider keys users by it).
fn check_email(email: &str) -> Result<(), Error> {
    if crate::providers::trim_whitespace(email).is_empty() {
        return Err(Error::InvalidField { field: "email" });
    }
    Ok(())
}

/// Refuses anything but an ISO 3166-1 alpha-2 code (two upper-case letters).
fn check_country(code: &str) -> Result<(), Error> {
    match code.as_bytes() {
        [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Ok(()),
        _ => Err(Error::InvalidField {
            field: "countryIsoCode",
        }),
    }
}

/// The body of [`Endpoint::UserTokensV2`], [`Endpoint::UserTokens`] and
/// [`Endpoint::KycStatus`]: `{"email": …, "countryIsoCode": …}`.
#[derive(Clone, Copy, Debug)]
pub struct UserQuery<'a> {
    /// The user's email.
    pub email: &'a str,
    /// ISO 3166-1 alpha-2 country code, such as `NG`.
    pub country_iso_code: &'a str,
}

impl UserQuery<'_> {
    fn write(&self, sink: &mut dyn Sink) -> Result<(), Error> {
        check_email(self.email)?;
        check_country(self.country_iso_code)?;
        let mut obj = ObjectWriter::new(sink);
        obj.string_member("email", self.email)?;
        obj.string_member("countryIsoCode", self.country_iso_code)?;
        obj.finish()
    }

    /// Writes the JSON body into `out`.
    ///
    /// # Errors
    /// [`Error::InvalidField`] for an empty email or a country code that is not two upper-case
    /// letters; [`Error::BufferTooSmall`] (`out` untouched).
    pub fn write_json<'o>(&self, out: &'o mut [u8]) -> Result<&'o str, Error> {
        write_exact(out, |sink| self.write(sink))
    }
}

/// The body of [`Endpoint::KycSubmit`]: `{"email": …, "documentId": …, "userFields": {…}}`,
/// the fields written from the caller's pairs, in order.
#[derive(Clone, Copy, Debug)]
pub struct KycSubmission<'a, P> {
    /// The user's email.
    pub email: &'a str,
    /// The `_id` of the KYC document type being submitted (from [`super::KycState::documents`]).
    pub document_id: &'a str,
    /// The document's required fields, `(name, value)`, such as `("first_name", "Ada")`.
    pub user_fields: P,
}

impl<'a, P: Pairs<'a>> KycSubmission<'a, P> {
    fn write(&self, sink: &mut dyn Sink) -> Result<(), Error> {
        check_email(self.email)?;
        if self.document_id.is_empty() {
            return Err(Error::InvalidField {
                field: "documentId",
            });
        }
        // A field named twice is refused before anything is written, so a size query reports
        // it too (fields are few: the pairwise check costs nothing).
        for (i, (name, _)) in self.user_fields.clone().into_iter().enumerate() {
            let later = self
                .user_fields
                .clone()
                .into_iter()
                .skip(i.saturating_add(1));
            if later.into_iter().any(|(other, _)| other == name) {
                return Err(Error::DuplicateKey);
            }
        }
        let mut obj = ObjectWriter::new(sink);
        obj.string_member("email", self.email)?;
        obj.string_member("documentId", self.document_id)?;
        obj.key("userFields")?;
        let mut fields = ObjectWriter::new(&mut *obj.w);
        for (name, value) in self.user_fields.clone() {
            fields.string_member(name, value)?;
        }
        fields.finish()?;
        obj.finish()
    }

    /// Writes the JSON body into `out`.
    ///
    /// # Errors
    /// [`Error::InvalidField`] for an empty email or document id; [`Error::DuplicateKey`] for
    /// a field name given twice; [`Error::BufferTooSmall`] (`out` untouched).
    pub fn write_json<'o>(&self, out: &'o mut [u8]) -> Result<&'o str, Error> {
        write_exact(out, |sink| self.write(sink))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_dense_and_distinct() {
        for (i, endpoint) in Endpoint::ALL.into_iter().enumerate() {
            assert_eq!(endpoint.id() as usize, i + 1);
            assert_eq!(Endpoint::from_id(endpoint.id()), Some(endpoint));
            assert!(endpoint.path().starts_with("/api/"));
        }
        for (i, env) in Environment::ALL.into_iter().enumerate() {
            assert_eq!(env.id() as usize, i);
            assert_eq!(Environment::from_id(env.id()), Some(env));
        }
        assert_eq!((Endpoint::from_id(0), Endpoint::from_id(5)), (None, None));
        assert_eq!(Environment::from_id(2), None);
        assert_eq!(Endpoint::KycSubmit.name(), "KYC_SUBMIT");
    }

    #[test]
    fn bodies_escape_and_check() {
        let mut buf = [0u8; 256];
        let q = UserQuery {
            email: "a\"b\\c\u{1}é@x",
            country_iso_code: "NG",
        };
        let body = q.write_json(&mut buf).unwrap();
        assert_eq!(
            body,
            "{\"email\":\"a\\\"b\\\\c\\u0001é@x\",\"countryIsoCode\":\"NG\"}"
        );
        let needed = body.len();
        assert_eq!(
            q.write_json(&mut buf[..needed - 1]),
            Err(Error::BufferTooSmall { needed })
        );
        for (email, country, field) in [
            ("", "NG", "email"),
            (" ", "NG", "email"),
            ("a@b", "ng", "countryIsoCode"),
            ("a@b", "NGA", "countryIsoCode"),
            ("a@b", "", "countryIsoCode"),
        ] {
            let q = UserQuery {
                email,
                country_iso_code: country,
            };
            assert_eq!(q.write_json(&mut buf), Err(Error::InvalidField { field }));
        }
        let kyc = KycSubmission {
            email: "a@b",
            document_id: "67da909b739fc481aa525c43",
            user_fields: [("first_name", "Adé"), ("dob", "1954-01-02")],
        };
        let body = kyc.write_json(&mut buf).unwrap();
        assert_eq!(
            body,
            r#"{"email":"a@b","documentId":"67da909b739fc481aa525c43","userFields":{"first_name":"Adé","dob":"1954-01-02"}}"#
        );
        let needed = body.len();
        assert_eq!(
            kyc.write_json(&mut []),
            Err(Error::BufferTooSmall { needed })
        );
        let dup = KycSubmission {
            user_fields: [("a", "1"), ("a", "2")],
            ..kyc
        };
        assert_eq!(dup.write_json(&mut buf), Err(Error::DuplicateKey));
        let empty = KycSubmission {
            email: kyc.email,
            document_id: kyc.document_id,
            user_fields: core::iter::empty(),
        };
        assert!(
            empty
                .write_json(&mut buf)
                .unwrap()
                .ends_with(r#""userFields":{}}"#)
        );
    }
}
