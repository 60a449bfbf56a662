//! Integration tests for sigmint live in `tests/`; this library only anchors them, and runs
//! the README's Rust example as a doctest so it cannot go stale.

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;
