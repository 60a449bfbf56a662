//! Names and documentation of an [`ErrorKind`] as the generated files spell them.

use sigmint_core::ErrorKind;

/// The variant's name, `InvalidSignature`.
pub(crate) fn camel(kind: ErrorKind) -> String {
    format!("{kind:?}")
}

/// The kind's documentation as lines of text (rustdoc links `[`Error::X`]` become `X`, code
/// spans stay in backquotes).
pub(crate) fn doc_lines(kind: ErrorKind) -> Vec<String> {
    kind.description()
        .lines()
        .map(|line| {
            line.trim()
                .replace("[`", "`")
                .replace("`]", "`")
                .replace("providers::error_message", "the provider error message")
        })
        .filter(|line| !line.is_empty())
        .collect()
}

/// The documentation joined into one paragraph.
pub(crate) fn doc(kind: ErrorKind) -> String {
    doc_lines(kind).join(" ")
}

/// `text` wrapped at `width` columns after `indent`, as lines (each with `indent` and
/// `prefix`).
pub(crate) fn wrap(text: &str, indent: &str, prefix: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + prefix.len() + line.len() + 1 + word.len() > width {
            lines.push(format!("{indent}{prefix}{line}"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(format!("{indent}{prefix}{line}"));
    }
    lines
}
