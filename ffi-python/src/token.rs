//! JWS/JWT functions behind `sigmint.jwt` and `sigmint.jws`.
//!
//! Core decodes, verifies and validates; this module converts. Claims come back as Python
//! objects built straight from core's JSON reader (no `json.loads` round trip), and claims to
//! mint are written as JSON here, byte for byte as `json.dumps(obj, separators=(",", ":"))`
//! writes them (PyJWT's encoding), then handed to core, which checks and signs them.
//!
//! The PyJWT-style argument handling (options, defaults, clock, leeway, key checks) is
//! `python/sigmint/jwt.py`'s. Its steps for the arguments most calls pass are repeated here
//! ([`jwt_decode_common`], [`jwt_encode_common`]) so that such a call is one call into Rust
//! rather than a dozen Python steps first: on a microsecond-scale decode those steps cost as
//! much as the decode. Anything else, and every refusal of an argument, stays with the
//! Python code (a test compares the two paths argument by argument).

use std::io::Write as _;
use std::ops::Deref;
use std::time::Duration;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyModule, PyString, PyTuple};
use sigmint_core::json::{self, Kind, Value};
use sigmint_core::jws::{self, Algorithm, Limits};
use sigmint_core::jwt::{self, Claims, Validation};
use sigmint_core::time::UnixSeconds;
use sigmint_core::{Error, Key};

use crate::{Utf8, bytes_like, check, core_error, secret_text, text, type_error, utf8};

/// The algorithm list core gets: HS256 when the caller allowed it, else none (every token
/// is then refused as not allowed, as PyJWT does for an alg missing from `algorithms`).
fn allowed(hs256: bool) -> &'static [Algorithm] {
    if hs256 { &[Algorithm::Hs256] } else { &[] }
}

/// A token argument, `str` or `bytes` (the Python half refuses other types as PyJWT does).
/// Bytes that are not UTF-8 cannot be base64url: a malformed token.
fn token_text<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<Utf8<'a>> {
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return std::str::from_utf8(bytes.as_bytes())
            .map(Utf8::InPlace)
            .map_err(|_| core_error(obj.py(), Error::MalformedToken));
    }
    text(obj, "token")
}

/// A key argument as bytes: `str` as UTF-8, any bytes-like object as is, `None` as empty
/// (which core refuses as `EmptyKey`, as PyJWT refuses its default `""` key).
fn key_bytes<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    if obj.is_none() {
        Ok(PyBytes::new(obj.py(), b""))
    } else if obj.is_instance_of::<PyString>() {
        secret_text(obj, "key")
    } else {
        bytes_like(obj, "key")
    }
}

/// A value of a validated JSON document as a Python object: object -> dict (in order),
/// array -> list, string -> str, integer -> int (any size), other number -> float (correctly
/// rounded from the text, as `json.loads`), true/false/null -> bool/None. Recursion is
/// bounded by the document's validated depth (at most `json::MAX_DEPTH`).
fn to_py<'py>(py: Python<'py>, value: Value<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value.kind() {
        Kind::Object => object_to_dict(py, value)?.into_any(),
        Kind::Array => {
            let items = value
                .elements()
                .map(|element| to_py(py, element))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Kind::String => string_to_py(py, value)?.into_any(),
        Kind::Number => number_to_py(py, value.raw())?,
        Kind::Bool => PyBool::new(py, value.as_bool() == Some(true))
            .to_owned()
            .into_any(),
        Kind::Null => py.None().into_bound(py),
    })
}

/// A JSON object as a dict, members in document order (core refused duplicate keys).
pub(crate) fn object_to_dict<'py>(
    py: Python<'py>,
    value: Value<'_>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (key, member) in value.members() {
        dict.set_item(string_to_py(py, key)?, to_py(py, member)?)?;
    }
    Ok(dict)
}

/// A JSON string value as `str`, escapes (surrogate pairs included) resolved.
pub(crate) fn string_to_py<'py>(
    py: Python<'py>,
    value: Value<'_>,
) -> PyResult<Bound<'py, PyString>> {
    let raw = value.raw();
    let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
    if !inner.contains('\\') {
        return Ok(PyString::new(py, inner));
    }
    let chars = value
        .chars()
        .ok_or_else(|| core_error(py, Error::InvalidJson))?;
    Ok(PyString::new(py, &chars.collect::<String>()))
}

/// A JSON number as `int` (written without fraction or exponent) or `float`.
pub(crate) fn number_to_py<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    if text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
        // Rust's parser rounds correctly, as Python's float() (hence json.loads) does.
        let float = text
            .parse::<f64>()
            .map_err(|_| core_error(py, Error::InvalidJson))?;
        return Ok(PyFloat::new(py, float).into_any());
    }
    if let Ok(int) = text.parse::<i64>() {
        return Ok(int.into_pyobject(py)?.into_any());
    }
    // Beyond 64 bits: Python's int() reads any size, as json.loads does. Python refuses
    // integers of more than 4300 digits (sys.set_int_max_str_digits): that is core's
    // IntegerOverflow here (PyJWT reports it as a DecodeError too).
    py.get_type::<PyInt>()
        .call1((text,))
        .map_err(|_| core_error(py, Error::IntegerOverflow))
}

/// Core's `MissingClaim` as `sigmint.MissingClaimError(claim)`, naming the claim as PyJWT's
/// `MissingRequiredClaimError.claim` does: the first required claim that is absent or null,
/// else `aud` or `iss` when one was expected and the token has none (core checks them in
/// that order).
fn claims_error(py: Python<'_>, error: Error, claims: &Claims<'_>, v: &Validation<'_>) -> PyErr {
    if error != Error::MissingClaim {
        return core_error(py, error);
    }
    let absent = |name: &str| {
        claims
            .claim(name)
            .is_none_or(|value| value.kind() == Kind::Null)
    };
    let claim = v
        .required
        .iter()
        .copied()
        .find(|name| absent(name))
        .or_else(|| (v.verify_aud && v.audience.is_some() && absent("aud")).then_some("aud"))
        .unwrap_or("iss");
    match crate::error_class(py, error) {
        Ok(class) => PyErr::from_type(class, (claim.to_owned(),)),
        Err(_) => core_error(py, error),
    }
}

/// `jwt_decode(...)`: the claims of an HS256 JWT as a dict, after core verified the signature
/// (unless `verify_signature` is false) and validated the claims. `sigmint.jwt.decode`
/// computes every argument from PyJWT's; `now` and `leeway` are whole seconds.
#[pyfunction]
#[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)]
#[pyo3(signature = (
    token, key, verify_signature, hs256, now, leeway, verify_exp, verify_nbf, verify_iat,
    verify_aud, verify_iss, required, audience, issuer, typ, token_type, max_token_len,
    max_depth,
))]
pub(crate) fn jwt_decode<'py>(
    py: Python<'py>,
    token: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
    verify_signature: bool,
    hs256: bool,
    now: i64,
    leeway: u64,
    verify_exp: bool,
    verify_nbf: bool,
    verify_iat: bool,
    verify_aud: bool,
    verify_iss: bool,
    required: Vec<String>,
    audience: Option<Vec<String>>,
    issuer: Option<Vec<String>>,
    typ: Option<String>,
    token_type: Option<String>,
    max_token_len: usize,
    max_depth: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let token = token_text(token)?;
    let key = if verify_signature {
        Some(key_bytes(key)?)
    } else {
        None
    };
    let required: Vec<&str> = required.iter().map(String::as_str).collect();
    let audience: Option<Vec<&str>> = audience
        .as_ref()
        .map(|names| names.iter().map(String::as_str).collect());
    let issuer: Option<Vec<&str>> = issuer
        .as_ref()
        .map(|names| names.iter().map(String::as_str).collect());
    let validation = Validation {
        now: UnixSeconds(now),
        leeway: Duration::from_secs(leeway),
        verify_exp,
        verify_nbf,
        verify_iat,
        verify_aud,
        verify_iss,
        required: &required,
        audience: audience.as_deref(),
        issuer: issuer.as_deref(),
        typ: typ.as_deref(),
        token_type: token_type.as_deref(),
        algorithms: allowed(hs256),
        limits: Limits {
            max_token_len,
            max_depth,
        },
    };
    decode_claims(
        py,
        &token,
        key.as_ref().map(|key| key.as_bytes()),
        &validation,
    )
}

/// The claims of `token` as a dict, after core verified its signature with `key` (`None`:
/// not verified) and validated them.
fn decode_claims<'py>(
    py: Python<'py>,
    token: &str,
    key: Option<&[u8]>,
    validation: &Validation<'_>,
) -> PyResult<Bound<'py, PyDict>> {
    // Zeroed with calloc, so an oversized token (refused by core first) costs no page writes.
    let mut scratch = vec![0u8; jws::scratch_len(token)];
    let Some(key) = key else {
        let (header, claims) = check(
            py,
            jwt::dangerous_unverified(token, &mut scratch, &validation.limits),
        )?;
        claims
            .validate(&header, validation)
            .map_err(|error| claims_error(py, error, &claims, validation))?;
        return object_to_dict(py, claims.json());
    };
    let key = check(py, Key::new(key))?;
    match jwt::decode(token, &mut scratch, &key, validation) {
        Ok(verified) => object_to_dict(py, verified.claims().json()),
        Err(Error::MissingClaim) => {
            // The signature verified (validation comes after it): read the claims again
            // to name the missing one.
            let mut again = vec![0u8; jws::scratch_len(token)];
            Err(
                match jwt::dangerous_unverified(token, &mut again, &validation.limits) {
                    Ok((_, claims)) => claims_error(py, Error::MissingClaim, &claims, validation),
                    Err(error) => core_error(py, error),
                },
            )
        }
        Err(error) => Err(core_error(py, error)),
    }
}

/// Keys that begin so are OpenSSH public keys.
pub(crate) const ASYMMETRIC_KEY_PREFIXES: [&str; 6] = [
    "ssh-ed25519",
    "ssh-rsa",
    "ssh-dss",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
];
/// Keys that hold these are PEM (or SSH2) keys or certificates.
pub(crate) const ASYMMETRIC_KEY_MARKERS: [&str; 2] = ["-----BEGIN ", "---- BEGIN "];

/// Whether `key` is an asymmetric key or certificate, which PyJWT (and `sigmint.jwt`, with
/// the lists above) refuses as an HMAC secret: the RS256 -> HS256 confusion.
fn is_asymmetric(key: &[u8]) -> bool {
    let starts_with_marker = |rest: &[u8]| {
        ASYMMETRIC_KEY_MARKERS
            .iter()
            .any(|marker| rest.starts_with(marker.as_bytes()))
    };
    ASYMMETRIC_KEY_PREFIXES
        .iter()
        .any(|prefix| key.starts_with(prefix.as_bytes()))
        // Every marker starts with '-': only those places can begin one.
        || (0..key.len())
            .filter(|&at| key.get(at) == Some(&b'-'))
            .any(|at| key.get(at..).is_some_and(starts_with_marker))
}

/// HS256's minimum recommended key length, in bytes (PyJWT's `enforce_minimum_key_length`).
const MIN_KEY_LEN: usize = 32;

/// A `str` or `bytes` key that `sigmint.jwt`'s own key checks accept, as bytes (a `str` as
/// UTF-8); `None` for any other key, which its general path handles (and refuses or hands
/// to core as it does).
fn common_key<'py>(key: &Bound<'py, PyAny>, minimum_length: bool) -> Option<Bound<'py, PyBytes>> {
    let bytes = if key.is_exact_instance_of::<PyBytes>() {
        key.cast::<PyBytes>().ok()?.clone()
    } else if key.is_exact_instance_of::<PyString>() {
        secret_text(key, "key").ok()?
    } else {
        return None;
    };
    let len = bytes.as_bytes().len();
    if is_asymmetric(bytes.as_bytes()) || (minimum_length && 0 < len && len < MIN_KEY_LEN) {
        return None;
    }
    Some(bytes)
}

/// `bool(options.get(name, default))` for a dict (`None`: no options).
fn option_flag(
    options: Option<&Bound<'_, PyDict>>,
    name: &Bound<'_, PyString>,
    default: bool,
) -> Option<bool> {
    match options
        .map(|options| options.get_item(name))
        .transpose()
        .ok()?
        .flatten()
    {
        Some(value) => value.is_truthy().ok(),
        None => Some(default),
    }
}

/// `list(options.get("require") or ())`, when that is a list or tuple of `str`.
fn required_claims(options: Option<&Bound<'_, PyDict>>) -> Option<Vec<String>> {
    let value = options
        .map(|options| options.get_item(intern!(options.py(), "require")))
        .transpose()
        .ok()?
        .flatten();
    let Some(value) = value.filter(|value| value.is_truthy().unwrap_or(true)) else {
        return Some(Vec::new());
    };
    let names = if let Ok(list) = value.cast_exact::<PyList>() {
        list.iter().collect::<Vec<_>>()
    } else {
        value.cast_exact::<PyTuple>().ok()?.iter().collect()
    };
    names
        .iter()
        .map(|name| Some(utf8(name.cast_exact::<PyString>().ok()?).ok()?.to_owned()))
        .collect()
}

/// `int(time.time())`, the clock `sigmint.jwt.decode` reads by default, looked up on each
/// call as its Python code does (so a patched `time.time` is honoured).
fn time_now(py: Python<'_>) -> Option<i64> {
    static TIME: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let module = TIME
        .get_or_try_init(py, || py.import("time").map(Bound::unbind))
        .ok()?;
    let now = module
        .bind(py)
        .getattr(intern!(py, "time"))
        .ok()?
        .call0()
        .ok()?;
    let now = now.cast_exact::<PyFloat>().ok()?.value();
    // `int()` truncates toward zero, as `as` does within range.
    #[allow(clippy::cast_possible_truncation)]
    (now.is_finite() && now.abs() < 9.0e18).then_some(now as i64)
}

/// An exact `int` that fits `T`.
fn exact_int<T>(obj: &Bound<'_, PyAny>) -> Option<T>
where
    for<'a, 'py> T: FromPyObject<'a, 'py>,
{
    obj.is_exact_instance_of::<PyInt>()
        .then(|| obj.extract::<T>().ok())
        .flatten()
}

/// `None`, or a `str`'s text.
fn optional_text<'a>(obj: &'a Bound<'_, PyAny>) -> Option<Option<Utf8<'a>>> {
    if obj.is_none() {
        return Some(None);
    }
    utf8(obj.cast::<PyString>().ok()?).ok().map(Some)
}

/// The text of a `str` or `bytes` token (`_check_token`'s types).
fn common_token<'a>(jwt: &'a Bound<'_, PyAny>) -> Option<Utf8<'a>> {
    if let Ok(token) = jwt.cast::<PyString>() {
        return utf8(token).ok();
    }
    std::str::from_utf8(jwt.cast::<PyBytes>().ok()?.as_bytes())
        .ok()
        .map(Utf8::InPlace)
}

/// Unwraps what the common path can take, else leaves the call to the general path.
macro_rules! common {
    ($value:expr) => {
        match $value {
            Some(value) => value,
            None => return Ok(None),
        }
    };
}

/// `jwt_decode_common(jwt, key, algorithms, options, leeway, audience, issuer, now, subject,
/// typ, token_type, max_token_len, max_depth)`: `sigmint.jwt.decode` in one call for the
/// arguments most calls pass: options `None` or a dict without a true `strict_aud`; a `str`
/// or `bytes` key that its key checks accept; `int` (or default) `now` and `leeway`; one
/// `str` (or no) audience and issuer; no `subject`. For any other call, and for any call its
/// argument checks would refuse, `None` before anything is decoded: `decode`'s general path
/// then handles it, raising what it raises. The steps are the general path's, in its order.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (
    jwt, key, algorithms, options, leeway, audience, issuer, now, subject, typ, token_type,
    max_token_len, max_depth,
))]
pub(crate) fn jwt_decode_common<'py>(
    py: Python<'py>,
    jwt: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
    algorithms: &Bound<'py, PyAny>,
    options: &Bound<'py, PyAny>,
    leeway: &Bound<'py, PyAny>,
    audience: &Bound<'py, PyAny>,
    issuer: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
    subject: &Bound<'py, PyAny>,
    typ: &Bound<'py, PyAny>,
    token_type: &Bound<'py, PyAny>,
    max_token_len: &Bound<'py, PyAny>,
    max_depth: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    let token = common!(common_token(jwt));
    let options = if options.is_none() {
        None
    } else {
        Some(common!(options.cast_exact::<PyDict>().ok()))
    };
    let verify_signature = common!(option_flag(options, intern!(py, "verify_signature"), true));
    // PyJWT's per-claim switches, each defaulting to `verify_signature`.
    let names = [
        intern!(py, "verify_exp"),
        intern!(py, "verify_nbf"),
        intern!(py, "verify_iat"),
        intern!(py, "verify_aud"),
        intern!(py, "verify_iss"),
        intern!(py, "verify_sub"),
    ];
    let mut flags = [verify_signature; 6];
    for (flag, name) in flags.iter_mut().zip(names) {
        *flag = common!(option_flag(options, name, verify_signature));
    }
    let [
        verify_exp,
        verify_nbf,
        verify_iat,
        verify_aud,
        verify_iss,
        verify_sub,
    ] = flags;
    let required = common!(required_claims(options));
    if common!(option_flag(options, intern!(py, "strict_aud"), false)) {
        return Ok(None);
    }
    let minimum_key_length = common!(option_flag(
        options,
        intern!(py, "enforce_minimum_key_length"),
        false
    ));
    let mut hs256 = false;
    let mut key_bytes = None;
    if verify_signature {
        if !common!(algorithms.is_truthy().ok()) {
            return Ok(None);
        }
        // A str (exactly: a subclass could compare otherwise), or a list or tuple, which
        // `in` reads without consuming (the general path may have to ask again).
        hs256 = if let Ok(alg) = algorithms.cast_exact::<PyString>() {
            utf8(alg).is_ok_and(|alg| &*alg == "HS256")
        } else if algorithms.is_exact_instance_of::<PyList>()
            || algorithms.is_exact_instance_of::<PyTuple>()
        {
            common!(algorithms.contains(intern!(py, "HS256")).ok())
        } else {
            return Ok(None);
        };
        key_bytes = Some(common!(common_key(key, minimum_key_length)));
    }
    let now = if now.is_none() {
        common!(time_now(py))
    } else {
        common!(exact_int::<i64>(now))
    };
    let leeway = common!(exact_int::<i64>(leeway).and_then(|s| u64::try_from(s).ok()));
    let audience = common!(optional_text(audience));
    let issuer = common!(optional_text(issuer));
    if verify_sub && !subject.is_none() {
        return Ok(None);
    }
    let typ = common!(optional_text(typ));
    let token_type = common!(optional_text(token_type));
    let limits = Limits {
        max_token_len: common!(max_token_len.extract::<usize>().ok()),
        max_depth: common!(max_depth.extract::<usize>().ok()),
    };
    let required: Vec<&str> = required.iter().map(String::as_str).collect();
    let audience = audience.as_deref();
    let issuer = issuer.as_deref();
    let validation = Validation {
        now: UnixSeconds(now),
        leeway: Duration::from_secs(leeway),
        verify_exp,
        verify_nbf,
        verify_iat,
        verify_aud,
        verify_iss,
        required: &required,
        audience: audience.as_ref().map(std::slice::from_ref),
        issuer: issuer.as_ref().map(std::slice::from_ref),
        typ: typ.as_deref(),
        token_type: token_type.as_deref(),
        algorithms: allowed(hs256),
        limits,
    };
    decode_claims(
        py,
        &token,
        key_bytes.as_ref().map(|key| key.as_bytes()),
        &validation,
    )
    .map(Some)
}

/// `jws_decode(token, key, verify_signature, hs256, max_token_len, max_depth)`: the payload
/// bytes of a compact HS256 JWS (any payload, JSON or not).
#[pyfunction]
#[pyo3(signature = (token, key, verify_signature, hs256, max_token_len, max_depth))]
pub(crate) fn jws_decode<'py>(
    py: Python<'py>,
    token: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
    verify_signature: bool,
    hs256: bool,
    max_token_len: usize,
    max_depth: usize,
) -> PyResult<Bound<'py, PyBytes>> {
    let token = token_text(token)?;
    let limits = Limits {
        max_token_len,
        max_depth,
    };
    let mut header = vec![0u8; jws::header_scratch_len(&token)];
    let unverified = check(py, jws::decode(&token, &mut header, &limits))?;
    let mut payload = vec![0u8; unverified.payload_len()];
    let payload = if verify_signature {
        let key = key_bytes(key)?;
        let key = check(py, Key::new(key.as_bytes()))?;
        let verified = check(py, unverified.verify(&key, allowed(hs256)))?;
        check(py, verified.decode_payload(&mut payload))?
    } else {
        check(py, unverified.dangerous_decode_payload(&mut payload))?
    };
    Ok(PyBytes::new(py, payload))
}

/// `jws_header(token, max_token_len, max_depth)`: a token's header as a dict, unverified.
/// The token must still be three strict base64url segments with a well-formed header.
#[pyfunction]
#[pyo3(signature = (token, max_token_len, max_depth))]
pub(crate) fn jws_header<'py>(
    py: Python<'py>,
    token: &Bound<'py, PyAny>,
    max_token_len: usize,
    max_depth: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let token = token_text(token)?;
    let limits = Limits {
        max_token_len,
        max_depth,
    };
    let mut header = vec![0u8; jws::header_scratch_len(&token)];
    let unverified = check(py, jws::decode(&token, &mut header, &limits))?;
    object_to_dict(py, unverified.header().json())
}

/// `jwt_encode(header, payload, key, sort_header_keys)`: an HS256 JWT of `payload` (a dict)
/// with `header` (a dict; `alg` must be `HS256`), both written as `json.dumps(obj,
/// separators=(",", ":"))` writes them, the header's keys sorted when asked (PyJWT's
/// `sort_headers`). Core checks both and signs.
#[pyfunction]
#[pyo3(signature = (header, payload, key, sort_header_keys))]
pub(crate) fn jwt_encode<'py>(
    py: Python<'py>,
    header: &Bound<'py, PyDict>,
    payload: &Bound<'py, PyDict>,
    key: &Bound<'py, PyAny>,
    sort_header_keys: bool,
) -> PyResult<Bound<'py, PyString>> {
    let mut claims_json = Vec::with_capacity(256);
    write_json(payload.as_any(), &mut claims_json, 0, false)?;
    let mut header_json = Vec::with_capacity(32);
    write_json(header.as_any(), &mut header_json, 0, sort_header_keys)?;
    let key = key_bytes(key)?;
    let key = check(py, Key::new(key.as_bytes()))?;
    let mut out = vec![0u8; jwt::encoded_len_with_header(header_json.len(), claims_json.len())];
    let token = check(
        py,
        jwt::encode_json_with_header(&key, &header_json, &claims_json, &mut out),
    )?;
    Ok(PyString::new(py, token))
}

/// `jwt_encode_common(payload, key, algorithm, headers)`: `sigmint.jwt.encode` in one call
/// for the arguments most calls pass: a plain dict payload whose `exp`, `iat` and `nbf` are
/// numbers (no `datetime` to convert) and whose `iss`, if any, is a `str`; HS256 and no
/// extra headers (so the header is core's `{"alg":"HS256","typ":"JWT"}`, in either key
/// order); a `str` or `bytes` key that its key checks accept. For any other call, and for
/// any call its argument checks would refuse, `None` before anything is written: `encode`'s
/// general path then handles it, raising what it raises. After those checks the steps are
/// `jwt_encode`'s, in its order.
#[pyfunction]
#[pyo3(signature = (payload, key, algorithm, headers))]
pub(crate) fn jwt_encode_common<'py>(
    py: Python<'py>,
    payload: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
    algorithm: &Bound<'py, PyAny>,
    headers: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyString>>> {
    let payload = common!(payload.cast_exact::<PyDict>().ok());
    for claim in [intern!(py, "exp"), intern!(py, "iat"), intern!(py, "nbf")] {
        if let Some(value) = common!(payload.get_item(claim).ok()) {
            let number = value.is_instance_of::<PyInt>() || value.is_instance_of::<PyFloat>();
            if !number && !value.is_none() {
                return Ok(None);
            }
        }
    }
    if let Some(iss) = common!(payload.get_item(intern!(py, "iss")).ok())
        && !iss.is_instance_of::<PyString>()
    {
        return Ok(None);
    }
    let hs256 = algorithm
        .cast_exact::<PyString>()
        .is_ok_and(|alg| utf8(alg).is_ok_and(|alg| &*alg == "HS256"));
    let no_headers =
        headers.is_none() || headers.cast_exact::<PyDict>().is_ok_and(|h| h.is_empty());
    if !hs256 || !no_headers {
        return Ok(None);
    }
    let key = common!(common_key(key, false));
    let mut claims_json = Vec::with_capacity(256);
    write_json(payload.as_any(), &mut claims_json, 0, false)?;
    let key = check(py, Key::new(key.as_bytes()))?;
    let mut out = vec![0u8; jwt::encoded_len(claims_json.len())];
    let token = check(py, jwt::encode_json(&key, &claims_json, &mut out))?;
    Ok(Some(PyString::new(py, token)))
}

/// Writes `obj` as JSON the way `json.dumps(obj, separators=(",", ":"), allow_nan=False)`
/// does (ASCII only, `float.__repr__` for floats, dict subclasses, lists and tuples), with
/// nesting bounded by core's `json::MAX_DEPTH` (which also stops circular references).
fn write_json(
    obj: &Bound<'_, PyAny>,
    out: &mut Vec<u8>,
    depth: usize,
    sort_keys: bool,
) -> PyResult<()> {
    let py = obj.py();
    if let Ok(string) = obj.cast::<PyString>() {
        return write_str(string, out);
    }
    if obj.is_none() {
        out.extend_from_slice(b"null");
        return Ok(());
    }
    if let Ok(boolean) = obj.cast::<PyBool>() {
        out.extend_from_slice(if boolean.is_true() { b"true" } else { b"false" });
        return Ok(());
    }
    if obj.is_instance_of::<PyInt>() {
        return write_int(obj, out);
    }
    if let Ok(float) = obj.cast::<PyFloat>() {
        return write_float(py, float.value(), out);
    }
    let is_dict = obj.is_instance_of::<PyDict>();
    if !is_dict && !obj.is_instance_of::<PyList>() && !obj.is_instance_of::<PyTuple>() {
        let type_name = obj
            .get_type()
            .name()
            .map(|name| name.to_string())
            .unwrap_or_else(|_| String::from("?"));
        return Err(PyTypeError::new_err(format!(
            "Object of type {type_name} is not JSON serializable"
        )));
    }
    if depth >= json::MAX_DEPTH {
        return Err(core_error(py, Error::JsonTooDeep));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        return write_object(dict, out, depth + 1, sort_keys);
    }
    out.push(b'[');
    for (i, item) in obj.try_iter()?.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_json(&item?, out, depth + 1, sort_keys)?;
    }
    out.push(b']');
    Ok(())
}

/// A dict as a JSON object; keys as `json.dumps` converts them (str as is; int, float, bool
/// and None to their JSON text), sorted by that text when asked.
fn write_object(
    dict: &Bound<'_, PyDict>,
    out: &mut Vec<u8>,
    depth: usize,
    sort_keys: bool,
) -> PyResult<()> {
    out.push(b'{');
    if sort_keys {
        let items: Vec<_> = dict.iter().collect();
        let mut members = items
            .iter()
            .map(|(key, value)| Ok((key_text(key)?, value)))
            .collect::<PyResult<Vec<_>>>()?;
        members.sort_by(|(a, _), (b, _)| str::cmp(a, b));
        for (i, (key, value)) in members.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_escaped(key, out);
            out.push(b':');
            write_json(value, out, depth, sort_keys)?;
        }
    } else {
        for (i, (key, value)) in dict.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_escaped(&key_text(&key)?, out);
            out.push(b':');
            write_json(&value, out, depth, sort_keys)?;
        }
    }
    out.push(b'}');
    Ok(())
}

/// A dict key's JSON text: a `str`'s own text, or another key's conversion.
enum KeyText<'a> {
    /// A `str` key.
    Str(Utf8<'a>),
    /// An int, float, bool or None key, converted.
    Converted(String),
}

impl Deref for KeyText<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            KeyText::Str(text) => text,
            KeyText::Converted(text) => text,
        }
    }
}

/// A dict key's JSON text, converted as `json.dumps` converts it.
fn key_text<'a>(key: &'a Bound<'_, PyAny>) -> PyResult<KeyText<'a>> {
    let py = key.py();
    if let Ok(string) = key.cast::<PyString>() {
        return utf8(string)
            .map(KeyText::Str)
            .map_err(|err| crate::unicode_error(py, err));
    }
    let mut text = Vec::new();
    if key.is_none() || key.is_instance_of::<PyBool>() || key.is_instance_of::<PyInt>() {
        write_json(key, &mut text, 0, false)?;
    } else if let Ok(float) = key.cast::<PyFloat>() {
        write_float(py, float.value(), &mut text)?;
    } else {
        return Err(type_error("keys", "str, int, float, bool or None", key));
    }
    String::from_utf8(text)
        .map(KeyText::Converted)
        .map_err(|_| core_error(py, Error::InvalidUtf8))
}

/// An int (of any size, subclasses as `int.__repr__` shows them).
fn write_int(obj: &Bound<'_, PyAny>, out: &mut Vec<u8>) -> PyResult<()> {
    if let Ok(int) = obj.extract::<i64>() {
        write_i64(int, out);
        return Ok(());
    }
    let text = obj
        .py()
        .get_type::<PyInt>()
        .call_method1("__repr__", (obj,))?;
    out.extend_from_slice(utf8(text.cast::<PyString>()?)?.as_bytes());
    Ok(())
}

/// An `i64` in decimal (what `int.__repr__` writes), without `fmt`'s machinery: most claims
/// sets hold a few integers.
fn write_i64(value: i64, out: &mut Vec<u8>) {
    let mut digits = [0u8; 20];
    let mut rest = value.unsigned_abs();
    let mut len = 0;
    for digit in digits.iter_mut().rev() {
        // A remainder of 10 fits a byte.
        #[allow(clippy::cast_possible_truncation)]
        let low = (rest % 10) as u8;
        *digit = b'0' + low;
        rest /= 10;
        len += 1;
        if rest == 0 {
            break;
        }
    }
    if value < 0 {
        out.push(b'-');
    }
    out.extend_from_slice(digits.get(digits.len() - len..).unwrap_or_default());
}

/// A finite float as `float.__repr__` writes it (what `json.dumps` writes); NaN and the
/// infinities are refused as `json.dumps(..., allow_nan=False)` refuses them, since core
/// (and RFC 8259) has no JSON for them.
fn write_float(py: Python<'_>, value: f64, out: &mut Vec<u8>) -> PyResult<()> {
    if !value.is_finite() {
        return Err(PyValueError::new_err(format!(
            "Out of range float values are not JSON compliant: {}",
            if value.is_nan() {
                "nan"
            } else if value > 0.0 {
                "inf"
            } else {
                "-inf"
            }
        )));
    }
    let text = PyFloat::new(py, value).repr()?;
    out.extend_from_slice(text.to_cow()?.as_bytes());
    Ok(())
}

/// A str as a JSON string (a lone surrogate has no UTF-8 form: `InvalidUtf8`).
fn write_str(string: &Bound<'_, PyString>, out: &mut Vec<u8>) -> PyResult<()> {
    let text = utf8(string).map_err(|err| crate::unicode_error(string.py(), err))?;
    write_escaped(&text, out);
    Ok(())
}

/// Whether `json.dumps` writes `byte` as it is: printable ASCII other than `"` and `\`.
fn is_plain(byte: u8) -> bool {
    matches!(byte, b' '..=b'~') && byte != b'"' && byte != b'\\'
}

/// How many leading bytes of `text` are plain ([`is_plain`]), tested eight at a time: most
/// strings in a claims set are plain throughout.
fn plain_len(text: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `word` is below `n` (exact for n <= 0x80: a borrow only starts at
    // such a byte).
    let has_below = |word: u64, n: u64| word.wrapping_sub(ONES * n) & !word & HIGH != 0;
    let mut len = 0;
    for chunk in text.chunks_exact(8) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(bytes);
        let special = has_below(word, 0x20)
            // 0x7f and up: adding one sets (or, past 0x80, had) the high bit; a carry out of
            // a byte only comes from 0xff, which has it already.
            || (word | word.wrapping_add(ONES)) & HIGH != 0
            || has_below(word ^ (ONES * u64::from(b'"')), 1)
            || has_below(word ^ (ONES * u64::from(b'\\')), 1);
        if special {
            break;
        }
        len += 8;
    }
    let tail = text.get(len..).unwrap_or_default();
    len + tail
        .iter()
        .position(|&b| !is_plain(b))
        .unwrap_or(tail.len())
}

/// `"text"` as `json.dumps` writes it with `ensure_ascii=True`: printable ASCII as is, `"`
/// and `\` and the usual control characters as two-character escapes, everything else as
/// `\uXXXX` (lower-case hex; UTF-16 surrogate pairs beyond the BMP). Runs of plain bytes are
/// copied whole.
fn write_escaped(text: &str, out: &mut Vec<u8>) {
    out.reserve(text.len() + 2);
    out.push(b'"');
    let mut rest = text;
    loop {
        let at = plain_len(rest.as_bytes());
        // A plain byte is ASCII, which ends no character: `at` is a character boundary.
        let (plain, tail) = rest.split_at(at);
        out.extend_from_slice(plain.as_bytes());
        let mut chars = tail.chars();
        match chars.next() {
            None => break,
            Some('"') => out.extend_from_slice(b"\\\""),
            Some('\\') => out.extend_from_slice(b"\\\\"),
            Some('\n') => out.extend_from_slice(b"\\n"),
            Some('\r') => out.extend_from_slice(b"\\r"),
            Some('\t') => out.extend_from_slice(b"\\t"),
            Some('\u{8}') => out.extend_from_slice(b"\\b"),
            Some('\u{c}') => out.extend_from_slice(b"\\f"),
            Some(c) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
        rest = chars.as_str();
    }
    out.push(b'"');
}
