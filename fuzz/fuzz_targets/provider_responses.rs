//! Every provider parser and the RFC 3339 parser on arbitrary bytes: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigmint_core::providers::{error_message, fonbnk, mygiro, sfox};
use sigmint_core::time::parse_rfc3339;

fuzz_target!(|body: &[u8]| {
    let mut scratch = [0u8; 2048];
    let _ = fonbnk::parse_user_tokens(body, &mut scratch);
    if let Ok(state) = fonbnk::parse_kyc_state(body) {
        let _ = (
            state.status(),
            state.documents().count(),
            state.rules().count(),
        );
    }
    let _ = fonbnk::parse_kyc_submit(body);
    let _ = sfox::parse_user_token(body);
    let _ = mygiro::parse_access_token(body);
    let _ = error_message(body, &mut scratch);
    if let Ok(text) = core::str::from_utf8(body) {
        let _ = parse_rfc3339(text);
    }
});
