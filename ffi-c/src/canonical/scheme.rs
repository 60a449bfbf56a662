//! `sigmint_scheme`: a signing scheme in memory the caller owns, and the encodings of its
//! secret and tag.
//!
//! A scheme borrows its template and prefix texts from the caller. What it holds is checked by
//! core when it is made and again, cheaply, on every call that uses it (a preset's, which core
//! compiled in, is not parsed at all), so a scheme whose texts were changed since is refused
//! as core refuses such texts, never read as something it is not.

use core::ffi::c_char;
use core::mem::{align_of, size_of};
use core::ptr::{self, NonNull};

use sigmint_core::canonical::{Preset, Scheme, SecretEncoding, TagEncoding};

use crate::abi::args::{bytes, put, required, text_bytes, utf8};
use crate::abi::panic::ffi;
use crate::crypto::key::{install, sigmint_key};
use crate::result::{SIGMINT_RESULT_UNKNOWN_ENUM_VALUE, sigmint_result};

/// How a scheme's secret is written: one of the `SIGMINT_SECRET_ENCODING_*` values.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct sigmint_secret_encoding(u32);

/// The secret's bytes are the key (GitHub, Slack, Stripe, Shopify, Binance).
pub const SIGMINT_SECRET_ENCODING_RAW: sigmint_secret_encoding = sigmint_secret_encoding(0);
/// The secret is base64, either alphabet, padding optional (Fonbnk, Coinbase).
pub const SIGMINT_SECRET_ENCODING_BASE64: sigmint_secret_encoding = sigmint_secret_encoding(1);
/// The secret is hex, either case.
pub const SIGMINT_SECRET_ENCODING_HEX: sigmint_secret_encoding = sigmint_secret_encoding(2);

/// How a scheme writes its tag: one of the `SIGMINT_TAG_ENCODING_*` values.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct sigmint_tag_encoding(u32);

/// Standard base64 with padding, 44 characters (Fonbnk, Coinbase, Shopify).
pub const SIGMINT_TAG_ENCODING_BASE64: sigmint_tag_encoding = sigmint_tag_encoding(0);
/// URL-safe base64 without padding, 43 characters.
pub const SIGMINT_TAG_ENCODING_BASE64URL: sigmint_tag_encoding = sigmint_tag_encoding(1);
/// Lower-case hex, 64 characters (GitHub, Slack, Stripe, Binance); either case is accepted
/// when verifying.
pub const SIGMINT_TAG_ENCODING_HEX: sigmint_tag_encoding = sigmint_tag_encoding(2);

/// The longest prefix a scheme's signature may have, in bytes (`sha256=` is 7).
pub const SIGMINT_SCHEME_PREFIX_MAX_LEN: usize = 32;
/// The longest signature any scheme writes, in bytes: a prefix and 64 hex digits. A buffer
/// this long always holds a scheme's signature.
pub const SIGMINT_SCHEME_SIGNATURE_MAX_LEN: usize = SIGMINT_SCHEME_PREFIX_MAX_LEN + 64;

const _: () = assert!(SIGMINT_SCHEME_PREFIX_MAX_LEN == sigmint_core::canonical::PREFIX_MAX_LEN);
const _: () =
    assert!(SIGMINT_SCHEME_SIGNATURE_MAX_LEN == sigmint_core::canonical::SIGNATURE_MAX_LEN);

/// Size of a `sigmint_scheme` in bytes: what it holds takes 48 on 64-bit targets; the rest is
/// headroom, so that the struct, and the ABI, can stay the same when it grows.
pub const SIGMINT_SCHEME_SIZE: usize = 128;

/// A signing scheme, in memory the caller provides (on the stack, in a struct, static): what
/// is signed (a template), how the secret and the tag are written, and the tag's prefix.
///
/// Its contents are private: set them with `sigmint_scheme_init` or `sigmint_scheme_preset`.
/// A scheme made by `sigmint_scheme_init` borrows the template and prefix texts it was given:
/// they must stay readable, unchanged, as long as the scheme is used (a preset's texts are
/// static). A zeroed scheme (`sigmint_scheme s = {0};`) has an empty template, which every
/// function refuses with `SIGMINT_RESULT_MALFORMED_TEMPLATE`.
///
/// It holds no secret: copy it freely. Once made it is only read, so any number of threads
/// may use one scheme at once.
#[repr(C)]
pub struct sigmint_scheme {
    /// Opaque storage; the `uint64_t` element type gives it the alignment of a 64-bit integer.
    opaque: [u64; 16],
}

/// What a `sigmint_scheme` really holds. Every field is an integer or a raw pointer, for which
/// any bit pattern is valid: a scheme's memory is read as it is, then checked.
#[repr(C)]
#[derive(Clone, Copy)]
struct SchemeState {
    /// 0: the scheme of the fields below; `n`: core's preset `Preset::ALL[n - 1]`.
    preset: u32,
    secret: sigmint_secret_encoding,
    tag: sigmint_tag_encoding,
    template: *const c_char,
    template_len: usize,
    prefix: *const c_char,
    prefix_len: usize,
}

const _: () = assert!(size_of::<sigmint_scheme>() == SIGMINT_SCHEME_SIZE);
const _: () = assert!(size_of::<SchemeState>() <= size_of::<sigmint_scheme>());
const _: () = assert!(align_of::<SchemeState>() <= align_of::<sigmint_scheme>());

/// The core encoding a C value names.
fn secret_encoding(value: sigmint_secret_encoding) -> Result<SecretEncoding, sigmint_result> {
    match value {
        SIGMINT_SECRET_ENCODING_RAW => Ok(SecretEncoding::Raw),
        SIGMINT_SECRET_ENCODING_BASE64 => Ok(SecretEncoding::Base64),
        SIGMINT_SECRET_ENCODING_HEX => Ok(SecretEncoding::Hex),
        _ => Err(SIGMINT_RESULT_UNKNOWN_ENUM_VALUE),
    }
}

/// The C value of a core encoding.
fn c_secret_encoding(encoding: SecretEncoding) -> sigmint_secret_encoding {
    match encoding {
        SecretEncoding::Raw => SIGMINT_SECRET_ENCODING_RAW,
        SecretEncoding::Base64 => SIGMINT_SECRET_ENCODING_BASE64,
        SecretEncoding::Hex => SIGMINT_SECRET_ENCODING_HEX,
    }
}

/// The core encoding a C value names.
fn tag_encoding(value: sigmint_tag_encoding) -> Result<TagEncoding, sigmint_result> {
    match value {
        SIGMINT_TAG_ENCODING_BASE64 => Ok(TagEncoding::Base64),
        SIGMINT_TAG_ENCODING_BASE64URL => Ok(TagEncoding::Base64Url),
        SIGMINT_TAG_ENCODING_HEX => Ok(TagEncoding::Hex),
        _ => Err(SIGMINT_RESULT_UNKNOWN_ENUM_VALUE),
    }
}

/// The C value of a core encoding.
fn c_tag_encoding(encoding: TagEncoding) -> sigmint_tag_encoding {
    match encoding {
        TagEncoding::Base64 => SIGMINT_TAG_ENCODING_BASE64,
        TagEncoding::Base64Url => SIGMINT_TAG_ENCODING_BASE64URL,
        TagEncoding::Hex => SIGMINT_TAG_ENCODING_HEX,
    }
}

impl SchemeState {
    /// The core scheme this state stands for, checked by core.
    ///
    /// # Safety
    /// Unless NULL, `template` and `prefix` must be readable for their lengths during `'a`,
    /// and not written during `'a`.
    unsafe fn scheme<'a>(&self) -> Result<Scheme<'a>, sigmint_result> {
        if self.preset != 0 {
            return usize::try_from(self.preset)
                .ok()
                .and_then(|n| Preset::ALL.get(n.checked_sub(1)?))
                .map(|preset| preset.scheme())
                .ok_or(SIGMINT_RESULT_UNKNOWN_ENUM_VALUE);
        }
        let (secret, tag) = (secret_encoding(self.secret)?, tag_encoding(self.tag)?);
        // SAFETY: forwarded from the caller.
        let (template, prefix) = unsafe {
            (
                text_bytes(self.template, self.template_len)?,
                text_bytes(self.prefix, self.prefix_len)?,
            )
        };
        Ok(Scheme::new(utf8(template)?, secret, tag, utf8(prefix)?)?)
    }

    /// Writes this state to `scheme`, zeroing the rest of it.
    ///
    /// # Safety
    /// `scheme` must be valid for writes of a `sigmint_scheme`.
    unsafe fn store(self, scheme: NonNull<sigmint_scheme>) -> Result<(), sigmint_result> {
        // SAFETY: the caller guarantees `scheme` is writable; all zeros is a valid
        // `sigmint_scheme`, and `SchemeState` fits in it at its alignment (asserted above).
        unsafe {
            put(scheme, sigmint_scheme { opaque: [0; 16] })?;
            put(scheme.cast::<SchemeState>(), self)
        }
    }
}

/// The core scheme a `sigmint_scheme` holds, checked again by core.
///
/// # Safety
/// Unless NULL, `scheme` must point to a readable `sigmint_scheme` (made by
/// `sigmint_scheme_init` or `sigmint_scheme_preset`, or zeroed) whose texts are readable and
/// unchanged during `'a`.
pub(crate) unsafe fn scheme_ref<'a>(
    scheme: *const sigmint_scheme,
) -> Result<Scheme<'a>, sigmint_result> {
    let scheme = required(scheme.cast_mut())?;
    // SAFETY: not NULL and readable (the caller's guarantee), aligned for `SchemeState`
    // (asserted above); any bit pattern is a valid `SchemeState`.
    let state = unsafe { ptr::read(scheme.cast::<SchemeState>().as_ptr()) };
    // SAFETY: forwarded from the caller.
    unsafe { state.scheme() }
}

/// Makes `*scheme` the scheme that signs `template_text[0..template_len]` (literal text and
/// `{field}`s: `{timestamp}`, `{method}`, `{path}`, `{query}`, `{body}`, `{body_sha256}`; `{{`
/// and `}}` for braces), whose secret is written as `secret_encoding` says and whose signature
/// is `prefix[0..prefix_len]` (UTF-8, may be empty) followed by the tag written as
/// `tag_encoding` says.
///
/// The scheme borrows both texts: they must stay readable and unchanged as long as it is used.
/// `scheme` may be uninitialized memory; it is written only on success.
///
/// Returns `SIGMINT_RESULT_MALFORMED_TEMPLATE` for an empty template, an unclosed `{` or a lone
/// `}`, `SIGMINT_RESULT_UNKNOWN_TEMPLATE_FIELD` for a name between braces that is not a field,
/// `SIGMINT_RESULT_INVALID_PART` for a prefix longer than `SIGMINT_SCHEME_PREFIX_MAX_LEN` or not
/// visible ASCII, `SIGMINT_RESULT_UNKNOWN_ENUM_VALUE` for an encoding no constant names,
/// `SIGMINT_RESULT_INVALID_UTF8`.
///
/// # Safety
/// `scheme` must be writable for a `sigmint_scheme`; `template_text` and `prefix` must be
/// readable for their lengths, as long as the scheme is used.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_scheme_init(
    scheme: *mut sigmint_scheme,
    template_text: *const c_char,
    template_len: usize,
    secret_encoding: sigmint_secret_encoding,
    tag_encoding: sigmint_tag_encoding,
    prefix: *const c_char,
    prefix_len: usize,
) -> sigmint_result {
    ffi(|| {
        let out = required(scheme)?;
        let state = SchemeState {
            preset: 0,
            secret: secret_encoding,
            tag: tag_encoding,
            template: template_text,
            template_len,
            prefix,
            prefix_len,
        };
        // SAFETY: the caller guarantees both texts are readable for their lengths.
        unsafe { state.scheme() }?;
        // SAFETY: the caller guarantees `scheme` is writable.
        unsafe { state.store(out) }
    })
}

/// Makes `*scheme` the preset scheme named `name[0..name_len]`, in lower case: `fonbnk`
/// (`{timestamp}:{path}`, base64 secret, base64 tag), `coinbase`
/// (`{timestamp}{method}{path}{body}`, base64 secret, base64 tag), `binance`
/// (`{query}{body}`, hex tag), `github` (`{body}`, hex tag after `sha256=`), `slack`
/// (`v0:{timestamp}:{body}`, hex tag after `v0=`), `stripe` (`{timestamp}.{body}`, hex tag),
/// `shopify` (`{body}`, base64 tag); the last five take the secret as it is.
///
/// A preset's texts are static: the scheme borrows nothing. `scheme` may be uninitialized
/// memory; it is written only on success. Returns `SIGMINT_RESULT_UNKNOWN_SCHEME` for any other
/// name (`GitHub` included), `SIGMINT_RESULT_INVALID_UTF8`.
///
/// # Safety
/// `scheme` must be writable for a `sigmint_scheme`; `name` readable for `name_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_scheme_preset(
    scheme: *mut sigmint_scheme,
    name: *const c_char,
    name_len: usize,
) -> sigmint_result {
    ffi(|| {
        let out = required(scheme)?;
        // SAFETY: the caller guarantees `name` is readable for `name_len` bytes.
        let name = utf8(unsafe { text_bytes(name, name_len) }?)?;
        let preset = Preset::from_name(name)?;
        let index = Preset::ALL.iter().position(|p| *p == preset);
        let core = preset.scheme();
        let (template, prefix) = (core.template().as_str(), core.prefix());
        let state = SchemeState {
            preset: index
                .and_then(|i| u32::try_from(i).ok()?.checked_add(1))
                .ok_or(SIGMINT_RESULT_UNKNOWN_ENUM_VALUE)?,
            secret: c_secret_encoding(core.secret_encoding()),
            tag: c_tag_encoding(core.tag_encoding()),
            template: template.as_ptr().cast(),
            template_len: template.len(),
            prefix: prefix.as_ptr().cast(),
            prefix_len: prefix.len(),
        };
        // SAFETY: the caller guarantees `scheme` is writable.
        unsafe { state.store(out) }
    })
}

/// Initializes `key` from `secret[0..len]` decoded as `scheme` says its secrets are written
/// (as is, base64 or hex), for `sigmint_scheme_sign` and `sigmint_scheme_verify`.
///
/// `key` may be uninitialized memory; a key it already held is wiped and replaced. On failure
/// `key` is left as it was. Returns `SIGMINT_RESULT_EMPTY_KEY` for a secret that is empty or
/// decodes to nothing, `SIGMINT_RESULT_INVALID_BASE64` or `SIGMINT_RESULT_INVALID_HEX` for one
/// not in its encoding, and the scheme's errors (see `sigmint_scheme_init`).
///
/// # Safety
/// `scheme` must point to a `sigmint_scheme` whose texts are readable, `key` to a writable
/// `sigmint_key` that no other thread uses during the call, and `secret` must be readable for
/// `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_scheme_key(
    scheme: *const sigmint_scheme,
    key: *mut sigmint_key,
    secret: *const u8,
    len: usize,
) -> sigmint_result {
    ffi(|| {
        let key = required(key)?;
        // SAFETY: the caller guarantees `secret` is readable for `len` bytes and `scheme`
        // points to a `sigmint_scheme`.
        let (secret, scheme) = unsafe { (bytes(secret, len)?, scheme_ref(scheme)?) };
        let new = scheme.key(secret)?;
        // SAFETY: the caller guarantees `key` is a writable `sigmint_key` used only by us.
        unsafe { install(key, new) };
        Ok(())
    })
}

/// Writes to `*len` the length of every signature `scheme` writes: its prefix's and its tag's
/// (44 for base64, 43 for base64url, 64 for hex), at most `SIGMINT_SCHEME_SIGNATURE_MAX_LEN`.
///
/// Returns the scheme's errors (see `sigmint_scheme_init`).
///
/// # Safety
/// `scheme` must point to a `sigmint_scheme` whose texts are readable; `len` must be writable
/// for a `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_scheme_signature_len(
    scheme: *const sigmint_scheme,
    len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        let out = required(len)?;
        // SAFETY: the caller guarantees `scheme` points to a `sigmint_scheme`.
        let scheme = unsafe { scheme_ref(scheme) }?;
        // SAFETY: the caller guarantees `len` is writable.
        unsafe { put(out, scheme.signature_len()) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::{
        SIGMINT_RESULT_INVALID_PART, SIGMINT_RESULT_MALFORMED_TEMPLATE,
        SIGMINT_RESULT_NULL_PARAMETER, SIGMINT_RESULT_OK, SIGMINT_RESULT_UNKNOWN_SCHEME,
        SIGMINT_RESULT_UNKNOWN_TEMPLATE_FIELD,
    };

    fn zeroed() -> sigmint_scheme {
        sigmint_scheme { opaque: [0; 16] }
    }

    fn init(scheme: &mut sigmint_scheme, template: &str, prefix: &str) -> sigmint_result {
        // SAFETY: `scheme` is writable; both texts are readable for their lengths.
        unsafe {
            sigmint_scheme_init(
                scheme,
                template.as_ptr().cast(),
                template.len(),
                SIGMINT_SECRET_ENCODING_HEX,
                SIGMINT_TAG_ENCODING_BASE64URL,
                prefix.as_ptr().cast(),
                prefix.len(),
            )
        }
    }

    #[test]
    fn schemes_are_checked_when_made_and_used() {
        let mut scheme = zeroed();
        // SAFETY: `scheme` is a zeroed sigmint_scheme: an empty template, no texts.
        assert_eq!(
            unsafe { scheme_ref(&scheme) }.err(),
            Some(SIGMINT_RESULT_MALFORMED_TEMPLATE)
        );
        assert_eq!(
            init(&mut scheme, "{nope}", ""),
            SIGMINT_RESULT_UNKNOWN_TEMPLATE_FIELD
        );
        assert_eq!(
            init(&mut scheme, "{body", ""),
            SIGMINT_RESULT_MALFORMED_TEMPLATE
        );
        assert_eq!(
            init(&mut scheme, "{body}", "a b"),
            SIGMINT_RESULT_INVALID_PART
        );
        assert_eq!(
            scheme.opaque,
            [0; SIGMINT_SCHEME_SIZE / 8],
            "written on failure"
        );
        let (template, prefix) = ("{timestamp}.{body}", "t=");
        assert_eq!(init(&mut scheme, template, prefix), SIGMINT_RESULT_OK);
        // SAFETY: `scheme` borrows `template` and `prefix`, which outlive it.
        let core = unsafe { scheme_ref(&scheme) }.unwrap();
        assert_eq!(
            core,
            Scheme::new(
                template,
                SecretEncoding::Hex,
                TagEncoding::Base64Url,
                prefix
            )
            .unwrap()
        );
        for preset in Preset::ALL {
            let name = preset.name();
            // SAFETY: `scheme` is writable, `name` readable for its length.
            let result =
                unsafe { sigmint_scheme_preset(&mut scheme, name.as_ptr().cast(), name.len()) };
            assert_eq!(result, SIGMINT_RESULT_OK);
            // SAFETY: a preset's texts are static.
            assert_eq!(unsafe { scheme_ref(&scheme) }, Ok(preset.scheme()));
        }
        // SAFETY: as above; NULL on purpose.
        unsafe {
            assert_eq!(
                sigmint_scheme_preset(&mut scheme, c"GitHub".as_ptr(), 6),
                SIGMINT_RESULT_UNKNOWN_SCHEME
            );
            assert_eq!(
                sigmint_scheme_preset(ptr::null_mut(), c"github".as_ptr(), 6),
                SIGMINT_RESULT_NULL_PARAMETER
            );
            assert_eq!(
                scheme_ref(ptr::null()).err(),
                Some(SIGMINT_RESULT_NULL_PARAMETER)
            );
        }
        // A preset marker no preset has.
        let mut state = SchemeState {
            preset: 99,
            secret: SIGMINT_SECRET_ENCODING_RAW,
            tag: SIGMINT_TAG_ENCODING_HEX,
            template: ptr::null(),
            template_len: 0,
            prefix: ptr::null(),
            prefix_len: 0,
        };
        // SAFETY: no texts are read.
        assert_eq!(
            unsafe { state.scheme() }.err(),
            Some(SIGMINT_RESULT_UNKNOWN_ENUM_VALUE)
        );
        state.preset = 0;
        state.secret = sigmint_secret_encoding(3);
        // SAFETY: no texts are read.
        assert_eq!(
            unsafe { state.scheme() }.err(),
            Some(SIGMINT_RESULT_UNKNOWN_ENUM_VALUE)
        );
    }
}
