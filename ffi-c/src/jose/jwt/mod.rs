//! HS256 JWTs: verifying and validating them (`sigmint_jwt_validation`), and minting them.

pub(crate) mod mint;
pub(crate) mod validation;
pub(crate) mod verify;
