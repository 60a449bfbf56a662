//! JWS/JWT functions behind `sigmint.jwt` and `sigmint.jws`, and the one home of their
//! PyJWT-compatible argument handling.
//!
//! `sigmint.jwt.decode`, `encode` and `get_unverified_header` and `sigmint.jws.decode` forward
//! their arguments here as they get them. This module reads them as PyJWT does: `options` and
//! their defaults (each `verify_*` follows `verify_signature`), `require`, `algorithms` as a
//! string or any iterable, `leeway` and `now` as an int, a float, a `timedelta` or a
//! `datetime`, `audience` and `issuer` as a string or an iterable of strings, the system clock
//! unless `now` is given; and it refuses the arguments PyJWT refuses with PyJWT's exception and
//! message. Core then makes every decision about the token, its claims and the key. The
//! handling is in Rust rather than in Python because on a microsecond-scale decode the Python
//! steps cost as much as the decode.
//!
//! Claims come back as Python objects built straight from core's JSON reader (no `json.loads`
//! round trip). Claims to mint are written with core's JSON writer, byte for byte as
//! `json.dumps(obj, separators=(",", ":"))` writes them (PyJWT's encoding), then handed to
//! core, which checks and signs them.

use std::ops::Deref;
use std::time::Duration;

use std::ffi::CString;

use pyo3::exceptions::{
    PyDeprecationWarning, PyNotImplementedError, PyOverflowError, PyTypeError, PyValueError,
};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyModule, PyString,
    PyTuple, PyType,
};
use sigmint_core::json::writer::{self, Escape, Sink};
use sigmint_core::json::{self, Kind, Value};
use sigmint_core::jws::{self, Algorithm, Limits};
use sigmint_core::jwt::{self, Validation};
use sigmint_core::time::UnixSeconds;
use sigmint_core::{Error, Key, crypto};

use crate::{
    Utf8, bytes_like, check, core_error, core_error_in, secret_text, text, type_error,
    unicode_error, utf8,
};

/// PyJWT's message when a signature is to be verified and no algorithm is allowed.
const ALGORITHMS_REQUIRED: &str = "It is required that you pass in a value for the \"algorithms\" argument when calling decode().";

/// The algorithm list core gets: HS256 when the caller allowed it, else none (every token
/// is then refused as not allowed, as PyJWT does for an alg missing from `algorithms`).
fn allowed(hs256: bool) -> &'static [Algorithm] {
    if hs256 { &[Algorithm::Hs256] } else { &[] }
}

/// One of PyJWT's exception or warning classes (`sigmint._jwt_errors`).
fn pyjwt_class<'py>(py: Python<'py>, class: &str) -> PyResult<Bound<'py, PyType>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    MODULE
        .get_or_try_init(py, || py.import("sigmint._jwt_errors").map(Bound::unbind))
        .and_then(|module| Ok(module.bind(py).getattr(class)?.cast_into::<PyType>()?))
}

/// One of PyJWT's exception classes (`sigmint._jwt_errors`), for the refusals of arguments
/// that PyJWT makes itself.
fn pyjwt_error(py: Python<'_>, class: &str, message: &str) -> PyErr {
    match pyjwt_class(py, class) {
        Ok(class) => PyErr::from_type(class, message.to_owned()),
        Err(err) => err,
    }
}

/// Emits `message` as a warning of `category`, attributed to the caller of the Python
/// function that called in (`stacklevel=2`), as PyJWT attributes its warnings.
fn warn(category: &Bound<'_, PyType>, message: &str) -> PyResult<()> {
    let message = CString::new(message.replace('\0', " "))
        .map_err(|err| PyValueError::new_err(err.to_string()))?;
    PyErr::warn(category.py(), category.as_any(), &message, 2)
}

/// `key.key` when `key` is a `sigmint.jwt.PyJWK` (whose algorithm is HS256: the only one
/// it is built for), else `None`.
fn jwk_secret<'py>(key: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    if key.is_none() || key.is_instance_of::<PyString>() || key.is_instance_of::<PyBytes>() {
        return Ok(None);
    }
    static CLASS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let class = stdlib(key.py(), &CLASS, "sigmint.jwt.api_jwk", "PyJWK")?;
    if key.is_instance(&class)? {
        Ok(Some(key.getattr(intern!(key.py(), "key"))?))
    } else {
        Ok(None)
    }
}

/// The algorithms PyJWT has only with `cryptography` installed: asking for one of them is
/// PyJWT's `NotImplementedError` of an installation without `cryptography`.
const REQUIRES_CRYPTOGRAPHY: [&str; 12] = [
    "RS256", "RS384", "RS512", "ES256", "ES256K", "ES384", "ES521", "ES512", "PS256", "PS384",
    "PS512", "EdDSA",
];

/// PyJWT's `NotImplementedError` for an algorithm it cannot sign with (without
/// `cryptography`): everything but HS256 for sigmint.
fn unsupported_algorithm(alg: &Bound<'_, PyAny>) -> PyErr {
    if let Ok(name) = alg.extract::<String>()
        && REQUIRES_CRYPTOGRAPHY.contains(&name.as_str())
    {
        return PyNotImplementedError::new_err(format!(
            "Algorithm '{name}' could not be found. Do you have cryptography installed?"
        ));
    }
    PyNotImplementedError::new_err("Algorithm not supported")
}

/// An object of the standard library (a class, a function, `timezone.utc`), looked up once.
fn stdlib<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    module: &str,
    path: &str,
) -> PyResult<Bound<'py, PyAny>> {
    cell.get_or_try_init(py, || {
        let mut obj = py.import(module)?.into_any();
        for name in path.split('.') {
            obj = obj.getattr(name)?;
        }
        Ok::<_, PyErr>(obj.unbind())
    })
    .map(|obj| obj.bind(py).clone())
}

fn datetime_class(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    static CLASS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    stdlib(py, &CLASS, "datetime", "datetime")
}

// ---------------------------------------------------------------------------------------
// Arguments

/// PyJWT's check of the token argument: `str` or `bytes`.
fn check_token(token: &Bound<'_, PyAny>) -> PyResult<()> {
    if token.is_instance_of::<PyString>() || token.is_instance_of::<PyBytes>() {
        Ok(())
    } else {
        Err(pyjwt_error(
            token.py(),
            "DecodeError",
            "Invalid token type. Token must be a <class 'bytes'>",
        ))
    }
}

/// A token as core takes it: a `str`'s UTF-8 form, or a `bytes` object's own bytes (core
/// decides what those hold: bytes that are not UTF-8 are a malformed token).
enum TokenBytes<'a> {
    /// A `str` token.
    Text(Utf8<'a>),
    /// A `bytes` token.
    Bytes(&'a [u8]),
}

impl AsRef<[u8]> for TokenBytes<'_> {
    fn as_ref(&self) -> &[u8] {
        match self {
            TokenBytes::Text(text) => text.as_bytes(),
            TokenBytes::Bytes(bytes) => bytes,
        }
    }
}

/// A token ([`check_token`]'s types) as [`TokenBytes`]. A `str` holding a lone surrogate has
/// no UTF-8 form: `InvalidUtf8`.
fn token_bytes<'a>(token: &'a Bound<'_, PyAny>) -> PyResult<TokenBytes<'a>> {
    check_token(token)?;
    if let Ok(bytes) = token.cast::<PyBytes>() {
        return Ok(TokenBytes::Bytes(bytes.as_bytes()));
    }
    text(token, "token").map(TokenBytes::Text)
}

/// A key argument as bytes: `str` as UTF-8, any bytes-like object as is. `None` is PyJWT's
/// `TypeError` (its `force_bytes`); an empty key is core's `EmptyKey` when it is used.
fn key_bytes<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    if obj.is_none() {
        Err(PyTypeError::new_err("Expected a string value"))
    } else if obj.is_instance_of::<PyString>() {
        secret_text(obj, "key")
    } else {
        bytes_like(obj, "key")
    }
}

/// A key converted ([`key_bytes`]), or why it cannot be: raised when the key is used, after
/// the other arguments are read (PyJWT's order).
type KeyArgument<'py> = PyResult<Bound<'py, PyBytes>>;

/// A key for an HS256 token, converted and held to core's key policy
/// (`crypto::check_jwt_secret`: never an asymmetric key or certificate; with
/// `enforce_minimum_length`, HS256's minimum length). A policy refusal is raised now, as
/// PyJWT checks keys before anything else; a key that does not convert, when it is used.
/// Without `enforce_minimum_length`, a key core would find too short is PyJWT's
/// `InsecureKeyLengthWarning`.
fn checked_key<'py>(
    key: &Bound<'py, PyAny>,
    enforce_minimum_length: bool,
) -> PyResult<KeyArgument<'py>> {
    let bytes = key_bytes(key);
    if let Ok(bytes) = &bytes {
        let py = key.py();
        check(
            py,
            crypto::check_jwt_secret(bytes.as_bytes(), enforce_minimum_length),
        )?;
        if !enforce_minimum_length && let Some(message) = key_length_message(bytes.as_bytes()) {
            warn(&pyjwt_class(py, "InsecureKeyLengthWarning")?, &message)?;
        }
    }
    Ok(bytes)
}

/// PyJWT's `HMACAlgorithm.check_key_length` message for a key core finds shorter than
/// HS256's minimum (`Error::KeyTooShort`), or `None`.
fn key_length_message(key: &[u8]) -> Option<String> {
    match crypto::check_jwt_secret(key, true) {
        Err(Error::KeyTooShort { minimum }) => Some(format!(
            "The HMAC key is {} bytes long, which is below the minimum recommended length of \
             {minimum} bytes for SHA256. See RFC 7518 Section 3.2.",
            key.len()
        )),
        _ => None,
    }
}

/// `jwt_prepare_key(key)`: `HMACAlgorithm.prepare_key`. The key's bytes (`str` as UTF-8),
/// held to core's key policy (never an asymmetric key; never empty).
#[pyfunction]
pub(crate) fn jwt_prepare_key<'py>(key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    let py = key.py();
    let bytes = key_bytes(key)?;
    check(py, crypto::check_jwt_secret(bytes.as_bytes(), false))?;
    check(py, Key::new(bytes.as_bytes()))?;
    Ok(bytes)
}

/// `jwt_key_length_message(key)`: `HMACAlgorithm.check_key_length`, PyJWT's message for a
/// key below HS256's minimum (core's), or `None`.
#[pyfunction]
pub(crate) fn jwt_key_length_message(key: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    Ok(key_length_message(key_bytes(key)?.as_bytes()))
}

/// The `verify_*` options PyJWT turns off when `verify_signature` is off and they are not
/// given.
const VERIFY_CLAIMS: [&str; 7] = [
    "verify_exp",
    "verify_nbf",
    "verify_iat",
    "verify_aud",
    "verify_iss",
    "verify_sub",
    "verify_jti",
];

/// `jwt_default_options()`: `PyJWT._get_default_options()`, PyJWT's full options.
#[pyfunction]
pub(crate) fn jwt_default_options(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let options = PyDict::new(py);
    options.set_item("verify_signature", true)?;
    for name in VERIFY_CLAIMS {
        options.set_item(name, true)?;
    }
    options.set_item("require", PyList::empty(py))?;
    options.set_item("strict_aud", false)?;
    options.set_item("enforce_minimum_key_length", false)?;
    Ok(options)
}

/// `jwt_merge_options(base, options)`: `PyJWT._merge_options`: `{**base, **options}`, where
/// each `verify_*` that `options` leaves out is false when `options` turns
/// `verify_signature` off.
#[pyfunction]
pub(crate) fn jwt_merge_options<'py>(
    base: &Bound<'py, PyAny>,
    options: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let py = base.py();
    let merged = PyDict::new(py);
    merged.update(base.cast::<PyMapping>()?)?;
    if options.is_none() {
        return Ok(merged);
    }
    let given = py
        .get_type::<PyDict>()
        .call1((options,))?
        .cast_into::<PyDict>()?;
    let verify_signature = match given.get_item(intern!(py, "verify_signature"))? {
        Some(value) => value.is_truthy()?,
        None => true,
    };
    if !verify_signature {
        for name in VERIFY_CLAIMS {
            if !given.contains(name)? {
                given.set_item(name, false)?;
            }
        }
    }
    merged.update(given.as_mapping())?;
    Ok(merged)
}

/// `options[name]` when `options` (a mapping) has it.
fn entry<'py>(
    options: Option<&Bound<'py, PyAny>>,
    name: &Bound<'py, PyString>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(options) = options else {
        return Ok(None);
    };
    if let Ok(dict) = options.cast_exact::<PyDict>() {
        return dict.get_item(name);
    }
    if options.contains(name)? {
        options.get_item(name).map(Some)
    } else {
        Ok(None)
    }
}

/// `bool({**defaults, **options}.get(name, default))`: a call's option over an instance's.
fn layered(
    options: Option<&Bound<'_, PyAny>>,
    defaults: Option<&Bound<'_, PyAny>>,
    name: &Bound<'_, PyString>,
    default: bool,
) -> PyResult<bool> {
    match entry(options, name)? {
        Some(value) => value.is_truthy(),
        None => match entry(defaults, name)? {
            Some(value) => value.is_truthy(),
            None => Ok(default),
        },
    }
}

/// sigmint's keyword-only extras, passed in PyJWT's `**kwargs`; any other keyword argument is
/// PyJWT's `RemovedInPyjwt3Warning` (and ignored, as PyJWT ignores it).
struct Extras<'py> {
    typ: Option<Bound<'py, PyAny>>,
    token_type: Option<Bound<'py, PyAny>>,
    max_token_len: usize,
    max_depth: usize,
}

impl<'py> Extras<'py> {
    /// The extras in `kwargs` (a dict or `None`) for `function` (`decode`, ...); `claims`
    /// tells whether `typ` and `token_type` are extras (a JWT's) or unsupported (a JWS's).
    fn read(kwargs: &Bound<'py, PyAny>, function: &str, claims: bool) -> PyResult<Self> {
        let mut extras = Extras {
            typ: None,
            token_type: None,
            max_token_len: jws::DEFAULT_MAX_TOKEN_LEN,
            max_depth: json::DEFAULT_MAX_DEPTH,
        };
        if kwargs.is_none() {
            return Ok(extras);
        }
        let py = kwargs.py();
        let mut unsupported = Vec::new();
        for (name, value) in kwargs.cast::<PyDict>()?.iter() {
            match name.extract::<String>()?.as_str() {
                "max_token_len" => extras.max_token_len = value.extract()?,
                "max_depth" => extras.max_depth = value.extract()?,
                "typ" if claims => extras.typ = Some(value),
                "token_type" if claims => extras.token_type = Some(value),
                _ => unsupported.push(name),
            }
        }
        if !unsupported.is_empty() {
            let names = PyTuple::new(py, unsupported)?.repr()?;
            warn(
                &pyjwt_class(py, "RemovedInPyjwt3Warning")?,
                &format!(
                    "passing additional kwargs to {function}() is deprecated and will be \
                     removed in pyjwt version 3. Unsupported kwargs: {names}"
                ),
            )?;
        }
        Ok(extras)
    }
}

/// PyJWT's refusal of `detached_payload`: sigmint reads no token with `"b64": false`, so a
/// detached payload is never valid.
fn refuse_detached(py: Python<'_>, detached_payload: &Bound<'_, PyAny>) -> PyResult<()> {
    if detached_payload.is_none() {
        return Ok(());
    }
    Err(pyjwt_error(
        py,
        "DecodeError",
        "It is only valid to pass \"detached_payload\" when the protected header has \"b64\" \
         set to false (sigmint does not support detached payloads).",
    ))
}

/// The signature segment of a (well-formed) token as bytes, for `decode_complete`.
fn signature_of<'py>(py: Python<'py>, token: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    static DECODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let segment = token.rsplit(|&b| b == b'.').next().unwrap_or_default();
    let mut padded = segment.to_vec();
    padded.resize(segment.len().next_multiple_of(4), b'=');
    stdlib(py, &DECODE, "base64", "urlsafe_b64decode")?.call1((PyBytes::new(py, &padded),))
}

/// `{"payload": payload, "header": header, "signature": signature}`: PyJWT's
/// `decode_complete` result.
fn complete<'py>(
    py: Python<'py>,
    payload: Bound<'py, PyAny>,
    header: Bound<'py, PyDict>,
    token: &[u8],
) -> PyResult<Bound<'py, PyAny>> {
    let result = PyDict::new(py);
    result.set_item(intern!(py, "payload"), payload)?;
    result.set_item(intern!(py, "header"), header)?;
    result.set_item(intern!(py, "signature"), signature_of(py, token)?)?;
    Ok(result.into_any())
}

/// `bool(options.get(name, default))`, every default for `options` `None`.
fn option(
    options: Option<&Bound<'_, PyAny>>,
    name: &Bound<'_, PyString>,
    default: bool,
) -> PyResult<bool> {
    let Some(options) = options else {
        return Ok(default);
    };
    let value = if let Ok(dict) = options.cast_exact::<PyDict>() {
        dict.get_item(name)?
    } else {
        Some(options.call_method1(intern!(options.py(), "get"), (name, default))?)
    };
    value.map_or(Ok(default), |value| value.is_truthy())
}

/// `list(options.get("require") or ())`: the claims a token must have.
fn required_claims<'py>(options: Option<&Bound<'py, PyAny>>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let Some(options) = options else {
        return Ok(Vec::new());
    };
    let name = intern!(options.py(), "require");
    let value = if let Ok(dict) = options.cast_exact::<PyDict>() {
        dict.get_item(name)?
    } else {
        Some(options.call_method1(intern!(options.py(), "get"), (name,))?)
    };
    match value {
        Some(value) if value.is_truthy()? => value.try_iter()?.collect(),
        _ => Ok(Vec::new()),
    }
}

/// The options of a JWT decode, as PyJWT reads them.
struct DecodeOptions<'py> {
    verify_signature: bool,
    verify_exp: bool,
    verify_nbf: bool,
    verify_iat: bool,
    verify_aud: bool,
    verify_iss: bool,
    verify_sub: bool,
    require: Vec<Bound<'py, PyAny>>,
    strict_aud: bool,
    enforce_minimum_key_length: bool,
}

impl<'py> DecodeOptions<'py> {
    /// PyJWT's options: `verify_signature` (default true), each other `verify_*` defaulting
    /// to it, `require`, `strict_aud`, `enforce_minimum_key_length` (default false); `None`
    /// for every default. Read in this order. With `defaults` (a `PyJWT` instance's
    /// options), the claim options are `PyJWT._merge_options`'s merge of both, while
    /// `verify_signature` is the call's alone (PyJWT's `decode_complete`).
    fn read(options: &Bound<'py, PyAny>, defaults: &Bound<'py, PyAny>) -> PyResult<Self> {
        let py = options.py();
        if !defaults.is_none() {
            let verify_signature = option(
                (!options.is_none()).then_some(options),
                intern!(py, "verify_signature"),
                true,
            )?;
            let merged = jwt_merge_options(defaults, options)?.into_any();
            let mut read = Self::read(&merged, &py.None().into_bound(py))?;
            read.verify_signature = verify_signature;
            return Ok(read);
        }
        let options = (!options.is_none()).then_some(options);
        let verify_signature = option(options, intern!(py, "verify_signature"), true)?;
        let verify = |name: &Bound<'_, PyString>| option(options, name, verify_signature);
        Ok(DecodeOptions {
            verify_signature,
            verify_exp: verify(intern!(py, "verify_exp"))?,
            verify_nbf: verify(intern!(py, "verify_nbf"))?,
            verify_iat: verify(intern!(py, "verify_iat"))?,
            verify_aud: verify(intern!(py, "verify_aud"))?,
            verify_iss: verify(intern!(py, "verify_iss"))?,
            verify_sub: verify(intern!(py, "verify_sub"))?,
            require: required_claims(options)?,
            strict_aud: option(options, intern!(py, "strict_aud"), false)?,
            enforce_minimum_key_length: option(
                options,
                intern!(py, "enforce_minimum_key_length"),
                false,
            )?,
        })
    }
}

/// The algorithms and key of a verified decode, PyJWT's way: `algorithms` must be given (a
/// `DecodeError` otherwise) unless the key is a `PyJWK` (whose algorithm, HS256, is then
/// the one allowed), and allows HS256 when it is `"HS256"` (a string) or holds it (any other
/// iterable); the key (a `PyJWK`'s secret) is [`checked_key`]. `enabled`: whether the
/// `PyJWS` instance has HS256 (PyJWT's `unregister_algorithm` and `PyJWS(algorithms=)`).
fn verifying<'py>(
    algorithms: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
    enforce_minimum_key_length: bool,
    enabled: bool,
) -> PyResult<(bool, KeyArgument<'py>)> {
    let py = algorithms.py();
    let jwk = jwk_secret(key)?;
    let hs256 = if jwk.is_some() && algorithms.is_none() {
        true
    } else {
        if !algorithms.is_truthy()? && jwk.is_none() {
            return Err(pyjwt_error(py, "DecodeError", ALGORITHMS_REQUIRED));
        }
        let hs256 = intern!(py, "HS256");
        if algorithms.is_instance_of::<PyString>() {
            algorithms.eq(hs256)?
        } else if algorithms.is_truthy()? {
            algorithms.contains(hs256)?
        } else {
            false
        }
    };
    let key = jwk.as_ref().unwrap_or(key);
    Ok((
        hs256 && enabled,
        checked_key(key, enforce_minimum_key_length)?,
    ))
}

/// `int(time.time())`, read through the module on each call (so a patched `time.time` is
/// honoured).
pub(crate) fn system_now(py: Python<'_>) -> PyResult<i64> {
    static TIME: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let module = TIME.get_or_try_init(py, || py.import("time").map(Bound::unbind))?;
    let now = module.bind(py).getattr(intern!(py, "time"))?.call0()?;
    if let Ok(float) = now.cast_exact::<PyFloat>() {
        let now = float.value();
        // `int()` truncates toward zero, as `as` does within range.
        if now.is_finite() && now.abs() < 9.0e18 {
            #[allow(clippy::cast_possible_truncation)]
            return Ok(now as i64);
        }
    }
    py.get_type::<PyInt>().call1((now,))?.extract()
}

/// `value` in whole seconds, rounded down: an int, a finite float, a `timedelta` or a
/// `datetime` (naive ones are UTC). `what` names the argument in errors.
pub(crate) fn whole_seconds(value: &Bound<'_, PyAny>, what: &str) -> PyResult<i64> {
    let py = value.py();
    if value.is_exact_instance_of::<PyInt>() {
        return value.extract();
    }
    if value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a number of seconds, not bool"
        )));
    }
    if value.is_instance_of::<PyInt>() {
        return value.extract();
    }
    static TIMEDELTA: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    static UTC: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let seconds = if value.is_instance(&stdlib(py, &TIMEDELTA, "datetime", "timedelta")?)? {
        value.call_method0(intern!(py, "total_seconds"))?
    } else if value.is_instance(&datetime_class(py)?)? {
        let moment = if value.getattr(intern!(py, "tzinfo"))?.is_none() {
            let utc = stdlib(py, &UTC, "datetime", "timezone.utc")?;
            let kwargs = PyDict::new(py);
            kwargs.set_item(intern!(py, "tzinfo"), utc)?;
            value.call_method(intern!(py, "replace"), (), Some(&kwargs))?
        } else {
            value.clone()
        };
        moment.call_method0(intern!(py, "timestamp"))?
    } else {
        value.clone()
    };
    if let Ok(float) = seconds.cast::<PyFloat>() {
        let seconds = float.value();
        if !seconds.is_finite() {
            return Err(PyValueError::new_err(format!("{what} must be finite")));
        }
        let floor = seconds.floor();
        // Exactly the floats of i64's range: -2**63 <= floor < 2**63.
        #[allow(clippy::cast_precision_loss)]
        let range = (i64::MIN as f64)..-(i64::MIN as f64);
        if !range.contains(&floor) {
            return Err(PyOverflowError::new_err(format!("{what} is out of range")));
        }
        #[allow(clippy::cast_possible_truncation)]
        return Ok(floor as i64);
    }
    let kinds = if what == "leeway" || what == "tolerance" {
        "timedelta"
    } else {
        "datetime"
    };
    Err(type_error(
        what,
        &format!("an int, a float or a {kinds}"),
        value,
    ))
}

/// PyJWT's `audience` or `issuer`: `None`, a string (one name) or an iterable of strings.
fn names<'py>(value: &Bound<'py, PyAny>, what: &str) -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
    if value.is_none() {
        return Ok(None);
    }
    if value.is_instance_of::<PyString>() {
        return Ok(Some(vec![value.clone()]));
    }
    let refused = || {
        PyTypeError::new_err(format!(
            "{what} must be a string, an iterable of strings or None"
        ))
    };
    if value.is_instance_of::<PyBytes>() || value.is_instance_of::<PyByteArray>() {
        return Err(refused());
    }
    let names = value
        .try_iter()
        .map_err(|_| refused())?
        .collect::<PyResult<Vec<_>>>()?;
    if names.iter().any(|name| !name.is_instance_of::<PyString>()) {
        return Err(refused());
    }
    Ok(Some(names))
}

/// The text of each of `names` (each a `str`).
fn texts<'a>(names: &'a [Bound<'_, PyAny>], what: &str) -> PyResult<Vec<Utf8<'a>>> {
    names.iter().map(|name| text(name, what)).collect()
}

/// `None`, or a `str`'s text.
fn optional_text<'a>(obj: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Option<Utf8<'a>>> {
    if obj.is_none() {
        Ok(None)
    } else {
        text(obj, what).map(Some)
    }
}

/// Borrowed `&str`s of `texts`, as core's lists take them.
fn strs<'a>(texts: &'a [Utf8<'_>]) -> Vec<&'a str> {
    texts.iter().map(Deref::deref).collect()
}

// ---------------------------------------------------------------------------------------
// Decoding

/// `jwt_decode(jwt, key, algorithms, options, verify, detached_payload, audience, subject,
/// issuer, leeway, now, kwargs, defaults, enabled, complete)`: `sigmint.jwt.decode` and
/// `decode_complete` (module functions and `PyJWT` methods), which forward their arguments
/// (PyJWT's, `now`, `**kwargs` holding sigmint's extras `typ`, `token_type`,
/// `max_token_len`, `max_depth`) here with the instance's options (`defaults`, `None` for
/// the module's functions), whether its `PyJWS` has HS256 (`enabled`) and which result is
/// wanted. The claims of an HS256 JWT as a dict (or, with `complete`, PyJWT's `{"payload",
/// "header", "signature"}`), after core verified the signature (unless
/// `options["verify_signature"]` is false) and validated the claims.
#[pyfunction]
#[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)]
#[pyo3(signature = (
    jwt, key, algorithms, options, verify, detached_payload, audience, subject, issuer, leeway,
    now, kwargs, defaults, enabled, complete,
))]
pub(crate) fn jwt_decode<'py>(
    py: Python<'py>,
    jwt: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
    algorithms: &Bound<'py, PyAny>,
    options: &Bound<'py, PyAny>,
    verify: &Bound<'py, PyAny>,
    detached_payload: &Bound<'py, PyAny>,
    audience: &Bound<'py, PyAny>,
    subject: &Bound<'py, PyAny>,
    issuer: &Bound<'py, PyAny>,
    leeway: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
    kwargs: &Bound<'py, PyAny>,
    defaults: &Bound<'py, PyAny>,
    enabled: bool,
    complete: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let function = if complete {
        "decode_complete"
    } else {
        "decode"
    };
    let extras = Extras::read(kwargs, function, true)?;
    let none = py.None().into_bound(py);
    let typ = extras.typ.as_ref().unwrap_or(&none);
    let token_type = extras.token_type.as_ref().unwrap_or(&none);
    let (max_token_len, max_depth) = (extras.max_token_len, extras.max_depth);
    check_token(jwt)?;
    let options = DecodeOptions::read(options, defaults)?;
    if !verify.is_none() && verify.ne(PyBool::new(py, options.verify_signature))? {
        warn(
            &py.get_type::<PyDeprecationWarning>(),
            "The `verify` argument to `decode` does nothing in PyJWT 2.0 and newer. The \
             equivalent is setting `verify_signature` to False in the `options` dictionary. \
             This invocation has a mismatch between the kwarg and the option entry.",
        )?;
    }
    let (hs256, key) = if options.verify_signature {
        let (hs256, key) = verifying(algorithms, key, options.enforce_minimum_key_length, enabled)?;
        (hs256, Some(key))
    } else {
        (false, None)
    };
    refuse_detached(py, detached_payload)?;
    let now = if now.is_none() {
        system_now(py)?
    } else {
        whole_seconds(now, "now")?
    };
    let leeway = u64::try_from(whole_seconds(leeway, "leeway")?)
        .map_err(|_| PyValueError::new_err("leeway must not be negative"))?;
    let audience_is_str = audience.is_instance_of::<PyString>();
    let mut audience = names(audience, "audience")?;
    if options.strict_aud && audience.is_some() && !audience_is_str {
        // PyJWT's strict audience is a string: any other audience matches no token, which
        // core is told as an empty list of accepted audiences.
        audience = Some(Vec::new());
    }
    let issuer = names(issuer, "issuer")?;
    let required = texts(&options.require, "a required claim")?;
    let audience = audience
        .as_deref()
        .map(|names| texts(names, "audience"))
        .transpose()?;
    let issuer = issuer
        .as_deref()
        .map(|names| texts(names, "issuer"))
        .transpose()?;
    let subject = optional_text(subject, "subject")?;
    let typ = optional_text(typ, "typ")?;
    let token_type = optional_text(token_type, "token_type")?;
    let token = token_bytes(jwt)?;
    let required = strs(&required);
    let audience = audience.as_deref().map(strs);
    let issuer = issuer.as_deref().map(strs);
    let validation = Validation {
        now: UnixSeconds(now),
        leeway: Duration::from_secs(leeway),
        verify_exp: options.verify_exp,
        verify_nbf: options.verify_nbf,
        verify_iat: options.verify_iat,
        verify_aud: options.verify_aud,
        verify_iss: options.verify_iss,
        verify_sub: options.verify_sub,
        required: &required,
        audience: audience.as_deref(),
        strict_audience: options.strict_aud,
        issuer: issuer.as_deref(),
        subject: subject.as_deref(),
        typ: typ.as_deref(),
        token_type: token_type.as_deref(),
        algorithms: allowed(hs256),
        limits: Limits {
            max_token_len,
            max_depth,
        },
    };
    let claims_error = |error| core_error_in(py, error, &required);
    // Zeroed with calloc, so an oversized token (refused by core first) costs no page writes.
    let mut scratch = vec![0u8; jws::scratch_len(&token)];
    let Some(key) = key else {
        let (header, claims) = jwt::dangerous_unverified(&token, &mut scratch, &validation.limits)
            .map_err(claims_error)?;
        claims
            .validate(&header, &validation)
            .map_err(claims_error)?;
        let claims = object_to_dict(py, claims.json())?.into_any();
        if complete {
            return self::complete(
                py,
                claims,
                object_to_dict(py, header.json())?,
                token.as_ref(),
            );
        }
        return Ok(claims);
    };
    let key = key?;
    let key = check(py, Key::new(key.as_bytes()))?;
    let verified = jwt::decode(&token, &mut scratch, &key, &validation).map_err(claims_error)?;
    let claims = object_to_dict(py, verified.claims().json())?.into_any();
    if complete {
        let header = object_to_dict(py, verified.header().json())?;
        return self::complete(py, claims, header, token.as_ref());
    }
    Ok(claims)
}

/// `jws_decode(jws, key, algorithms, options, detached_payload, kwargs, defaults, enabled,
/// complete)`: `sigmint.jws.decode` and `PyJWS.decode`/`decode_complete`, which forward their
/// arguments here (`kwargs`: sigmint's extras `max_token_len` and `max_depth`; `defaults`:
/// the instance's options, under the call's; `enabled`: whether the instance has HS256). The
/// payload bytes of a compact HS256 JWS (any payload, JSON or not), its signature verified
/// unless `verify_signature` is false; with `complete`, PyJWT's `{"payload", "header",
/// "signature"}`.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (
    jws, key, algorithms, options, detached_payload, kwargs, defaults, enabled, complete,
))]
pub(crate) fn jws_decode<'py>(
    py: Python<'py>,
    jws: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
    algorithms: &Bound<'py, PyAny>,
    options: &Bound<'py, PyAny>,
    detached_payload: &Bound<'py, PyAny>,
    kwargs: &Bound<'py, PyAny>,
    defaults: &Bound<'py, PyAny>,
    enabled: bool,
    complete: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let function = if complete {
        "decode_complete"
    } else {
        "decode"
    };
    let extras = Extras::read(kwargs, function, false)?;
    check_token(jws)?;
    let options = (!options.is_none()).then_some(options);
    let defaults = (!defaults.is_none()).then_some(defaults);
    let verify = if layered(options, defaults, intern!(py, "verify_signature"), true)? {
        let enforce = layered(
            options,
            defaults,
            intern!(py, "enforce_minimum_key_length"),
            false,
        )?;
        Some(verifying(algorithms, key, enforce, enabled)?)
    } else {
        None
    };
    refuse_detached(py, detached_payload)?;
    let token = token_bytes(jws)?;
    let limits = Limits {
        max_token_len: extras.max_token_len,
        max_depth: extras.max_depth,
    };
    let mut header = vec![0u8; jws::header_scratch_len(&token)];
    let unverified = check(py, jws::decode(&token, &mut header, &limits))?;
    let mut payload = vec![0u8; unverified.payload_len()];
    let (payload, header) = match verify {
        Some((hs256, key)) => {
            let key = check(py, Key::new(key?.as_bytes()))?;
            let verified = check(py, unverified.verify(&key, allowed(hs256)))?;
            let header = object_to_dict(py, verified.header().json())?;
            (check(py, verified.decode_payload(&mut payload))?, header)
        }
        None => {
            let header = object_to_dict(py, unverified.header().json())?;
            (
                check(py, unverified.dangerous_decode_payload(&mut payload))?,
                header,
            )
        }
    };
    let payload = PyBytes::new(py, payload).into_any();
    if complete {
        return self::complete(py, payload, header, token.as_ref());
    }
    Ok(payload)
}

/// `jws_header(token, max_token_len, max_depth)`: `sigmint.jwt.get_unverified_header`. A
/// token's header as a dict, unverified; the token must still be three strict base64url
/// segments with a well-formed header.
#[pyfunction]
#[pyo3(signature = (token, max_token_len, max_depth))]
pub(crate) fn jws_header<'py>(
    py: Python<'py>,
    token: &Bound<'py, PyAny>,
    max_token_len: usize,
    max_depth: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let token = token_bytes(token)?;
    let limits = Limits {
        max_token_len,
        max_depth,
    };
    let mut header = vec![0u8; jws::header_scratch_len(&token)];
    let unverified = check(py, jws::decode(&token, &mut header, &limits))?;
    object_to_dict(py, unverified.header().json())
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
        Kind::Bool => PyBool::new(py, check(py, value.as_bool())?)
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
    if let Some(text) = value.as_plain_str() {
        return Ok(PyString::new(py, text));
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

// ---------------------------------------------------------------------------------------
// Minting

/// `jwt_encode(payload, key, algorithm, headers, json_encoder, sort_headers, options,
/// enabled)`: `sigmint.jwt.encode` and `PyJWT.encode`, which forward PyJWT's arguments here
/// with the instance's signature options (`options`: `enforce_minimum_key_length`) and
/// whether its `PyJWS` has HS256 (`enabled`). An HS256 JWT of `payload` (a dict; `datetime`
/// values of `exp`, `iat` and `nbf` become Unix seconds) with the header `{"alg": "HS256",
/// "typ": "JWT"}` updated with `headers` (a falsy `typ` removes it), both written as
/// `json.dumps(obj, separators=(",", ":"), cls=json_encoder)` writes them (by core's writer
/// when there is no `json_encoder`), the header's keys sorted when `sort_headers` is true.
/// Core checks both and signs.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (payload, key, algorithm, headers, json_encoder, sort_headers, options, enabled))]
pub(crate) fn jwt_encode<'py>(
    py: Python<'py>,
    payload: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
    algorithm: &Bound<'py, PyAny>,
    headers: &Bound<'py, PyAny>,
    json_encoder: &Bound<'py, PyAny>,
    sort_headers: &Bound<'py, PyAny>,
    options: &Bound<'py, PyAny>,
    enabled: bool,
) -> PyResult<Bound<'py, PyString>> {
    let payload = payload.cast::<PyDict>().map_err(|_| {
        PyTypeError::new_err(
            "Expecting a dict object, as JWT only supports JSON objects as payloads.",
        )
    })?;
    let payload = with_timestamps(payload)?;
    if let Some(iss) = payload.get_item(intern!(py, "iss"))?
        && !iss.is_instance_of::<PyString>()
    {
        return Err(PyTypeError::new_err("Issuer (iss) must be a string."));
    }
    let signer = Signer::new(key, algorithm, headers, options, enabled)?;
    let claims_json = if json_encoder.is_none() {
        let mut json = Json(Vec::with_capacity(256));
        json.value(payload.as_any(), 0, false)?;
        json.0
    } else {
        json_dumps(payload.as_any(), json_encoder, false)?
    };
    signer.sign(&claims_json, json_encoder, sort_headers)
}

/// `jws_encode(payload, key, algorithm, headers, json_encoder, is_payload_detached,
/// sort_headers, options, enabled)`: `PyJWS.encode`, which forwards PyJWT's arguments here
/// (as [`jwt_encode`]). `payload` is the bytes to sign: core mints JWS whose payload is a JSON
/// object only (its `InvalidJsonError` otherwise), and no detached payloads.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (
    payload, key, algorithm, headers, json_encoder, is_payload_detached, sort_headers, options,
    enabled,
))]
pub(crate) fn jws_encode<'py>(
    py: Python<'py>,
    payload: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
    algorithm: &Bound<'py, PyAny>,
    headers: &Bound<'py, PyAny>,
    json_encoder: &Bound<'py, PyAny>,
    is_payload_detached: &Bound<'py, PyAny>,
    sort_headers: &Bound<'py, PyAny>,
    options: &Bound<'py, PyAny>,
    enabled: bool,
) -> PyResult<Bound<'py, PyString>> {
    if is_payload_detached.is_truthy()? {
        return Err(PyNotImplementedError::new_err(DETACHED));
    }
    let payload = bytes_like(payload, "payload")?;
    let signer = Signer::new(key, algorithm, headers, options, enabled)?;
    let _ = py;
    signer.sign_payload(payload.as_bytes(), json_encoder, sort_headers)
}

/// The refusal of detached payloads (`b64: false`) when minting.
const DETACHED: &str = "sigmint does not support detached payloads (b64: false)";

/// `json.dumps(obj, separators=(",", ":"), cls=json_encoder, sort_keys=sort_keys)` as UTF-8
/// bytes: PyJWT's encoding with a caller's encoder class.
fn json_dumps(
    obj: &Bound<'_, PyAny>,
    json_encoder: &Bound<'_, PyAny>,
    sort_keys: bool,
) -> PyResult<Vec<u8>> {
    let py = obj.py();
    static DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let kwargs = PyDict::new(py);
    kwargs.set_item("separators", (",", ":"))?;
    kwargs.set_item("cls", json_encoder)?;
    kwargs.set_item("sort_keys", sort_keys)?;
    let text = stdlib(py, &DUMPS, "json", "dumps")?.call((obj,), Some(&kwargs))?;
    let text = text.cast_into::<PyString>()?;
    Ok(utf8(&text)
        .map_err(|err| unicode_error(py, err))?
        .as_bytes()
        .to_vec())
}

/// What a token is minted with: PyJWT's choice of algorithm and header, and the key.
struct Signer<'py> {
    header: Option<Bound<'py, PyDict>>,
    key: KeyArgument<'py>,
}

impl<'py> Signer<'py> {
    /// PyJWT's reading of `key`, `algorithm` and `headers`: a `PyJWK` key signs with its
    /// secret and (for `algorithm=None`) its algorithm; `headers["alg"]`, when truthy, wins
    /// over `algorithm`; `None` is `"none"`, refused (sigmint mints no unsecured token; with
    /// a key, PyJWT's `InvalidKeyError`); any algorithm other than HS256 is PyJWT's
    /// `NotImplementedError`. The key is [`checked_key`] with the instance's
    /// `enforce_minimum_key_length`.
    fn new(
        key: &Bound<'py, PyAny>,
        algorithm: &Bound<'py, PyAny>,
        headers: &Bound<'py, PyAny>,
        options: &Bound<'py, PyAny>,
        enabled: bool,
    ) -> PyResult<Self> {
        let py = key.py();
        let jwk = jwk_secret(key)?;
        let algorithm = if algorithm.is_none() && jwk.is_some() {
            intern!(py, "HS256").clone().into_any()
        } else {
            algorithm.clone()
        };
        let key = jwk.as_ref().unwrap_or(key);
        let (alg, header) = if headers.is_truthy()? {
            let (alg, header) = header_of(&algorithm, headers)?;
            (alg, Some(header))
        } else if algorithm.is_none() {
            (intern!(py, "none").clone().into_any(), None)
        } else {
            (algorithm, None)
        };
        if alg.eq(intern!(py, "none"))? {
            if key.is_none() || key.eq(intern!(py, ""))? {
                return Err(PyNotImplementedError::new_err(
                    "Algorithm not supported: sigmint does not mint unsecured (alg \"none\") \
                     tokens",
                ));
            }
            return Err(pyjwt_error(
                py,
                "InvalidKeyError",
                "When alg = \"none\", key value must be None.",
            ));
        }
        if !enabled || alg.ne(intern!(py, "HS256"))? {
            return Err(unsupported_algorithm(&alg));
        }
        let options = (!options.is_none()).then_some(options);
        let enforce = option(options, intern!(py, "enforce_minimum_key_length"), false)?;
        let key = checked_key(key, enforce)?;
        Ok(Signer { header, key })
    }

    /// The token of `claims_json` (core checks it is a JSON object without duplicate keys,
    /// and the header), signed with the key.
    /// The header's JSON, when the caller gave one.
    fn header_json(
        &self,
        json_encoder: &Bound<'py, PyAny>,
        sort_headers: &Bound<'py, PyAny>,
    ) -> PyResult<Option<Vec<u8>>> {
        Ok(match &self.header {
            Some(header) if json_encoder.is_none() => {
                let mut json = Json(Vec::with_capacity(64));
                json.value(header.as_any(), 0, sort_headers.is_truthy()?)?;
                Some(json.0)
            }
            Some(header) => Some(json_dumps(
                header.as_any(),
                json_encoder,
                sort_headers.is_truthy()?,
            )?),
            None => None,
        })
    }

    /// A compact JWS of any `payload` bytes (PyJWS.encode).
    fn sign_payload(
        self,
        payload: &[u8],
        json_encoder: &Bound<'py, PyAny>,
        sort_headers: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyString>> {
        let py = json_encoder.py();
        let header_json = self.header_json(json_encoder, sort_headers)?;
        let header_json = header_json.as_deref().unwrap_or(jwt::HS256_HEADER);
        let key = check(py, Key::new(self.key?.as_bytes()))?;
        let mut out = vec![0u8; jws::encoded_len(header_json.len(), payload.len())];
        check(py, jws::encode(&key, header_json, payload, &mut out))
            .map(|token| PyString::new(py, token))
    }

    fn sign(
        self,
        claims_json: &[u8],
        json_encoder: &Bound<'py, PyAny>,
        sort_headers: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyString>> {
        let py = json_encoder.py();
        let header_json = self.header_json(json_encoder, sort_headers)?;
        let key = check(py, Key::new(self.key?.as_bytes()))?;
        match &header_json {
            Some(header_json) => {
                let mut out =
                    vec![0u8; jwt::encoded_len_with_header(header_json.len(), claims_json.len())];
                check(
                    py,
                    jwt::encode_json_with_header(&key, header_json, claims_json, &mut out),
                )
                .map(|token| PyString::new(py, token))
            }
            None => {
                let mut out = vec![0u8; jwt::encoded_len(claims_json.len())];
                check(py, jwt::encode_json(&key, claims_json, &mut out))
                    .map(|token| PyString::new(py, token))
            }
        }
    }
}

/// `payload`, or a copy of it whose `datetime` values of `exp`, `iat` and `nbf` are
/// `calendar.timegm(value.utctimetuple())` (PyJWT's conversion: naive ones are UTC).
fn with_timestamps<'py>(payload: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyDict>> {
    let py = payload.py();
    static TIMEGM: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let mut converted = payload.clone();
    for claim in [intern!(py, "exp"), intern!(py, "iat"), intern!(py, "nbf")] {
        let Some(value) = payload.get_item(claim)? else {
            continue;
        };
        if value.is_instance(&datetime_class(py)?)? {
            if converted.is(payload) {
                converted = payload.copy()?;
            }
            let timegm = stdlib(py, &TIMEGM, "calendar", "timegm")?;
            let seconds = timegm.call1((value.call_method0(intern!(py, "utctimetuple"))?,))?;
            converted.set_item(claim, seconds)?;
        }
    }
    Ok(converted)
}

/// The algorithm and the header PyJWT mints with given (truthy) `headers`: `headers["alg"]`
/// when it is truthy, else `algorithm` (`None` is `"none"`); `{"typ": "JWT", "alg": alg,
/// **headers}`, without `typ` when that is falsy and without `b64`. Refused: `b64` false
/// (detached payloads are not supported), a `kid` that is not a string.
fn header_of<'py>(
    algorithm: &Bound<'py, PyAny>,
    headers: &Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyDict>)> {
    let py = headers.py();
    let get = |name: &Bound<'py, PyString>| -> PyResult<Option<Bound<'py, PyAny>>> {
        match headers.cast_exact::<PyDict>() {
            Ok(dict) => dict.get_item(name),
            Err(_) => headers.call_method1(intern!(py, "get"), (name,)).map(Some),
        }
    };
    let mut alg = if algorithm.is_none() {
        intern!(py, "none").clone().into_any()
    } else {
        algorithm.clone()
    };
    if let Some(value) = get(intern!(py, "alg"))?
        && value.is_truthy()?
    {
        alg = value;
    }
    // `headers.get("b64") is False`
    let b64_false = get(intern!(py, "b64"))?
        .is_some_and(|b64| b64.cast::<PyBool>().is_ok_and(|b64| !b64.is_true()));
    if b64_false {
        return Err(PyNotImplementedError::new_err(DETACHED));
    }
    let kid = intern!(py, "kid");
    if headers.contains(kid)? && !headers.get_item(kid)?.is_instance_of::<PyString>() {
        return Err(pyjwt_error(
            py,
            "InvalidTokenError",
            "Key ID header parameter must be a string",
        ));
    }
    let header = PyDict::new(py);
    header.set_item(intern!(py, "typ"), intern!(py, "JWT"))?;
    header.set_item(intern!(py, "alg"), &alg)?;
    header.update(headers.cast::<PyMapping>()?)?;
    let typ = intern!(py, "typ");
    if let Some(value) = header.get_item(typ)?
        && !value.is_truthy()?
    {
        header.del_item(typ)?;
    }
    let b64 = intern!(py, "b64");
    if header.contains(b64)? {
        header.del_item(b64)?;
    }
    Ok((alg, header))
}

/// JSON text being written with core's writer, as `json.dumps(obj, separators=(",", ":"),
/// allow_nan=False)` writes it.
struct Json(Vec<u8>);

impl Sink for Json {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.0.extend_from_slice(bytes);
        Ok(())
    }
}

impl Json {
    /// Writes `obj` (ASCII only, `float.__repr__` for floats, dict subclasses, lists and
    /// tuples), with nesting bounded by core's `json::MAX_DEPTH` (which also stops circular
    /// references); dict keys sorted when asked.
    fn value(&mut self, obj: &Bound<'_, PyAny>, depth: usize, sort_keys: bool) -> PyResult<()> {
        let py = obj.py();
        if let Ok(string) = obj.cast::<PyString>() {
            let text = utf8(string).map_err(|err| unicode_error(py, err))?;
            return self.string(py, &text);
        }
        if obj.is_none() {
            self.0.extend_from_slice(b"null");
            return Ok(());
        }
        if let Ok(boolean) = obj.cast::<PyBool>() {
            self.0
                .extend_from_slice(if boolean.is_true() { b"true" } else { b"false" });
            return Ok(());
        }
        if obj.is_instance_of::<PyInt>() {
            return self.int(obj);
        }
        if let Ok(float) = obj.cast::<PyFloat>() {
            return self.float(py, float.value());
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
            return Err(core_error(
                py,
                Error::JsonTooDeep {
                    limit: json::MAX_DEPTH,
                },
            ));
        }
        if let Ok(dict) = obj.cast::<PyDict>() {
            return self.object(dict, depth + 1, sort_keys);
        }
        self.0.push(b'[');
        for (i, item) in obj.try_iter()?.enumerate() {
            if i > 0 {
                self.0.push(b',');
            }
            self.value(&item?, depth + 1, sort_keys)?;
        }
        self.0.push(b']');
        Ok(())
    }

    /// A dict as a JSON object; keys as `json.dumps` converts them (str as is; int, float,
    /// bool and None to their JSON text), sorted by that text when asked.
    fn object(&mut self, dict: &Bound<'_, PyDict>, depth: usize, sort_keys: bool) -> PyResult<()> {
        let py = dict.py();
        let items: Vec<_> = dict.iter().collect();
        let mut members = items
            .iter()
            .map(|(key, value)| Ok((key_text(key)?, value)))
            .collect::<PyResult<Vec<_>>>()?;
        if sort_keys {
            members.sort_by(|(a, _), (b, _)| str::cmp(a, b));
        }
        self.0.push(b'{');
        for (i, (key, value)) in members.iter().enumerate() {
            if i > 0 {
                self.0.push(b',');
            }
            self.string(py, key)?;
            self.0.push(b':');
            self.value(value, depth, sort_keys)?;
        }
        self.0.push(b'}');
        Ok(())
    }

    /// A string, escaped as `json.dumps` escapes it with `ensure_ascii=True` (core's
    /// [`Escape::Ascii`]).
    fn string(&mut self, py: Python<'_>, text: &str) -> PyResult<()> {
        check(py, writer::write_str(text, Escape::Ascii, self))
    }

    /// An int (of any size; subclasses as `int.__repr__` shows them).
    fn int(&mut self, obj: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = obj.py();
        if let Ok(int) = obj.extract::<i64>() {
            return check(py, writer::write_i64(int, self));
        }
        let text = py.get_type::<PyInt>().call_method1("__repr__", (obj,))?;
        self.0
            .extend_from_slice(utf8(text.cast::<PyString>()?)?.as_bytes());
        Ok(())
    }

    /// A finite float as `float.__repr__` writes it (what `json.dumps` writes); NaN and the
    /// infinities are refused as `json.dumps(..., allow_nan=False)` refuses them, since core
    /// (and RFC 8259) has no JSON for them.
    fn float(&mut self, py: Python<'_>, value: f64) -> PyResult<()> {
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
        self.0.extend_from_slice(text.to_cow()?.as_bytes());
        Ok(())
    }
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
            .map_err(|err| unicode_error(py, err));
    }
    let mut text = Json(Vec::new());
    if key.is_none() || key.is_instance_of::<PyBool>() || key.is_instance_of::<PyInt>() {
        text.value(key, 0, false)?;
    } else if let Ok(float) = key.cast::<PyFloat>() {
        text.float(py, float.value())?;
    } else {
        return Err(type_error("keys", "str, int, float, bool or None", key));
    }
    String::from_utf8(text.0)
        .map(KeyText::Converted)
        .map_err(|_| core_error(py, Error::InvalidUtf8))
}
