//! Writes the files the bindings derive from core's one error table ([`ErrorKind::ALL`]):
//! the C API's `SIGMINT_RESULT_*` constants and their texts (`ffi-c/src/result/codes.rs`)
//! and Python's exception classes (`ffi-python/python/sigmint/_errors.py`).
//!
//! `cargo run -p sigmint-codegen` rewrites them; `cargo run -p sigmint-codegen -- --check`
//! (and this crate's test, which `make test` runs) fails when a committed file is not what
//! the table gives.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sigmint_core::ErrorKind;

mod c;
mod python;
mod text;

/// A generated file: its path from the workspace root, and its contents.
struct Output {
    path: &'static str,
    contents: String,
}

fn outputs() -> [Output; 2] {
    [
        Output {
            path: "ffi-c/src/result/codes.rs",
            contents: c::codes(&ErrorKind::ALL),
        },
        Output {
            path: "ffi-python/python/sigmint/_errors.py",
            contents: python::errors(&ErrorKind::ALL),
        },
    ]
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The generated files whose committed copy differs from what the table gives.
fn stale() -> Vec<&'static str> {
    outputs()
        .into_iter()
        .filter(|out| {
            std::fs::read_to_string(root().join(out.path)).ok() != Some(out.contents.clone())
        })
        .map(|out| out.path)
        .collect()
}

fn main() -> ExitCode {
    if std::env::args().any(|arg| arg == "--check") {
        let stale = stale();
        for path in &stale {
            eprintln!("{path} is stale: run `cargo run -p sigmint-codegen`");
        }
        return if stale.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    for out in outputs() {
        if let Err(err) = std::fs::write(root().join(out.path), out.contents) {
            eprintln!("{}: {err}", out.path);
            return ExitCode::FAILURE;
        }
        println!("wrote {}", out.path);
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    #[test]
    fn committed_files_are_what_the_table_gives() {
        assert_eq!(
            super::stale(),
            Vec::<&str>::new(),
            "run `cargo run -p sigmint-codegen`"
        );
    }
}
