//! Fonbnk: request signatures, endpoints, bodies, headers, the server side, user tokens, KYC,
//! and the pay widget's signature.

pub(crate) mod api;
pub(crate) mod headers;
pub(crate) mod kyc;
pub(crate) mod request;
pub(crate) mod sign;
pub(crate) mod tokens;
pub(crate) mod verify;
pub(crate) mod widget;
