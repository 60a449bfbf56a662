//! Compact JWS and HS256 JWTs.

pub(crate) mod jws;
pub(crate) mod jwt;
