//! Fonbnk's endpoints and deployments: the path, method and base URL of each request.
//!
//! Endpoints and environments are plain `uint32_t` values in C (like `sigmint_result`), so
//! any value can be passed: one no constant names is `SIGMINT_RESULT_UNKNOWN_ENUM_VALUE`.

use sigmint_core::providers::fonbnk::{Endpoint, Environment, Request};

use crate::abi::args::{put, required};
use crate::abi::panic::ffi;
use crate::abi::strs::sigmint_str;
use crate::abi::views::{static_text, static_view};
use crate::result::{SIGMINT_RESULT_UNKNOWN_ENUM_VALUE, sigmint_result};

/// A Fonbnk endpoint sigmint builds requests for: one of the `SIGMINT_FONBNK_ENDPOINT_*`
/// values.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct sigmint_fonbnk_endpoint_id(u32);

/// `POST /api/v2/user/tokens`: access and refresh tokens for a user (created on first sight);
/// body `sigmint_fonbnk_user_query_json`, answer `sigmint_fonbnk_parse_user_tokens`.
pub const SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2: sigmint_fonbnk_endpoint_id =
    sigmint_fonbnk_endpoint_id(1);
/// `POST /api/user/tokens` (API v1.5); as `SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2`.
pub const SIGMINT_FONBNK_ENDPOINT_USER_TOKENS: sigmint_fonbnk_endpoint_id =
    sigmint_fonbnk_endpoint_id(2);
/// `POST /api/user/kyc/status` (API v1.5); body `sigmint_fonbnk_user_query_json`, answer
/// `sigmint_fonbnk_parse_kyc_state`.
pub const SIGMINT_FONBNK_ENDPOINT_KYC_STATUS: sigmint_fonbnk_endpoint_id =
    sigmint_fonbnk_endpoint_id(3);
/// `POST /api/user/kyc/submit` (API v1.5); body `sigmint_fonbnk_kyc_submission_json`, answer
/// `sigmint_fonbnk_parse_kyc_submit`.
pub const SIGMINT_FONBNK_ENDPOINT_KYC_SUBMIT: sigmint_fonbnk_endpoint_id =
    sigmint_fonbnk_endpoint_id(4);

/// A Fonbnk deployment: `SIGMINT_FONBNK_ENV_SANDBOX` (0, so a zeroed value is the sandbox) or
/// `SIGMINT_FONBNK_ENV_PRODUCTION`.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct sigmint_fonbnk_environment(u32);

/// `https://sandbox-api.fonbnk.com`
pub const SIGMINT_FONBNK_ENV_SANDBOX: sigmint_fonbnk_environment = sigmint_fonbnk_environment(0);
/// `https://api.fonbnk.com`
pub const SIGMINT_FONBNK_ENV_PRODUCTION: sigmint_fonbnk_environment = sigmint_fonbnk_environment(1);

// The C values are literals, for the header; they are core's ids.
const _: () = {
    assert!(SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2.0 == Endpoint::UserTokensV2.id());
    assert!(SIGMINT_FONBNK_ENDPOINT_USER_TOKENS.0 == Endpoint::UserTokens.id());
    assert!(SIGMINT_FONBNK_ENDPOINT_KYC_STATUS.0 == Endpoint::KycStatus.id());
    assert!(SIGMINT_FONBNK_ENDPOINT_KYC_SUBMIT.0 == Endpoint::KycSubmit.id());
    assert!(SIGMINT_FONBNK_ENV_SANDBOX.0 == Environment::Sandbox.id());
    assert!(SIGMINT_FONBNK_ENV_PRODUCTION.0 == Environment::Production.id());
};

/// The NUL-terminated texts of `$texts` (a const fn of an endpoint or environment) for
/// each of `$all` (core's list, of four or two): C's getters hand out C strings too.
macro_rules! nul_terminated_each {
    ($all:expr, $texts:ident, 4) => {
        [
            static_text!($all[0].$texts()),
            static_text!($all[1].$texts()),
            static_text!($all[2].$texts()),
            static_text!($all[3].$texts()),
        ]
    };
    ($all:expr, $texts:ident, 2) => {
        [
            static_text!($all[0].$texts()),
            static_text!($all[1].$texts()),
        ]
    };
}

/// Each endpoint's path and method, in `Endpoint::ALL` order.
static PATHS: [&[u8]; 4] = nul_terminated_each!(Endpoint::ALL, path, 4);
static METHODS: [&[u8]; 4] = nul_terminated_each!(Endpoint::ALL, method, 4);
/// Each environment's base URL, in `Environment::ALL` order.
static BASE_URLS: [&[u8]; 2] = nul_terminated_each!(Environment::ALL, base_url, 2);

/// The `Content-Type` of every Fonbnk request, NUL-terminated.
static CONTENT_TYPE: &[u8] = static_text!(Request::CONTENT_TYPE);

/// The core endpoint `id` names.
pub(crate) fn endpoint(id: sigmint_fonbnk_endpoint_id) -> Result<Endpoint, sigmint_result> {
    Endpoint::from_id(id.0).ok_or(SIGMINT_RESULT_UNKNOWN_ENUM_VALUE)
}

/// The static text of `id` in `texts` (one per endpoint, in `Endpoint::ALL` order).
fn endpoint_text(
    id: sigmint_fonbnk_endpoint_id,
    texts: &'static [&'static [u8]; 4],
) -> Result<sigmint_str, sigmint_result> {
    Endpoint::ALL
        .iter()
        .zip(texts)
        .find(|(endpoint, _)| endpoint.id() == id.0)
        .map(|(_, text)| static_view(text))
        .ok_or(SIGMINT_RESULT_UNKNOWN_ENUM_VALUE)
}

/// Points `*path` at the path of `endpoint`, such as `/api/v2/user/tokens`: a static text,
/// NUL-terminated too (so `path->ptr` is also a C string). It is also what Fonbnk signs (these
/// endpoints take no query).
///
/// Returns `SIGMINT_RESULT_UNKNOWN_ENUM_VALUE` for a value no `SIGMINT_FONBNK_ENDPOINT_*`
/// names.
///
/// # Safety
/// `path` must be writable for a `sigmint_str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_endpoint_path(
    endpoint: sigmint_fonbnk_endpoint_id,
    path: *mut sigmint_str,
) -> sigmint_result {
    ffi(|| {
        let path = required(path)?;
        let text = endpoint_text(endpoint, &PATHS)?;
        // SAFETY: the caller guarantees `path` is writable.
        unsafe { put(path, text) }
    })
}

/// Points `*method` at the HTTP method of `endpoint` (`POST`): a static text, NUL-terminated
/// too.
///
/// Returns `SIGMINT_RESULT_UNKNOWN_ENUM_VALUE` for a value no `SIGMINT_FONBNK_ENDPOINT_*`
/// names.
///
/// # Safety
/// `method` must be writable for a `sigmint_str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_endpoint_method(
    endpoint: sigmint_fonbnk_endpoint_id,
    method: *mut sigmint_str,
) -> sigmint_result {
    ffi(|| {
        let method = required(method)?;
        let text = endpoint_text(endpoint, &METHODS)?;
        // SAFETY: the caller guarantees `method` is writable.
        unsafe { put(method, text) }
    })
}

/// Points `*url` at the base URL of `environment`, without a trailing `/`
/// (`https://sandbox-api.fonbnk.com`): a static text, NUL-terminated too. A request goes to
/// the base URL followed by the endpoint's path.
///
/// Returns `SIGMINT_RESULT_UNKNOWN_ENUM_VALUE` for a value no `SIGMINT_FONBNK_ENV_*` names.
///
/// # Safety
/// `url` must be writable for a `sigmint_str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_base_url(
    environment: sigmint_fonbnk_environment,
    url: *mut sigmint_str,
) -> sigmint_result {
    ffi(|| {
        let url = required(url)?;
        let text = Environment::ALL
            .iter()
            .zip(&BASE_URLS)
            .find(|(e, _)| e.id() == environment.0)
            .map(|(_, text)| static_view(text))
            .ok_or(SIGMINT_RESULT_UNKNOWN_ENUM_VALUE)?;
        // SAFETY: the caller guarantees `url` is writable.
        unsafe { put(url, text) }
    })
}

/// Points `*content_type` at the `Content-Type` every Fonbnk request carries
/// (`application/json`): a static text, NUL-terminated too.
///
/// # Safety
/// `content_type` must be writable for a `sigmint_str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_content_type(
    content_type: *mut sigmint_str,
) -> sigmint_result {
    ffi(|| {
        let content_type = required(content_type)?;
        // SAFETY: the caller guarantees `content_type` is writable.
        unsafe { put(content_type, static_view(CONTENT_TYPE)) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::{SIGMINT_RESULT_NULL_PARAMETER, SIGMINT_RESULT_OK};
    use core::ffi::CStr;
    use core::ptr;

    fn text(s: sigmint_str) -> &'static str {
        // SAFETY: the getters return static NUL-terminated texts.
        let c = unsafe { CStr::from_ptr(s.ptr) }.to_str().unwrap();
        assert_eq!(c.len(), s.len);
        c
    }

    #[test]
    fn every_endpoint_and_environment() {
        let mut s = crate::abi::views::ABSENT;
        for e in Endpoint::ALL {
            let id = sigmint_fonbnk_endpoint_id(e.id());
            // SAFETY: `s` is writable.
            unsafe {
                assert_eq!(sigmint_fonbnk_endpoint_path(id, &mut s), SIGMINT_RESULT_OK);
                assert_eq!(text(s), e.path());
                assert_eq!(
                    sigmint_fonbnk_endpoint_method(id, &mut s),
                    SIGMINT_RESULT_OK
                );
                assert_eq!(text(s), "POST");
            }
        }
        // SAFETY: `s` is writable, or NULL on purpose.
        unsafe {
            assert_eq!(
                sigmint_fonbnk_base_url(SIGMINT_FONBNK_ENV_PRODUCTION, &mut s),
                SIGMINT_RESULT_OK
            );
            assert_eq!(text(s), "https://api.fonbnk.com");
            assert_eq!(
                sigmint_fonbnk_base_url(SIGMINT_FONBNK_ENV_SANDBOX, &mut s),
                SIGMINT_RESULT_OK
            );
            assert_eq!(text(s), "https://sandbox-api.fonbnk.com");
            assert_eq!(sigmint_fonbnk_content_type(&mut s), SIGMINT_RESULT_OK);
            assert_eq!(text(s), "application/json");
            for bad in [0, 5, u32::MAX] {
                assert_eq!(
                    sigmint_fonbnk_endpoint_path(sigmint_fonbnk_endpoint_id(bad), &mut s),
                    SIGMINT_RESULT_UNKNOWN_ENUM_VALUE
                );
            }
            assert_eq!(
                sigmint_fonbnk_base_url(sigmint_fonbnk_environment(2), &mut s),
                SIGMINT_RESULT_UNKNOWN_ENUM_VALUE
            );
            assert_eq!(
                sigmint_fonbnk_endpoint_path(SIGMINT_FONBNK_ENDPOINT_KYC_SUBMIT, ptr::null_mut()),
                SIGMINT_RESULT_NULL_PARAMETER
            );
        }
    }
}
