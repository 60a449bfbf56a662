//! The inputs of the `footprint` image: every argument it passes to core, in one static that
//! `baseline` keeps too, so that `footprint - baseline` counts core's code and constants, not
//! these test inputs.
//!
//! `footprint` reads them through one pointer the optimizer cannot see through
//! (`black_box(&INPUTS)`), so nothing is folded away, at the cost of a load per argument: an
//! optimization barrier around each argument instead cost a spill and a reload, over a
//! kilobyte of harness code counted as core's.

/// A Fonbnk client secret (base64).
pub const SECRET: &str = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0=";
/// An HS256 token signed with [`TOKEN_KEY`].
pub const TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyRGF0YSI6eyJ1c2VybmFtZSI6InVzZXIjLWhsRjNmek8iLCJfaWQiOiI2OTI4MWQ0ZjE4NjEzYmM5ZGU3MmVkOGUiLCJpc0RldlVzZXIiOmZhbHNlLCJjb3VudHJ5SXNvQ29kZSI6Ik5HIiwiaXNBbWJhc3NhZG9yIjpmYWxzZSwiZW1haWwiOiJ0ZXN0dXNlcituZ0Bmb25ibmsuY29tIn0sInR5cGUiOiJhY2Nlc3MiLCJ1aWQiOiIwMUtDNk02TTJEVkZSSzkxNUtZUTdQQkJBUCIsImlhdCI6MTc2NTQ1NDA3MywiZXhwIjo0MTAyNDQ0ODAwfQ.IdpPN2d8X3-jscfk2xS_MoSOvat2eeouMRL90ERQTqE";
/// The key of [`TOKEN`].
pub const TOKEN_KEY: &[u8] = b"fonbnk-test-signing-key-0123456789abcdef";
/// An sFOX user-token answer.
pub const SFOX_BODY: &str = r#"{"data":{"token":"bcf5ab","partner_user_id":"client_1","expires":"2024-05-14T19:22:09.901Z"}}"#;
/// A Mygiro access-token answer.
pub const MYGIRO_BODY: &str = r#"{"status":"success","data":{"token":"t","type":"bearer","createdAt":"2019-12-07T01:12:02.315Z"}}"#;
/// A Fonbnk KYC-status answer.
pub const KYC_BODY: &str =
    r#"{"kycStatus":"approved","passedKycType":"basic","reachedKycLimit":false,"kycDocuments":[]}"#;

/// Every argument `footprint` passes to core. Plain data: core's own types are built in
/// `footprint` from these.
pub struct Inputs {
    /// A base64 secret.
    pub secret: &'static str,
    /// A raw key.
    pub raw_key: &'static [u8],
    /// A message in three parts.
    pub message: [&'static [u8]; 3],
    /// A tag that matches nothing.
    pub zero_tag: [u8; 32],
    /// Bytes to encode.
    pub bytes: &'static [u8],
    /// A query pair.
    pub pair: (&'static str, &'static str),
    /// A Fonbnk path.
    pub path: &'static str,
    /// Two timestamps, in milliseconds.
    pub times_ms: [u64; 2],
    /// How far apart they may be.
    pub window: core::time::Duration,
    /// A Fonbnk client id.
    pub client_id: &'static str,
    /// An `x-signature` value received.
    pub signature: &'static str,
    /// An email.
    pub email: &'static str,
    /// A country code.
    pub country: &'static str,
    /// A KYC document id and one field.
    pub document: (&'static str, (&'static str, &'static str)),
    /// The key of [`TOKEN`].
    pub token_key: &'static [u8],
    /// An HS256 token.
    pub token: &'static str,
    /// The expected `type` claim.
    pub token_type: &'static str,
    /// Claims a token must have.
    pub required: &'static [&'static str],
    /// The clock, Unix seconds, and the leeway.
    pub now: (i64, u64),
    /// Accepted audiences and issuers (none: the checks still run, on opaque values).
    pub audiences_issuers: (
        Option<&'static [&'static str]>,
        Option<&'static [&'static str]>,
    ),
    /// A claim path.
    pub claim_path: &'static str,
    /// An audience.
    pub audience: &'static str,
    /// New claims: `sub`, `aud`, `exp` and `iat`.
    pub new_claims: (&'static str, &'static [&'static str], i64, i64),
    /// New claims: string claims and extra JSON.
    pub more_claims: (&'static [(&'static str, &'static str)], &'static [u8]),
    /// A JOSE header and a claims JSON of the caller's.
    pub header_and_claims: (&'static [u8], &'static [u8]),
    /// A pay-widget `uid`.
    pub uid: &'static str,
    /// A JSON text.
    pub json: &'static [u8],
    /// Provider answers: an empty object, KYC state, KYC submission, sFOX, Mygiro, an error.
    pub bodies: [&'static [u8]; 6],
    /// sFOX user id and API key; Mygiro user id, account id, JWT and tag.
    pub ids: [&'static str; 6],
    /// An RFC 3339 date.
    pub date: &'static str,
}

/// The inputs.
pub static INPUTS: Inputs = Inputs {
    secret: SECRET,
    raw_key: b"raw key",
    message: [b"1765454073000", b":", b"/api"],
    zero_tag: [0; 32],
    bytes: b"bytes",
    pair: ("email", "test user+ng@fonbnk.com"),
    path: "/api/v2/order-limits",
    times_ms: [1_765_454_073_000, 1_765_454_074_000],
    window: core::time::Duration::from_secs(300),
    client_id: "client-id",
    signature: "dfThVIzZgIuyXiGZDMw+A8D+HlcYPz+QAZMu3H5ApKw=",
    email: "testuser+ng@fonbnk.com",
    country: "NG",
    document: ("67da909b739fc481aa525c43", ("first_name", "Ada")),
    token_key: TOKEN_KEY,
    token: TOKEN,
    token_type: "access",
    required: &["exp", "uid"],
    now: (1_765_454_133, 10),
    audiences_issuers: (None, None),
    claim_path: "userData.email",
    audience: "pos",
    new_claims: ("terminal-42", &["pos"], 1_765_455_000, 1_765_454_100),
    more_claims: (&[("type", "access")], br#"{"n":1}"#),
    header_and_claims: (br#"{"alg":"HS256","kid":"k1"}"#, b"{}"),
    uid: "0b6e8f2e-1f7a-4c2a-9d55-5d8f0f3b7c11",
    json: b"[1,{\"a\":null}]",
    bodies: [
        b"{}",
        KYC_BODY.as_bytes(),
        b"{\"success\":true}",
        SFOX_BODY.as_bytes(),
        MYGIRO_BODY.as_bytes(),
        br#"{"message":"no"}"#,
    ],
    ids: ["client 1", "key", "u/1", "a b", "jwt", "Bkg-KeqSuf"],
    date: "2024-05-14T19:22:09.901Z",
};
