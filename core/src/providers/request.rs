//! Writing the parts of a partner's request that every provider shares: path segments and
//! bearer credentials.

use crate::Error;
use crate::sink::Sink;

/// Writes `segment` as one URL path segment: RFC 3986 unreserved characters
/// (`A-Z a-z 0-9 - . _ ~`) as they are, every other UTF-8 byte as `%XX`.
pub(crate) fn write_path_segment(segment: &str, sink: &mut dyn Sink) -> Result<(), Error> {
    crate::codec::percent::encode(segment, false, sink)
}

/// Checks a credential that goes into an `Authorization: Bearer` header as-is.
pub(crate) fn check_bearer(credential: &str) -> Result<(), Error> {
    if credential.is_empty() || !credential.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Error::InvalidField {
            field: "Authorization",
        });
    }
    Ok(())
}

fn write_bearer_to(credential: &str, sink: &mut dyn Sink) -> Result<(), Error> {
    check_bearer(credential)?;
    sink.put(b"Bearer ")?;
    sink.put(credential.as_bytes())
}

/// Writes `Bearer {credential}`.
pub(crate) fn write_bearer<'o>(credential: &str, out: &'o mut [u8]) -> Result<&'o str, Error> {
    crate::sink::write_exact(out, |sink| write_bearer_to(credential, sink))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // The shared percent-encoder in its path-segment mode, against RFC 3986 byte by byte.
        #[test]
        fn path_segments_match_rfc_3986(segment in "\\PC{0,24}") {
            extern crate std;
            let mut expected = std::string::String::new();
            for b in segment.bytes() {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    expected.push(char::from(b));
                } else {
                    expected.push_str(&std::format!("%{b:02X}"));
                }
            }
            let mut buf = [0u8; 256];
            let written =
                crate::sink::write_exact(&mut buf, |s| write_path_segment(&segment, s)).unwrap();
            proptest::prop_assert_eq!(written, expected.as_str());
        }
    }

    #[test]
    fn path_segments_and_bearer() {
        let mut buf = [0u8; 64];
        let seg =
            crate::sink::write_exact(&mut buf, |s| write_path_segment("a b/c?é~", s)).unwrap();
        assert_eq!(seg, "a%20b%2Fc%3F%C3%A9~");
        assert_eq!(write_bearer("k3y", &mut buf), Ok("Bearer k3y"));
        let invalid = Err(Error::InvalidField {
            field: "Authorization",
        });
        assert_eq!(write_bearer("k y", &mut buf), invalid);
        assert_eq!(write_bearer("", &mut buf), invalid);
    }
}
