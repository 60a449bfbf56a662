//! JOSE: compact JWS with HMAC ([`jws`]) and JWTs on top of it ([`jwt`]).

pub mod jws;
pub mod jwt;
