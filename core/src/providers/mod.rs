//! Partner APIs: how each one wants its requests signed.

pub mod fonbnk;
