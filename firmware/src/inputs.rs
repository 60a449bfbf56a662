//! The larger inputs of the `footprint` image. `baseline` keeps them too, so that
//! `footprint - baseline` counts core's code and constants, not these test inputs.

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

/// All of them, for `baseline`.
pub const ALL: [&[u8]; 6] = [
    SECRET.as_bytes(),
    TOKEN.as_bytes(),
    TOKEN_KEY,
    SFOX_BODY.as_bytes(),
    MYGIRO_BODY.as_bytes(),
    KYC_BODY.as_bytes(),
];
