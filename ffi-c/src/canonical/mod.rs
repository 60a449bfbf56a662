//! Signing schemes: a template of request parts (`{timestamp}:{path}`, `v0:{timestamp}:{body}`),
//! how the secret and the tag are written, and a prefix; the partners' presets by name;
//! signing, verifying and showing the string to sign. The engine is core's
//! (`sigmint_core::canonical`); this module moves C buffers in and out.

pub(crate) mod parts;
pub(crate) mod scheme;
pub(crate) mod sign;
