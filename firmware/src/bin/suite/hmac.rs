//! RFC 4231 HMAC-SHA256, all seven cases: tag, verification, the message in pieces, and the
//! truncated tag of case 5 refused.

use sigmint_core::{Error, Key};

use crate::check::{Report, hex_eq};
use crate::vectors::RFC4231;

pub fn run(r: &mut Report, _: &mut crate::Buffers) {
    r.check(RFC4231.len() == 7, "rfc4231", "seven cases");
    for case in RFC4231 {
        let key = r.stack("Key::new", || Key::new(case.key));
        let Some(key) = r.ok(key, case.name, "key") else {
            continue;
        };
        let tag = r.stack("Key::sign", || key.sign(&[case.data]));
        r.check(hex_eq(tag.as_bytes(), case.tag_hex), case.name, "tag");
        let verified = r.stack("Key::verify", || key.verify(&[case.data], tag.as_bytes()));
        r.ok(verified, case.name, "verify");
        // The same message in two pieces, and streamed through `Signing`.
        let (a, b) = case.data.split_at(case.data.len() / 2);
        r.ok(
            key.verify(&[a, b], tag.as_bytes()),
            case.name,
            "verify in pieces",
        );
        let mut signing = key.start();
        signing.update(a);
        signing.update(b);
        r.check(
            hex_eq(signing.finish().as_bytes(), case.tag_hex),
            case.name,
            "streamed tag",
        );
        if let Some(truncated) = case.truncated {
            r.err(
                key.verify(&[case.data], truncated),
                Error::InvalidSignature,
                case.name,
                "truncated tag refused",
            );
        }
        // One flipped bit anywhere must fail.
        let mut wrong = *tag.as_bytes();
        if let Some(last) = wrong.last_mut() {
            *last ^= 1;
        }
        r.err(
            key.verify(&[case.data], &wrong),
            Error::InvalidSignature,
            case.name,
            "flipped bit refused",
        );
    }
    r.err(Key::new(b""), Error::EmptyKey, "empty key", "refused");
}
