//! The hand-written JSON reader on arbitrary bytes: never a panic or a stack overflow, and
//! every accepted document can be walked completely.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigmint_core::json::{self, Kind, Value};

fn walk(value: Value<'_>, budget: &mut usize) {
    *budget = budget.saturating_sub(1);
    if *budget == 0 {
        return;
    }
    match value.kind() {
        Kind::Object => {
            for (key, v) in value.members() {
                assert_eq!(key.kind(), Kind::String);
                // Copying a key measures it first: a short buffer is told the length, which
                // then suffices.
                match key.copy_str(&mut []) {
                    Err(sigmint_core::Error::BufferTooSmall { needed }) => {
                        let mut room = std::vec![0u8; needed];
                        assert_eq!(key.copy_str(&mut room).map(str::len), Ok(needed));
                    }
                    other => assert_eq!(other.map(str::len), Ok(0)),
                }
                // Lookups find each member (keys are unique in accepted documents), through
                // a path too when no dot makes the name ambiguous.
                let mut name = [0u8; 64];
                if let Ok(name) = key.to_str(&mut name) {
                    assert_eq!(value.get(name).map(|found| found.raw()), Some(v.raw()));
                    if !name.contains('.') {
                        assert_eq!(value.path(name).map(|found| found.raw()), Some(v.raw()));
                    }
                }
                walk(v, budget);
            }
        }
        Kind::Array => value.elements().for_each(|v| walk(v, budget)),
        Kind::String => {
            let mut buf = [0u8; 64];
            let _ = value.to_str(&mut buf);
        }
        Kind::Number => {
            let text = value.number_text().unwrap_or_default();
            if !text.contains(['.', 'e', 'E']) {
                let expected = text
                    .parse::<i64>()
                    .map_err(|_| sigmint_core::Error::IntegerOverflow);
                assert_eq!(value.as_i64(), expected);
            }
        }
        Kind::Bool | Kind::Null => {}
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = json::validate(data, json::MAX_DEPTH) {
        walk(doc, &mut 10_000);
    }
});
