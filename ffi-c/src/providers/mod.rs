//! The partner APIs: Fonbnk, sFOX and Mygiro requests and answers, and a provider's own error
//! text.

pub(crate) mod error_message;
pub(crate) mod fonbnk;
pub(crate) mod mygiro;
pub(crate) mod sfox;
