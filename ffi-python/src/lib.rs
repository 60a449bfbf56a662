//! `sigmint._sigmint`: the compiled half of the `sigmint` Python package.
//!
//! Thin by design: every rule (validation, canonical strings, encodings, limits) lives once, in
//! `sigmint-core`. This crate only converts Python objects to Rust values and back, and raises
//! the exception class that `python/sigmint/_errors.py` (generated from core's error table)
//! declares for each core [`Error`]. The Python half (`python/sigmint/`) adds the HTTP
//! clients and the friendlier signatures; `python/sigmint/_sigmint.pyi` describes this module
//! for type checkers. PyJWT's arguments for `sigmint.jwt` and `sigmint.jws` are converted in
//! [`token`], their one home. The calls made most (`Signer.headers`, `jwt.decode`,
//! `jwt.encode`) reach Rust with at most a forwarding Python frame in front: at a microsecond
//! per signature, a Python step or a copied argument is a visible share.

mod providers;
mod schemes;
mod token;

use std::ops::Deref;
use std::os::raw::c_char;
use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::exceptions::{
    PyOverflowError, PyRuntimeError, PyTypeError, PyUnicodeEncodeError, PyValueError,
};
use pyo3::ffi;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyMemoryView, PyModule, PyString, PyTuple, PyType};
use sigmint_core::providers::fonbnk;
use sigmint_core::{Claim, Error, ErrorKind, Key, json, jws};

/// Messages at least this long are MACed with the interpreter released, so other Python
/// threads run meanwhile (hashlib does the same above 2 KiB). Shorter ones are not worth the
/// switch.
const DETACH_AT: usize = 16 * 1024;

/// The room a core writer first gets: enough for every header, path and body sigmint builds
/// in practice. When it is not, core says how much is needed and the call is made again.
const FIRST_BUFFER_LEN: usize = 512;

/// `sigmint._errors._BY_CODE`, looked up once: core error code -> exception class.
static ERROR_CLASSES: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

/// The Python exception for a core error: the class `sigmint._errors` registers for its code,
/// with core's message (which never holds secret material).
fn core_error(py: Python<'_>, error: Error) -> PyErr {
    core_error_in(py, error, &[])
}

/// [`core_error`] for an error of a JWT validation whose required claims are `required`:
/// `MissingClaimError` names its claim from the error's context, as PyJWT's
/// `MissingRequiredClaimError(claim)` does (`Claim::Required(i)` is `required[i]`).
pub(crate) fn core_error_in(py: Python<'_>, error: Error, required: &[&str]) -> PyErr {
    let class = match error_class(py, error) {
        Ok(class) => class,
        Err(lookup) => {
            // Only a broken installation gets here (the Python half is missing or damaged).
            let err = PyRuntimeError::new_err(format!(
                "sigmint error {} ({}): {}",
                error.code(),
                error.name(),
                error.message()
            ));
            err.set_cause(py, Some(lookup));
            return err;
        }
    };
    let claim = match error.claim() {
        Some(Claim::Named(name)) => Some(name),
        Some(Claim::Required(i)) => required.get(i).copied(),
        _ => None,
    };
    match claim {
        Some(name) if error.kind() == ErrorKind::MissingClaim => {
            PyErr::from_type(class, (name.to_owned(),))
        }
        Some(name) if error.kind() == ErrorKind::InvalidClaimType => {
            let class = claim_type_class(py, name).ok().flatten().unwrap_or(class);
            PyErr::from_type(class, error.message())
        }
        _ => error_of_class(py, &class, error),
    }
}

/// `error` raised as `class`, with core's message and, for an error that carries one, its
/// context: the part or header a scheme error is about (named in the message and set as the
/// exception's `part` or `header`), or the offset in a template (`offset`).
pub(crate) fn error_of_class(py: Python<'_>, class: &Bound<'_, PyType>, error: Error) -> PyErr {
    let message = error.message();
    let made = if let Some(offset) = error.offset() {
        class
            .call1((format!("{message} (at offset {offset})"),))
            .and_then(|exc| exc.setattr(intern!(py, "offset"), offset).map(|()| exc))
    } else if let Some(part) = error.part() {
        let attribute = match error.kind() {
            ErrorKind::MissingHeader | ErrorKind::MalformedHeader => intern!(py, "header"),
            _ => intern!(py, "part"),
        };
        class
            .call1((format!("{message}: {part}"),))
            .and_then(|exc| exc.setattr(attribute, part).map(|()| exc))
    } else {
        return PyErr::from_type(class.clone(), message);
    };
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

/// `sigmint._claim_errors._BY_CLAIM[claim]`: for a registered claim of the wrong type whose
/// refusal PyJWT raises as its own class (`iat`: `InvalidIssuedAtError`, `sub`, `jti`, `aud`,
/// `iss`), the `InvalidClaimTypeError` subclass that also derives from that class.
fn claim_type_class<'py>(py: Python<'py>, claim: &str) -> PyResult<Option<Bound<'py, PyType>>> {
    static BY_CLAIM: PyOnceLock<Py<PyDict>> = PyOnceLock::new();
    let by_claim = BY_CLAIM.get_or_try_init(py, || -> PyResult<Py<PyDict>> {
        let module = py.import("sigmint._claim_errors")?;
        Ok(module.getattr("_BY_CLAIM")?.cast_into::<PyDict>()?.unbind())
    })?;
    by_claim
        .bind(py)
        .get_item(claim)?
        .map(|class| class.cast_into::<PyType>().map_err(PyErr::from))
        .transpose()
}

/// The exception class for `error`; the base `sigmint.Error` for a code with no class of its
/// own (the tests make sure there is none).
fn error_class(py: Python<'_>, error: Error) -> PyResult<Bound<'_, PyType>> {
    let by_code = ERROR_CLASSES.get_or_try_init(py, || -> PyResult<Py<PyDict>> {
        let module = py.import("sigmint._errors")?;
        Ok(module.getattr("_BY_CODE")?.cast_into::<PyDict>()?.unbind())
    })?;
    let class = match by_code.bind(py).get_item(error.code())? {
        Some(class) => class,
        None => py.import("sigmint._errors")?.getattr("Error")?,
    };
    Ok(class.cast_into::<PyType>()?)
}

/// Maps a core result onto a Python one.
fn check<T>(py: Python<'_>, result: Result<T, Error>) -> PyResult<T> {
    result.map_err(|error| core_error(py, error))
}

/// Calls `f` with `len` bytes of scratch space, and once more with the room core says it
/// needs ([`Error::BufferTooSmall`]'s `needed`) when that was too little. With `wipe`, the
/// space is zeroed before it is freed (it held a secret).
pub(crate) fn with_scratch<T>(
    len: usize,
    wipe: bool,
    mut f: impl FnMut(&mut [u8]) -> Result<T, Error>,
) -> Result<T, Error> {
    let mut scratch = vec![0u8; len];
    let mut result = f(&mut scratch);
    if let Err(Error::BufferTooSmall { needed }) = result
        && needed > len
    {
        if wipe {
            scratch.fill(0);
        }
        scratch = vec![0u8; needed];
        result = f(&mut scratch);
    }
    if wipe {
        scratch.fill(0);
    }
    result
}

/// The text a core writer writes, as `str` (see [`with_scratch`]).
pub(crate) fn written<'py, W>(py: Python<'py>, write: W) -> PyResult<Bound<'py, PyString>>
where
    W: for<'o> Fn(&'o mut [u8]) -> Result<&'o str, Error>,
{
    check(
        py,
        with_scratch(FIRST_BUFFER_LEN, false, |buf| {
            write(buf).map(|text| PyString::new(py, text))
        }),
    )
}

/// `TypeError: {what} must be {expected}, not {type of obj}`.
pub(crate) fn type_error(what: &str, expected: &str, obj: &Bound<'_, PyAny>) -> PyErr {
    let type_name = obj
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| String::from("?"));
    PyTypeError::new_err(format!("{what} must be {expected}, not {type_name}"))
}

/// Whether the interpreter is Python 3.10 or later, where `PyUnicode_AsUTF8AndSize` is part
/// of the stable ABI; set when the module is imported.
static UTF8_IN_PLACE: AtomicBool = AtomicBool::new(false);

unsafe extern "C" {
    // PyO3 declares this only when built for Python >= 3.10, but the one abi3 wheel built for
    // 3.9 serves later versions too; it is called only on those (see `UTF8_IN_PLACE`).
    fn PyUnicode_AsUTF8AndSize(
        unicode: *mut ffi::PyObject,
        size: *mut ffi::Py_ssize_t,
    ) -> *const c_char;
}

/// A `str`'s UTF-8 text, never copied into Rust memory: read in place where the interpreter
/// keeps it (Python >= 3.10: an ASCII string's own bytes, or the UTF-8 form CPython caches
/// in the string), else from its encoding into a `bytes` object (3.9's stable ABI has
/// nothing else). Every argument and every `str` written as JSON goes through here, so a
/// copy per string is a copy per argument per call.
pub(crate) enum Utf8<'a> {
    /// Borrowed from the string object.
    InPlace(&'a str),
    /// Held by a `bytes` object.
    Encoded(PyBackedStr),
}

impl Deref for Utf8<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Utf8::InPlace(text) => text,
            Utf8::Encoded(text) => text,
        }
    }
}

/// `string` as UTF-8 ([`Utf8`]). A lone surrogate has no UTF-8 form: `UnicodeEncodeError`.
pub(crate) fn utf8<'a>(string: &'a Bound<'_, PyString>) -> PyResult<Utf8<'a>> {
    if !UTF8_IN_PLACE.load(Ordering::Relaxed) {
        return PyBackedStr::try_from(string.clone()).map(Utf8::Encoded);
    }
    let mut len: ffi::Py_ssize_t = 0;
    // SAFETY: `string` is a live `str` (the GIL is held), and on Python >= 3.10 this is a
    // stable-ABI function. It returns NULL with an exception set, or `len` bytes of valid
    // UTF-8 owned by the string, which `'a` keeps alive (strings are immutable).
    let data = unsafe { PyUnicode_AsUTF8AndSize(string.as_ptr(), &mut len) };
    if data.is_null() {
        return Err(PyErr::fetch(string.py()));
    }
    let len = usize::try_from(len).unwrap_or(0);
    // SAFETY: as above: `len` initialized bytes of UTF-8 at `data`, valid for `'a`.
    Ok(Utf8::InPlace(unsafe {
        std::str::from_utf8_unchecked(std::slice::from_raw_parts(data.cast::<u8>(), len))
    }))
}

/// A `str` argument as UTF-8. A string holding a lone surrogate has no UTF-8 form: that is
/// core's `InvalidUtf8`, raised without the codec's message (which would quote the text).
fn text<'a>(obj: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Utf8<'a>> {
    let string = obj
        .cast::<PyString>()
        .map_err(|_| type_error(what, "str", obj))?;
    utf8(string).map_err(|err| unicode_error(obj.py(), err))
}

/// A secret `str` argument's UTF-8 form, in a Python `bytes` object that the caller borrows
/// the text from. Unlike [`text`], this makes no copy in Rust memory (which the stable ABI of
/// Python 3.9 would otherwise need, and which nothing would wipe).
fn secret_text<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Bound<'py, PyBytes>> {
    let string = obj
        .cast::<PyString>()
        .map_err(|_| type_error(what, "str", obj))?;
    string
        .encode_utf8()
        .map_err(|err| unicode_error(obj.py(), err))
}

/// Maps a failed UTF-8 encoding onto core's `InvalidUtf8`; other errors pass unchanged.
fn unicode_error(py: Python<'_>, err: PyErr) -> PyErr {
    if err.is_instance_of::<PyUnicodeEncodeError>(py) {
        core_error(py, Error::InvalidUtf8)
    } else {
        err
    }
}

/// A bytes-like argument (`bytes`, `bytearray`, `memoryview` or any other buffer) as `bytes`:
/// borrowed when it is `bytes` already, copied out through a `memoryview` otherwise (the
/// stable ABI before Python 3.11 has no buffer API).
fn bytes_like<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Bound<'py, PyBytes>> {
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return Ok(bytes.clone());
    }
    let view = PyMemoryView::from(obj).map_err(|_| {
        type_error(
            what,
            "a bytes-like object (bytes, bytearray, memoryview)",
            obj,
        )
    })?;
    Ok(view.call_method0("tobytes")?.cast_into::<PyBytes>()?)
}

/// A timestamp in Unix milliseconds: any int (or `__index__` object) in `0..=2**64-1`.
/// `bool` is refused: `True` is no timestamp anyone meant.
/// An inbound request's timestamp: an int, or the `x-timestamp` header's text as received,
/// which core reads (`InvalidFieldError` unless ASCII digits within a u64).
pub(crate) fn inbound_timestamp(obj: &Bound<'_, PyAny>) -> PyResult<u64> {
    match obj.cast::<PyString>() {
        Ok(text) => {
            let text = utf8(text).map_err(|err| unicode_error(obj.py(), err))?;
            check(obj.py(), fonbnk::parse_timestamp(text.as_bytes()))
        }
        Err(_) => timestamp(obj),
    }
}

fn timestamp(obj: &Bound<'_, PyAny>) -> PyResult<u64> {
    const EXPECTED: &str = "an int (Unix milliseconds)";
    if obj.is_instance_of::<PyBool>() {
        return Err(type_error("timestamp_ms", EXPECTED, obj));
    }
    // Every real timestamp fits an i64, which CPython converts in a few instructions; its
    // u64 conversion goes through a byte array, so it is only the fallback for the top half.
    let converted = match obj.extract::<i64>() {
        Ok(ms) => return u64::try_from(ms).map_err(|_| timestamp_out_of_range(obj)),
        Err(err) if err.is_instance_of::<PyOverflowError>(obj.py()) => obj.extract::<u64>(),
        Err(err) => Err(err),
    };
    converted.map_err(|err| {
        if err.is_instance_of::<PyOverflowError>(obj.py()) {
            timestamp_out_of_range(obj)
        } else {
            type_error("timestamp_ms", EXPECTED, obj)
        }
    })
}

/// `ValueError` for a timestamp outside `0..=2**64-1`, showing it when it is short.
fn timestamp_out_of_range(obj: &Bound<'_, PyAny>) -> PyErr {
    let shown = obj
        .repr()
        .map(|repr| repr.to_string())
        .ok()
        .filter(|repr| repr.len() <= 48)
        .map(|repr| format!(", got {repr}"))
        .unwrap_or_default();
    PyValueError::new_err(format!(
        "timestamp_ms must be between 0 and 2**64-1 = {} (Unix milliseconds){shown}",
        u64::MAX
    ))
}

/// `hmac_sha256(key, msg)`: the 32-byte HMAC-SHA256 tag of `msg` under `key`.
#[pyfunction]
fn hmac_sha256<'py>(
    py: Python<'py>,
    key: &Bound<'py, PyAny>,
    msg: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let key = bytes_like(key, "key")?;
    let msg = bytes_like(msg, "msg")?;
    let key = check(py, Key::new(key.as_bytes()))?;
    let msg = msg.as_bytes();
    let tag = if msg.len() >= DETACH_AT {
        py.detach(|| key.sign(&[msg]))
    } else {
        key.sign(&[msg])
    };
    Ok(PyBytes::new(py, tag.as_bytes()))
}

/// `hmac_sha256_verify(key, msg, tag)`: whether `tag` is the full 32-byte HMAC-SHA256 tag of
/// `msg` under `key`, compared in constant time. A tag of any other length is `False`.
#[pyfunction]
fn hmac_sha256_verify(
    py: Python<'_>,
    key: &Bound<'_, PyAny>,
    msg: &Bound<'_, PyAny>,
    tag: &Bound<'_, PyAny>,
) -> PyResult<bool> {
    let key = bytes_like(key, "key")?;
    let msg = bytes_like(msg, "msg")?;
    let tag = bytes_like(tag, "tag")?;
    let key = check(py, Key::new(key.as_bytes()))?;
    let (msg, tag) = (msg.as_bytes(), tag.as_bytes());
    let verified = if msg.len() >= DETACH_AT {
        py.detach(|| key.verify(&[msg], tag))
    } else {
        key.verify(&[msg], tag)
    };
    Ok(verified.is_ok())
}

/// `fonbnk_endpoint(path, params)`: the endpoint Fonbnk signs, from a path and a sequence of
/// `(name, value)` tuples of `str` (`sigmint.fonbnk.endpoint` converts friendlier input).
#[pyfunction]
fn fonbnk_endpoint<'py>(
    py: Python<'py>,
    path: &Bound<'py, PyAny>,
    params: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyString>> {
    let path = text(path, "path")?;
    let items = params
        .try_iter()?
        .map(|item| item?.extract::<(Bound<'py, PyAny>, Bound<'py, PyAny>)>())
        .collect::<PyResult<Vec<_>>>()?;
    let texts = items
        .iter()
        .map(|(name, value)| Ok((text(name, "param name")?, text(value, "param value")?)))
        .collect::<PyResult<Vec<_>>>()?;
    let pairs = texts.iter().map(|(name, value)| (&**name, &**value));
    written(py, |buf| fonbnk::write_endpoint(&path, pairs.clone(), buf))
}

/// `fonbnk_string_to_sign(endpoint, timestamp_ms)`: `"{timestamp_ms}:{endpoint}"`, the text
/// a Fonbnk signature covers, for debugging a mismatch.
#[pyfunction]
fn fonbnk_string_to_sign<'py>(
    py: Python<'py>,
    endpoint: &Bound<'py, PyAny>,
    timestamp_ms: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyString>> {
    let endpoint = text(endpoint, "endpoint")?;
    let timestamp_ms = timestamp(timestamp_ms)?;
    written(py, |buf| {
        fonbnk::string_to_sign(timestamp_ms, &endpoint, buf)
    })
}

/// `sigmint.fonbnk.now_ms()`: the time a request is stamped with when the caller gives none
/// (called through its module, as Python code would, so that patching it is honoured).
fn fonbnk_now_ms(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    static FONBNK: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let module = FONBNK.get_or_try_init(py, || py.import("sigmint.fonbnk").map(Bound::unbind))?;
    module.bind(py).getattr(intern!(py, "now_ms"))?.call0()
}

/// A Fonbnk client id with its key, decoded and precomputed once; the key never leaves Rust
/// and is wiped when the signer is freed. Neither `repr` nor pickling reveals it.
///
/// `sigmint.fonbnk.Signer` subclasses it, so that signing is one call from Python into Rust
/// (a method of its own would put a Python frame in front of each signature).
#[pyclass(module = "sigmint._sigmint", frozen, subclass)]
struct FonbnkSigner {
    inner: fonbnk::Signer,
    /// The client id as a Python string, made once: every headers dict holds this one.
    client_id: Py<PyString>,
}

/// The three Fonbnk headers as a dict, in the order the docs list them. The names are
/// interned once and the client id is the signer's own string, so a call makes only the
/// timestamp and signature strings and the dict.
fn headers_dict<'py>(
    py: Python<'py>,
    client_id: &Py<PyString>,
    headers: &fonbnk::Headers,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, fonbnk::HEADER_CLIENT_ID), client_id.bind(py))?;
    dict.set_item(intern!(py, fonbnk::HEADER_TIMESTAMP), headers.timestamp())?;
    dict.set_item(intern!(py, fonbnk::HEADER_SIGNATURE), headers.signature())?;
    Ok(dict)
}

#[pymethods]
impl FonbnkSigner {
    /// A signer for `client_id` with the base64 `client_secret` from the Fonbnk dashboard.
    #[new]
    fn new(client_id: &Bound<'_, PyAny>, client_secret: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = client_id.py();
        let client_id = text(client_id, "client_id")?;
        let client_secret = secret_text(client_secret, "client_secret")?;
        let client_secret = std::str::from_utf8(client_secret.as_bytes())
            .map_err(|_| core_error(py, Error::InvalidUtf8))?;
        let inner = check(py, fonbnk::Signer::new(&client_id, client_secret))?;
        let client_id = PyString::new(py, inner.client_id()).unbind();
        Ok(FonbnkSigner { inner, client_id })
    }

    /// The client id, sent as ``x-client-id``.
    #[getter]
    fn client_id(&self, py: Python<'_>) -> Py<PyString> {
        self.client_id.clone_ref(py)
    }

    /// The ``x-signature`` value for ``endpoint`` (as :func:`endpoint` builds it) at
    /// ``timestamp_ms`` (Unix milliseconds, ``0 <= timestamp_ms < 2**64``).
    fn sign<'py>(
        &self,
        py: Python<'py>,
        endpoint: &Bound<'py, PyAny>,
        timestamp_ms: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyString>> {
        let endpoint = text(endpoint, "endpoint")?;
        let timestamp_ms = timestamp(timestamp_ms)?;
        let signature = check(py, self.inner.sign(timestamp_ms, &endpoint))?;
        Ok(PyString::new(py, &signature))
    }

    /// The ``x-client-id``, ``x-timestamp`` and ``x-signature`` headers for a request to
    /// ``endpoint`` at ``timestamp_ms``, or now by the system clock when it is ``None``.
    #[pyo3(signature = (endpoint, timestamp_ms=None))]
    fn headers<'py>(
        &self,
        py: Python<'py>,
        endpoint: &Bound<'py, PyAny>,
        timestamp_ms: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let endpoint = text(endpoint, "endpoint")?;
        let timestamp_ms = match timestamp_ms {
            Some(ms) => timestamp(ms)?,
            None => timestamp(&fonbnk_now_ms(py)?)?,
        };
        let headers = check(py, self.inner.headers(timestamp_ms, &endpoint))?;
        headers_dict(py, &self.client_id, &headers)
    }

    /// Checks an inbound ``x-signature`` for ``endpoint`` (the path and query exactly as
    /// received) at ``timestamp_ms`` (an int, or the ``x-timestamp`` header's text as
    /// received), in constant time. Raises
    /// :class:`~sigmint.InvalidSignatureError` when it does not match. Check the timestamp
    /// first (:func:`check_timestamp`) and refuse replays yourself.
    fn verify(
        &self,
        py: Python<'_>,
        endpoint: &Bound<'_, PyAny>,
        timestamp_ms: &Bound<'_, PyAny>,
        signature: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let endpoint = text(endpoint, "endpoint")?;
        let timestamp_ms = inbound_timestamp(timestamp_ms)?;
        let signature = text(signature, "signature")?;
        check(py, self.inner.verify(timestamp_ms, &endpoint, &*signature))
    }

    /// A signed request to the endpoint at `path` (one of core's `Endpoint`s) carrying `body`:
    /// `(method, path, headers)` (`Signer.sign_request` makes its `Request`).
    #[pyo3(name = "_sign_request")]
    fn sign_request<'py>(
        &self,
        py: Python<'py>,
        path: &Bound<'py, PyAny>,
        timestamp_ms: &Bound<'py, PyAny>,
        body: &Bound<'py, PyAny>,
    ) -> PyResult<(&'static str, &'static str, Bound<'py, PyDict>)> {
        let endpoint = providers::fonbnk_endpoint_by_path(&text(path, "path")?)?;
        let timestamp_ms = timestamp(timestamp_ms)?;
        let body = text(body, "body")?;
        let request = check(
            py,
            fonbnk::sign_request(&self.inner, endpoint, timestamp_ms, &body),
        )?;
        let dict = headers_dict(py, &self.client_id, &request.headers)?;
        dict.set_item(intern!(py, "content-type"), fonbnk::Request::CONTENT_TYPE)?;
        Ok((request.endpoint.method(), request.endpoint.path(), dict))
    }

    /// `Signer(client_id='...')` (the class's own name): never the secret.
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let class = slf.get_type().name()?;
        let client_id = slf.get().client_id.bind(slf.py()).repr()?;
        Ok(format!("{class}(client_id={client_id})"))
    }

    /// Refuses pickling: a pickle would have to carry the secret.
    fn __reduce__(&self) -> PyResult<()> {
        Err(PyTypeError::new_err(
            "cannot pickle a Fonbnk Signer: it holds a secret key; \
             create it again from the client id and the secret where it is needed",
        ))
    }

    /// The signer is immutable, so a copy is the signer itself.
    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// The signer is immutable, so a deep copy is the signer itself.
    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// The compiled core of the `sigmint` package; import `sigmint` and `sigmint.fonbnk` instead.
#[pymodule]
fn _sigmint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    UTF8_IN_PLACE.store(py.version_info() >= (3, 10), Ordering::Relaxed);
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // Core's error table, in code order: the Python exception classes are checked against it.
    let errors = ErrorKind::ALL
        .iter()
        .map(|kind| (kind.code(), kind.name(), kind.message()));
    m.add("ERRORS", PyTuple::new(py, errors)?)?;
    m.add("FONBNK_SIGNATURE_LEN", fonbnk::SIGNATURE_LEN)?;
    m.add("FONBNK_CLIENT_ID_MAX_LEN", fonbnk::CLIENT_ID_MAX_LEN)?;
    m.add(
        "FONBNK_HEADERS",
        (
            fonbnk::HEADER_CLIENT_ID,
            fonbnk::HEADER_TIMESTAMP,
            fonbnk::HEADER_SIGNATURE,
        ),
    )?;
    m.add("JWT_DEFAULT_MAX_TOKEN_LEN", jws::DEFAULT_MAX_TOKEN_LEN)?;
    m.add("JSON_DEFAULT_MAX_DEPTH", json::DEFAULT_MAX_DEPTH)?;
    m.add("JSON_MAX_DEPTH", json::MAX_DEPTH)?;
    m.add_function(wrap_pyfunction!(hmac_sha256, m)?)?;
    m.add_function(wrap_pyfunction!(hmac_sha256_verify, m)?)?;
    m.add_function(wrap_pyfunction!(fonbnk_endpoint, m)?)?;
    m.add_function(wrap_pyfunction!(fonbnk_string_to_sign, m)?)?;
    m.add_class::<FonbnkSigner>()?;
    m.add_function(wrap_pyfunction!(token::jwt_decode, m)?)?;
    m.add_function(wrap_pyfunction!(token::jwt_encode, m)?)?;
    m.add_function(wrap_pyfunction!(token::jws_decode, m)?)?;
    m.add_function(wrap_pyfunction!(token::jws_header, m)?)?;
    m.add_function(wrap_pyfunction!(token::jws_encode, m)?)?;
    m.add_function(wrap_pyfunction!(token::jwt_prepare_key, m)?)?;
    m.add_function(wrap_pyfunction!(token::jwt_key_length_message, m)?)?;
    m.add_function(wrap_pyfunction!(token::jwt_default_options, m)?)?;
    m.add_function(wrap_pyfunction!(token::jwt_merge_options, m)?)?;
    providers::register(m)?;
    schemes::register(m)?;
    Ok(())
}
