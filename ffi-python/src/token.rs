//! JWS/JWT functions behind `sigmint.jwt` and `sigmint.jws`.
//!
//! Core decodes, verifies and validates; this module converts. Claims come back as Python
//! objects built straight from core's JSON reader (no `json.loads` round trip), and claims to
//! mint are written as JSON here, byte for byte as `json.dumps(obj, separators=(",", ":"))`
//! writes them (PyJWT's encoding), then handed to core, which checks and signs them. The
//! PyJWT-style argument handling (options, defaults, clock, leeway) is in
//! `python/sigmint/jwt.py`.

use std::borrow::Cow;
use std::io::Write as _;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use sigmint_core::json::{self, Kind, Value};
use sigmint_core::jws::{self, Algorithm, Limits};
use sigmint_core::jwt::{self, Claims, Validation};
use sigmint_core::{Error, Key};

use crate::{Utf8, bytes_like, check, core_error, secret_text, text, type_error, utf8};

/// The algorithm list core gets: HS256 when the caller allowed it, else none (every token
/// is then refused as not allowed, as PyJWT does for an alg missing from `algorithms`).
fn algorithms(hs256: bool) -> &'static [Algorithm] {
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
    let required: Vec<&str> = required.iter().map(String::as_str).collect();
    let audience: Option<Vec<&str>> = audience
        .as_ref()
        .map(|names| names.iter().map(String::as_str).collect());
    let issuer: Option<Vec<&str>> = issuer
        .as_ref()
        .map(|names| names.iter().map(String::as_str).collect());
    let limits = Limits {
        max_token_len,
        max_depth,
    };
    let validation = Validation {
        now,
        leeway,
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
        algorithms: algorithms(hs256),
        limits,
    };
    // Zeroed with calloc, so an oversized token (refused by core first) costs no page writes.
    let mut scratch = vec![0u8; jws::scratch_len(&token)];
    if !verify_signature {
        let (header, claims) = check(py, jwt::dangerous_unverified(&token, &mut scratch, &limits))?;
        claims
            .validate(&header, &validation)
            .map_err(|error| claims_error(py, error, &claims, &validation))?;
        return object_to_dict(py, claims.json());
    }
    let key = key_bytes(key)?;
    let key = check(py, Key::new(key.as_bytes()))?;
    match jwt::decode(&token, &mut scratch, &key, &validation) {
        Ok(verified) => object_to_dict(py, verified.claims().json()),
        Err(Error::MissingClaim) => {
            // The signature verified (validation comes after it): read the claims again
            // to name the missing one.
            let mut again = vec![0u8; jws::scratch_len(&token)];
            Err(
                match jwt::dangerous_unverified(&token, &mut again, &limits) {
                    Ok((_, claims)) => claims_error(py, Error::MissingClaim, &claims, &validation),
                    Err(error) => core_error(py, error),
                },
            )
        }
        Err(error) => Err(core_error(py, error)),
    }
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
    let header_b64 = token.split('.').next().unwrap_or("");
    let mut header = vec![0u8; jws::scratch_len(header_b64)];
    let unverified = check(py, jws::decode(&token, &mut header, &limits))?;
    let mut payload = vec![0u8; unverified.payload_len()];
    let payload = if verify_signature {
        let key = key_bytes(key)?;
        let key = check(py, Key::new(key.as_bytes()))?;
        let verified = check(py, unverified.verify(&key, algorithms(hs256)))?;
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
    let header_b64 = token.split('.').next().unwrap_or("");
    let mut header = vec![0u8; jws::scratch_len(header_b64)];
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
        let mut members = dict
            .iter()
            .map(|(key, value)| Ok((key_text(&key)?.into_owned(), value)))
            .collect::<PyResult<Vec<_>>>()?;
        members.sort_by(|a, b| a.0.cmp(&b.0));
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

/// A dict key's JSON text, converted as `json.dumps` converts it.
fn key_text<'a>(key: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, str>> {
    let py = key.py();
    if let Ok(string) = key.cast::<PyString>() {
        return utf8(string)
            .map(|text| Cow::Owned(text.to_owned()))
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
        .map(Cow::Owned)
        .map_err(|_| core_error(py, Error::InvalidUtf8))
}

/// An int (of any size, subclasses as `int.__repr__` shows them).
fn write_int(obj: &Bound<'_, PyAny>, out: &mut Vec<u8>) -> PyResult<()> {
    if let Ok(int) = obj.extract::<i64>() {
        // Writing into a Vec cannot fail.
        let _ = write!(out, "{int}");
        return Ok(());
    }
    let text = obj
        .py()
        .get_type::<PyInt>()
        .call_method1("__repr__", (obj,))?;
    out.extend_from_slice(text.cast::<PyString>()?.to_cow()?.as_bytes());
    Ok(())
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

/// `"text"` as `json.dumps` writes it with `ensure_ascii=True`: printable ASCII as is, `"`
/// and `\` and the usual control characters as two-character escapes, everything else as
/// `\uXXXX` (lower-case hex; UTF-16 surrogate pairs beyond the BMP).
fn write_escaped(text: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    for c in text.chars() {
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\u{8}' => out.extend_from_slice(b"\\b"),
            '\u{c}' => out.extend_from_slice(b"\\f"),
            ' '..='~' => {
                let mut buf = [0u8; 1];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push(b'"');
}
