//! Partner APIs: how each one wants its requests built and signed, and what its answers hold.
//!
//! Parsers read a response body in place (nothing is copied or allocated): strings come back
//! as `json::Value`s borrowing the body, to compare with `Value::str_eq` or unescape with
//! `Value::to_str`. A body that carries the provider's error instead of the expected fields
//! gives [`Error::ProviderError`](crate::Error::ProviderError);
//! `error_message` extracts the provider's text. Fonbnk's request signing is always here; the
//! rest needs the `providers` feature (on by default).

#[cfg(feature = "providers")]
mod answer;
pub mod fonbnk;
#[cfg(feature = "providers")]
pub mod mygiro;
#[cfg(feature = "providers")]
pub mod sfox;

#[cfg(feature = "providers")]
mod request;

#[cfg(feature = "providers")]
pub use answer::{MAX_RESPONSE_LEN, error_message};
#[cfg(feature = "providers")]
pub(crate) use answer::{
    optional_str, parse_object, required_object, required_plain_str, required_str, trim_whitespace,
};
#[cfg(feature = "providers")]
pub(crate) use request::{write_bearer, write_path_segment};
