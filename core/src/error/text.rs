//! The names and messages of [`ErrorKind`](super::ErrorKind), packed for flash (the
//! `error-text` feature).

/// Column `column` of [`TEXTS`](super::TEXTS) (0: names, 1: messages) in one string, with one 16-bit end
/// offset per text: on a 32-bit target that is 4 bytes per text instead of a pointer and a
/// length (8), about 0.3 KiB of flash less, with the same `const fn` accessors. The columns
/// are packed apart so that an image that shows only names holds no message text.
macro_rules! packed {
    ($column:expr) => {{
        const LEN: usize = packed_len($column);
        const BYTES_AND_ENDS: ([u8; LEN], [u16; super::TEXTS.len()]) = pack::<LEN>($column);
        const TEXT: &str = match core::str::from_utf8(&BYTES_AND_ENDS.0) {
            Ok(text) => text,
            Err(_) => panic!("error texts are UTF-8"),
        };
        (TEXT, &BYTES_AND_ENDS.1)
    }};
}

/// A packed column: its text and the end offset of each row's text in it.
type Packed = (&'static str, &'static [u16; super::TEXTS.len()]);

/// Every name, packed.
pub(super) const NAMES: Packed = packed!(0);
/// Every message, packed.
pub(super) const MESSAGES: Packed = packed!(1);

/// Row `row`'s text in column `column`.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build"
)]
const fn cell(row: usize, column: usize) -> &'static str {
    if column == 0 {
        super::TEXTS[row].0
    } else {
        super::TEXTS[row].1
    }
}

/// The length of column `column` packed.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "evaluated at compile time: an overflow fails the build"
)]
const fn packed_len(column: usize) -> usize {
    let mut len = 0;
    let mut row = 0;
    while row < super::TEXTS.len() {
        len += cell(row, column).len();
        row += 1;
    }
    len
}

/// Column `column` packed: its bytes, and each row's end offset.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "evaluated at compile time: an index out of bounds or an overflow fails the build"
)]
const fn pack<const LEN: usize>(column: usize) -> ([u8; LEN], [u16; super::TEXTS.len()]) {
    let mut bytes = [0u8; LEN];
    let mut ends = [0u16; super::TEXTS.len()];
    let mut at = 0;
    let mut row = 0;
    while row < super::TEXTS.len() {
        let text = cell(row, column).as_bytes();
        let mut i = 0;
        while i < text.len() {
            bytes[at] = text[i];
            at += 1;
            i += 1;
        }
        assert!(at <= u16::MAX as usize);
        ends[row] = at as u16;
        row += 1;
    }
    (bytes, ends)
}

/// Row `index` of a packed column.
pub(super) const fn text((packed, ends): Packed, index: usize) -> &'static str {
    let Some((before, [end, ..])) = ends.split_at_checked(index) else {
        return "";
    };
    let start = match before {
        [.., start] => *start,
        [] => 0,
    };
    // The offsets are those of whole ASCII texts: the fallbacks are never taken.
    match packed.split_at_checked(*end as usize) {
        Some((head, _)) => match head.split_at_checked(start as usize) {
            Some((_, text)) => text,
            None => "",
        },
        None => "",
    }
}
