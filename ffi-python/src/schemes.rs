//! `sigmint.Scheme` (core's `canonical` engine) and `sigmint.webhooks` (core's `webhooks`):
//! arguments converted, core called, results converted. Templates, encodings, parts, headers,
//! windows and replays are all core's rules; the names of the encodings (`"raw"`, `"hex"`, ...)
//! are this binding's spelling of core's enums.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use pyo3::exceptions::{PyMemoryError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyList, PyMemoryView, PyString, PyTuple, PyType,
};
use sigmint_core::canonical::{
    Field, Parts, Preset, Scheme, SecretEncoding, TagEncoding, Timestamp,
};
use sigmint_core::time::UnixSeconds;
use sigmint_core::webhooks::{self, DEFAULT_TOLERANCE, Provider, Seen, SeenSet, Verifier};
use sigmint_core::{Error, Key, TAG_LEN};

use crate::token::{system_now, whole_seconds};
use crate::{
    FIRST_BUFFER_LEN, Utf8, bytes_like, check, core_error, error_of_class, text, type_error,
    unicode_error, utf8, with_scratch,
};

use sigmint_core::webhooks::DEFAULT_REPLAY_CAPACITY;

// ---------------------------------------------------------------------------------------
// Names of core's enums

/// Core's encodings with their names.
fn named<T: Copy, const N: usize>(
    all: [T; N],
    name: fn(T) -> &'static str,
) -> [(&'static str, T); N] {
    all.map(|e| (name(e), e))
}

/// The value `name` stands for in `table`; `ValueError` naming the choices otherwise. The
/// name given is not shown: `key=` takes the secret's encoding, and a caller who passes the
/// secret there by mistake must not see it in a traceback or a log.
fn by_name<T: Copy>(table: &[(&str, T)], obj: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let choices = || {
        table
            .iter()
            .map(|(name, _)| format!("'{name}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let name = obj
        .cast::<PyString>()
        .map_err(|_| type_error(what, &format!("one of {}", choices()), obj))?;
    let name = utf8(name).map_err(|err| unicode_error(obj.py(), err))?;
    table
        .iter()
        .find(|(known, _)| *known == &*name)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "{what} must be one of {} (an encoding's name, not the secret itself)",
                choices()
            ))
        })
}

// ---------------------------------------------------------------------------------------
// Arguments

/// A secret: `str` (its UTF-8 bytes, as given: a base64 or hex secret is decoded by the
/// scheme) or bytes-like. A `str` is read where the interpreter keeps its UTF-8 form (as
/// [`utf8`] does), never copied into Rust memory; the key made from it is wiped by core.
fn secret_bytes<'a, 'py>(obj: &'a Bound<'py, PyAny>, what: &str) -> PyResult<Text<'a, 'py>> {
    if let Ok(string) = obj.cast::<PyString>() {
        return utf8(string)
            .map(Text::Str)
            .map_err(|err| unicode_error(obj.py(), err));
    }
    bytes_like(obj, what)
        .map(Text::Bytes)
        .map_err(|_| type_error(what, "str or bytes", obj))
}

/// A part's text: `str` (UTF-8), or `bytes` as received.
enum Text<'a, 'py> {
    Str(Utf8<'a>),
    Bytes(Bound<'py, PyBytes>),
}

impl Text<'_, '_> {
    fn as_bytes(&self) -> &[u8] {
        match self {
            Text::Str(text) => text.as_bytes(),
            Text::Bytes(bytes) => bytes.as_bytes(),
        }
    }
}

/// `str` or bytes-like (`bytes`, `bytearray`, `memoryview`).
fn str_or_bytes<'a, 'py>(obj: &'a Bound<'py, PyAny>, what: &str) -> PyResult<Text<'a, 'py>> {
    if let Ok(string) = obj.cast::<PyString>() {
        return utf8(string)
            .map(Text::Str)
            .map_err(|err| unicode_error(obj.py(), err));
    }
    bytes_like(obj, what)
        .map(Text::Bytes)
        .map_err(|_| type_error(what, "str or bytes", obj))
}

/// A body: bytes-like, or (`allow_str`) a `str`, signed as its UTF-8 bytes; `None` is none.
fn body<'a, 'py>(
    obj: Option<&'a Bound<'py, PyAny>>,
    allow_str: bool,
) -> PyResult<Option<Text<'a, 'py>>> {
    let Some(obj) = obj.filter(|obj| !obj.is_none()) else {
        return Ok(None);
    };
    if allow_str {
        return str_or_bytes(obj, "body").map(Some);
    }
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "body must be the raw body as received (bytes), not str: a decoded and re-encoded \
             body may differ from the bytes that were signed",
        ));
    }
    bytes_like(obj, "body").map(|bytes| Some(Text::Bytes(bytes)))
}

/// A timestamp part: an int, written in decimal by core's `Timestamp`, or the text as sent.
enum Stamp<'a> {
    Digits(Timestamp),
    Text(Utf8<'a>),
}

impl Stamp<'_> {
    fn as_bytes(&self) -> &[u8] {
        match self {
            Stamp::Digits(digits) => digits.as_bytes(),
            Stamp::Text(text) => text.as_bytes(),
        }
    }
}

fn stamp<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<Stamp<'a>> {
    const EXPECTED: &str = "an int (written in decimal) or a str (as sent)";
    if let Ok(string) = obj.cast::<PyString>() {
        return utf8(string)
            .map(Stamp::Text)
            .map_err(|err| unicode_error(obj.py(), err));
    }
    if obj.is_instance_of::<PyBool>() {
        return Err(type_error("timestamp", EXPECTED, obj));
    }
    match obj.extract::<u64>() {
        Ok(n) => Ok(Stamp::Digits(Timestamp::new(n))),
        Err(err) if err.is_instance_of::<pyo3::exceptions::PyOverflowError>(obj.py()) => Err(
            PyValueError::new_err("timestamp must be between 0 and 2**64-1"),
        ),
        Err(_) => Err(type_error("timestamp", EXPECTED, obj)),
    }
}

/// The parts of one call, converted; [`Given::parts`] lends them to core.
struct Given<'a, 'py> {
    timestamp: Option<Stamp<'a>>,
    method: Option<Utf8<'a>>,
    path: Option<Utf8<'a>>,
    query: Option<Utf8<'a>>,
    body: Option<Text<'a, 'py>>,
}

fn optional_text<'a>(obj: Option<&'a Bound<'_, PyAny>>, what: &str) -> PyResult<Option<Utf8<'a>>> {
    match obj.filter(|obj| !obj.is_none()) {
        Some(obj) => text(obj, what).map(Some),
        None => Ok(None),
    }
}

impl<'a, 'py> Given<'a, 'py> {
    fn new(
        timestamp: Option<&'a Bound<'py, PyAny>>,
        method: Option<&'a Bound<'py, PyAny>>,
        path: Option<&'a Bound<'py, PyAny>>,
        query: Option<&'a Bound<'py, PyAny>>,
        body_obj: Option<&'a Bound<'py, PyAny>>,
    ) -> PyResult<Self> {
        Ok(Given {
            timestamp: timestamp.filter(|t| !t.is_none()).map(stamp).transpose()?,
            method: optional_text(method, "method")?,
            path: optional_text(path, "path")?,
            query: optional_text(query, "query")?,
            body: body(body_obj, true)?,
        })
    }

    fn parts(&self) -> Parts<'_> {
        Parts {
            timestamp: self.timestamp.as_ref().map(Stamp::as_bytes),
            method: self.method.as_deref().map(str::as_bytes),
            path: self.path.as_deref().map(str::as_bytes),
            query: self.query.as_deref().map(str::as_bytes),
            body: self.body.as_ref().map_or(&[], Text::as_bytes),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Scheme

/// What `Scheme.__reduce__` gives pickle: the class and its constructor's arguments.
type Reduced<'py> = (
    Bound<'py, PyType>,
    (String, &'static str, &'static str, String),
);

/// An HMAC-SHA256 signing scheme (core's `canonical::Scheme`): a template, the secret's and
/// the tag's encodings, a prefix. Holds no secret.
#[pyclass(module = "sigmint", name = "Scheme", frozen)]
pub(crate) struct PyScheme {
    template: String,
    secret: SecretEncoding,
    tag: TagEncoding,
    prefix: String,
    /// The preset this scheme is (made by `Scheme.preset` or equal to one): core signs with
    /// its template compiled in.
    preset: Option<Preset>,
}

impl PyScheme {
    fn from_preset(preset: Preset) -> PyScheme {
        let scheme = preset.scheme();
        PyScheme {
            template: scheme.template().as_str().to_owned(),
            secret: scheme.secret_encoding(),
            tag: scheme.tag_encoding(),
            prefix: scheme.prefix().to_owned(),
            preset: Some(preset),
        }
    }

    /// Core's scheme (checked when this object was made).
    fn core(&self) -> Result<Scheme<'_>, Error> {
        match self.preset {
            Some(preset) => Ok(preset.scheme()),
            None => Scheme::new(&self.template, self.secret, self.tag, &self.prefix),
        }
    }

    fn make_key(
        &self,
        py: Python<'_>,
        scheme: &Scheme<'_>,
        secret: &Bound<'_, PyAny>,
    ) -> PyResult<Key> {
        let secret = secret_bytes(secret, "secret")?;
        check(py, scheme.key(secret.as_bytes()))
    }
}

#[pymethods]
impl PyScheme {
    #[new]
    #[pyo3(
        signature = (template, key = None, encoding = None, prefix = None),
        text_signature = "(template, key='raw', encoding='base64', prefix='')"
    )]
    fn new(
        template: &Bound<'_, PyAny>,
        key: Option<&Bound<'_, PyAny>>,
        encoding: Option<&Bound<'_, PyAny>>,
        prefix: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let py = template.py();
        let template = text(template, "template")?;
        let secret = match key {
            Some(key) => by_name(
                &named(SecretEncoding::ALL, SecretEncoding::name),
                key,
                "key",
            )?,
            None => SecretEncoding::default(),
        };
        let tag = match encoding {
            Some(encoding) => by_name(
                &named(TagEncoding::ALL, TagEncoding::name),
                encoding,
                "encoding",
            )?,
            None => TagEncoding::default(),
        };
        let prefix = match prefix {
            Some(prefix) => text(prefix, "prefix")?.to_owned(),
            None => String::new(),
        };
        let scheme = check(py, Scheme::new(&template, secret, tag, &prefix))?;
        let preset = Preset::ALL.into_iter().find(|p| p.scheme() == scheme);
        Ok(PyScheme {
            template: template.to_owned(),
            secret,
            tag,
            prefix,
            preset,
        })
    }

    /// The scheme a partner or webhook provider documents, by name: ``"fonbnk"``,
    /// ``"coinbase"``, ``"binance"``, ``"github"``, ``"slack"``, ``"stripe"``, ``"shopify"``.
    #[staticmethod]
    fn preset(name: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = name.py();
        let name = text(name, "name")?;
        Ok(PyScheme::from_preset(check(py, Preset::from_name(&name))?))
    }

    /// The template: text and ``{field}``s.
    #[getter]
    fn template(&self) -> &str {
        &self.template
    }

    /// How the secret is written: ``"raw"``, ``"base64"`` or ``"hex"``.
    #[getter]
    fn key(&self) -> &'static str {
        self.secret.name()
    }

    /// How the tag is written: ``"base64"``, ``"base64url"`` or ``"hex"``.
    #[getter]
    fn encoding(&self) -> &'static str {
        self.tag.name()
    }

    /// The text before the tag (``""`` for none).
    #[getter]
    fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The preset's name when this scheme is one (``"slack"``), else ``None``.
    #[getter]
    fn name(&self) -> Option<&'static str> {
        self.preset.map(Preset::name)
    }

    /// The fields the template signs, in core's order of fields (``("timestamp", "body")``).
    #[getter]
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let scheme = check(py, self.core())?;
        let template = scheme.template();
        let used = Field::ALL
            .into_iter()
            .filter(|field| template.uses(*field))
            .map(Field::name)
            .collect::<Vec<_>>();
        PyTuple::new(py, used)
    }

    /// The length of every signature this scheme writes.
    #[getter]
    fn signature_len(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(check(py, self.core())?.signature_len())
    }

    /// The signature (prefix and encoded tag) of a request's parts under ``secret``.
    #[pyo3(signature = (secret, *, timestamp = None, method = None, path = None, query = None, body = None))]
    #[allow(clippy::too_many_arguments)]
    fn sign<'py>(
        &self,
        py: Python<'py>,
        secret: &Bound<'py, PyAny>,
        timestamp: Option<&Bound<'py, PyAny>>,
        method: Option<&Bound<'py, PyAny>>,
        path: Option<&Bound<'py, PyAny>>,
        query: Option<&Bound<'py, PyAny>>,
        body: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyString>> {
        let scheme = check(py, self.core())?;
        let given = Given::new(timestamp, method, path, query, body)?;
        let key = self.make_key(py, &scheme, secret)?;
        let signature = check(py, scheme.sign(&key, &given.parts()))?;
        Ok(PyString::new(py, &signature))
    }

    /// Checks a received ``signature`` (prefix and tag) in constant time; raises
    /// ``InvalidSignatureError`` when it does not match.
    #[pyo3(signature = (secret, signature, *, timestamp = None, method = None, path = None, query = None, body = None))]
    #[allow(clippy::too_many_arguments)]
    fn verify<'py>(
        &self,
        py: Python<'py>,
        secret: &Bound<'py, PyAny>,
        signature: &Bound<'py, PyAny>,
        timestamp: Option<&Bound<'py, PyAny>>,
        method: Option<&Bound<'py, PyAny>>,
        path: Option<&Bound<'py, PyAny>>,
        query: Option<&Bound<'py, PyAny>>,
        body: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        let scheme = check(py, self.core())?;
        let given = Given::new(timestamp, method, path, query, body)?;
        let signature = str_or_bytes(signature, "signature")?;
        let key = self.make_key(py, &scheme, secret)?;
        check(
            py,
            scheme.verify(&key, &given.parts(), signature.as_bytes()),
        )
    }

    /// The bytes the signature covers, to debug a mismatch.
    #[pyo3(signature = (*, timestamp = None, method = None, path = None, query = None, body = None))]
    fn string_to_sign<'py>(
        &self,
        py: Python<'py>,
        timestamp: Option<&Bound<'py, PyAny>>,
        method: Option<&Bound<'py, PyAny>>,
        path: Option<&Bound<'py, PyAny>>,
        query: Option<&Bound<'py, PyAny>>,
        body: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let scheme = check(py, self.core())?;
        let given = Given::new(timestamp, method, path, query, body)?;
        let parts = given.parts();
        let first = FIRST_BUFFER_LEN.saturating_add(parts.body.len().saturating_mul(2));
        check(
            py,
            with_scratch(first, false, |buf| {
                scheme
                    .string_to_sign(&parts, buf)
                    .map(|text| PyBytes::new(py, text))
            }),
        )
    }

    /// ``Scheme('v0:{timestamp}:{body}', key='raw', encoding='hex', prefix='v0=')``.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let template = PyString::new(py, &self.template).repr()?;
        let prefix = PyString::new(py, &self.prefix).repr()?;
        Ok(format!(
            "Scheme({template}, key='{}', encoding='{}', prefix={prefix})",
            self.key(),
            self.encoding()
        ))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let py = other.py();
        match other.cast::<PyScheme>() {
            Ok(other) => {
                let other = other.get();
                let same = self.template == other.template
                    && self.secret == other.secret
                    && self.tag == other.tag
                    && self.prefix == other.prefix;
                Ok(PyBool::new(py, same).to_owned().into_any().unbind())
            }
            Err(_) => Ok(py.NotImplemented()),
        }
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut hasher = DefaultHasher::new();
        (&self.template, self.secret, self.tag, &self.prefix).hash(&mut hasher);
        hasher.finish()
    }

    /// Pickled as its constructor's arguments (it holds no secret).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        Ok((
            slf.get_type(),
            (
                this.template.clone(),
                this.key(),
                this.encoding(),
                this.prefix.clone(),
            ),
        ))
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

// ---------------------------------------------------------------------------------------
// Webhooks

/// The exception for a refused webhook: `sigmint.webhooks`' class for its code
/// (`SignatureMismatch`, `MissingHeader`, ...), else the core class.
fn webhook_error(py: Python<'_>, error: Error) -> PyErr {
    static BY_CODE: PyOnceLock<Py<PyDict>> = PyOnceLock::new();
    let class = BY_CODE
        .get_or_try_init(py, || -> PyResult<Py<PyDict>> {
            let module = py.import("sigmint.webhooks")?;
            Ok(module.getattr("_BY_CODE")?.cast_into::<PyDict>()?.unbind())
        })
        .and_then(|by_code| by_code.bind(py).get_item(error.code()));
    match class {
        Ok(Some(class)) => match class.cast_into::<PyType>() {
            Ok(class) => error_of_class(py, &class, error),
            Err(_) => core_error(py, error),
        },
        _ => core_error(py, error),
    }
}

fn provider(obj: &Bound<'_, PyAny>) -> PyResult<Provider> {
    let name = text(obj, "provider")?;
    check(obj.py(), Provider::from_name(&name))
}

/// One secret (`str` or bytes-like) or an iterable of them, as core's keys.
fn keys(provider: Provider, secrets: &Bound<'_, PyAny>) -> PyResult<Vec<Key>> {
    let py = secrets.py();
    let scheme = provider.scheme();
    let one = |secret: &Bound<'_, PyAny>| -> PyResult<Key> {
        let secret = secret_bytes(secret, "secret")?;
        check(py, scheme.key(secret.as_bytes()))
    };
    let single = secrets.is_instance_of::<PyString>()
        || secrets.is_instance_of::<PyBytes>()
        || secrets.is_instance_of::<PyByteArray>()
        || secrets.is_instance_of::<PyMemoryView>();
    if single {
        return Ok(vec![one(secrets)?]);
    }
    let items = secrets.try_iter().map_err(|_| {
        type_error(
            "secrets",
            "a secret (str or bytes) or a list of them",
            secrets,
        )
    })?;
    items.map(|secret| one(&secret?)).collect()
}

/// The request's headers, as `(name, value)` pairs: from a mapping's `items()` (every pair
/// it lists, repeated names included), or an iterable of pairs; names and values `str` or
/// bytes.
fn header_items<'py>(
    headers: &Bound<'py, PyAny>,
) -> PyResult<Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
    let py = headers.py();
    let refused = || {
        type_error(
            "headers",
            "a mapping or an iterable of (name, value) pairs",
            headers,
        )
    };
    if headers.is_instance_of::<PyString>() || headers.is_instance_of::<PyBytes>() {
        return Err(refused());
    }
    let items = if let Ok(dict) = headers.cast_exact::<PyDict>() {
        return Ok(dict.iter().collect());
    } else if headers.is_exact_instance_of::<PyList>() || headers.is_exact_instance_of::<PyTuple>()
    {
        headers.clone()
    } else if headers.hasattr(intern!(py, "items"))? {
        headers.call_method0(intern!(py, "items"))?
    } else {
        headers.clone()
    };
    let iter = items.try_iter().map_err(|_| refused())?;
    iter.map(|item| {
        let item = item?;
        let pair = item.cast_into::<PyTuple>().map_err(|_| refused())?;
        if pair.len() != 2 {
            return Err(refused());
        }
        Ok((pair.get_item(0)?, pair.get_item(1)?))
    })
    .collect()
}

fn header_text<'a, 'py>(obj: &'a Bound<'py, PyAny>, what: &str) -> PyResult<Text<'a, 'py>> {
    if let Ok(string) = obj.cast::<PyString>() {
        return utf8(string)
            .map(Text::Str)
            .map_err(|err| unicode_error(obj.py(), err));
    }
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return Ok(Text::Bytes(bytes.clone()));
    }
    Err(type_error(what, "str or bytes", obj))
}

fn body_bytes<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    match body(Some(obj), false)? {
        Some(Text::Bytes(bytes)) => Ok(bytes),
        _ => Ok(PyBytes::new(obj.py(), b"")),
    }
}

/// The receiver's clock: `now` in whole seconds, or the system's.
fn now_seconds(py: Python<'_>, now: Option<&Bound<'_, PyAny>>) -> PyResult<i64> {
    match now.filter(|now| !now.is_none()) {
        Some(now) => whole_seconds(now, "now"),
        None => system_now(py),
    }
}

/// `webhook_sign(provider, secret, body, timestamp)`: the headers the provider would send
/// (`sigmint.webhooks.sign`), in the order core lists them.
#[pyfunction]
#[pyo3(signature = (provider, secret, body, timestamp = None))]
fn webhook_sign<'py>(
    py: Python<'py>,
    provider: &Bound<'py, PyAny>,
    secret: &Bound<'py, PyAny>,
    body: &Bound<'py, PyAny>,
    timestamp: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let provider = self::provider(provider)?;
    let secret = secret_bytes(secret, "secret")?;
    let key = check(py, provider.scheme().key(secret.as_bytes()))?;
    let body = body_bytes(body)?;
    let timestamp = match timestamp.filter(|t| !t.is_none()) {
        Some(t) => whole_seconds(t, "timestamp")?,
        None => system_now(py)?,
    };
    let sent = check(
        py,
        webhooks::sign(provider, &key, body.as_bytes(), UnixSeconds(timestamp)),
    )?;
    let dict = PyDict::new(py);
    for (name, value) in sent.pairs() {
        dict.set_item(name, value)?;
    }
    Ok(dict)
}

/// `webhook_verify(provider, secrets, headers, body, now, tolerance, replay)`:
/// `(key_index, timestamp)` of a verified webhook; the refusals are `sigmint.webhooks`'
/// classes (`sigmint.webhooks.verify` and `verified`).
#[pyfunction]
#[pyo3(signature = (provider, secrets, headers, body, now = None, tolerance = None, replay = None))]
#[allow(clippy::too_many_arguments)]
fn webhook_verify<'py>(
    py: Python<'py>,
    provider: &Bound<'py, PyAny>,
    secrets: &Bound<'py, PyAny>,
    headers: &Bound<'py, PyAny>,
    body: &Bound<'py, PyAny>,
    now: Option<&Bound<'py, PyAny>>,
    tolerance: Option<&Bound<'py, PyAny>>,
    replay: Option<&Bound<'py, PyAny>>,
) -> PyResult<(usize, Option<i64>)> {
    let provider = self::provider(provider)?;
    let items = header_items(headers)?;
    let texts = items
        .iter()
        .map(|(name, value)| {
            Ok((
                header_text(name, "header name")?,
                header_text(value, "header value")?,
            ))
        })
        .collect::<PyResult<Vec<_>>>()?;
    let pairs: Vec<(&[u8], &[u8])> = texts
        .iter()
        .map(|(name, value)| (name.as_bytes(), value.as_bytes()))
        .collect();
    let body = body_bytes(body)?;
    let tolerance = match tolerance.filter(|t| !t.is_none()) {
        Some(t) => Duration::from_secs(
            u64::try_from(whole_seconds(t, "tolerance")?)
                .map_err(|_| PyValueError::new_err("tolerance must not be negative"))?,
        ),
        None => DEFAULT_TOLERANCE,
    };
    let guard =
        match replay.filter(|r| !r.is_none()) {
            Some(guard) => Some(guard.cast::<ReplayGuard>().map_err(|_| {
                type_error("replay", "a sigmint.webhooks.ReplayGuard or None", guard)
            })?),
            None => None,
        };
    let now = UnixSeconds(now_seconds(py, now)?);
    let keys = keys(provider, secrets)?;
    let verifier = Verifier::new(provider, &keys).with_tolerance(tolerance);
    let verified = match guard {
        Some(guard) => {
            let mut shared = Shared(&guard.get().set);
            verifier.verify_once(&pairs, body.as_bytes(), now, &mut shared)
        }
        None => verifier.verify(&pairs, body.as_bytes(), now),
    }
    .map_err(|error| webhook_error(py, error))?;
    Ok((verified.key_index, verified.timestamp.map(|t| t.0)))
}

/// Remembers verified webhooks, to refuse one sent a second time (core's `SeenSet`, over
/// `capacity` slots). Shared between threads: each admission takes its lock.
#[pyclass(module = "sigmint.webhooks", name = "ReplayGuard", frozen)]
pub(crate) struct ReplayGuard {
    set: Mutex<SeenSet<Vec<Seen>>>,
}

/// The guard's set, locked for one admission only (the MACs are computed before).
struct Shared<'a>(&'a Mutex<SeenSet<Vec<Seen>>>);

impl webhooks::ReplayGuard for Shared<'_> {
    fn admit(
        &mut self,
        tag: &[u8; TAG_LEN],
        timestamp: Option<UnixSeconds>,
        now: UnixSeconds,
        tolerance: Duration,
    ) -> Result<(), Error> {
        let mut set = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        webhooks::ReplayGuard::admit(&mut *set, tag, timestamp, now, tolerance)
    }
}

impl ReplayGuard {
    fn locked(&self) -> std::sync::MutexGuard<'_, SeenSet<Vec<Seen>>> {
        self.set.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[pymethods]
impl ReplayGuard {
    #[new]
    #[pyo3(signature = (capacity = None), text_signature = "(capacity=4096)")]
    fn new(capacity: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let capacity: i64 = match capacity {
            None => i64::try_from(DEFAULT_REPLAY_CAPACITY).unwrap_or(i64::MAX),
            Some(obj) if obj.is_instance_of::<PyBool>() => {
                return Err(type_error("capacity", "an int", obj));
            }
            Some(obj) => obj.extract::<i64>().map_err(|err| {
                if err.is_instance_of::<pyo3::exceptions::PyOverflowError>(obj.py()) {
                    PyValueError::new_err("capacity is out of range")
                } else {
                    type_error("capacity", "an int", obj)
                }
            })?,
        };
        let capacity = usize::try_from(capacity)
            .ok()
            .filter(|c| *c >= 1)
            .ok_or_else(|| PyValueError::new_err("capacity must be at least 1"))?;
        let mut slots = Vec::new();
        slots
            .try_reserve_exact(capacity)
            .map_err(|_| PyMemoryError::new_err("cannot allocate the replay guard's slots"))?;
        slots.resize(capacity, Seen::default());
        Ok(ReplayGuard {
            set: Mutex::new(SeenSet::new(slots)),
        })
    }

    /// How many requests it can remember.
    #[getter]
    fn capacity(&self) -> usize {
        self.locked().capacity()
    }

    /// The newest signed timestamp it forgot while still within the window, if any: requests
    /// signed no later are refused as possibly replayed (it fails closed when full).
    #[getter]
    fn floor(&self) -> Option<i64> {
        self.locked().floor().map(|f| f.0)
    }

    /// How many requests it remembers now.
    fn __len__(&self) -> usize {
        self.locked().len()
    }

    fn __repr__(&self) -> String {
        let set = self.locked();
        format!(
            "ReplayGuard(capacity={}) <{} remembered>",
            set.capacity(),
            set.len()
        )
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add(
        "SCHEME_PRESETS",
        PyTuple::new(py, Preset::ALL.iter().map(|p| p.name()))?,
    )?;
    let providers = Provider::ALL
        .iter()
        .map(|p| (p.name(), p.signature_header(), p.timestamp_header()));
    m.add("WEBHOOK_PROVIDERS", PyTuple::new(py, providers)?)?;
    m.add("WEBHOOK_DEFAULT_TOLERANCE", DEFAULT_TOLERANCE.as_secs())?;
    m.add("WEBHOOK_DEFAULT_REPLAY_CAPACITY", DEFAULT_REPLAY_CAPACITY)?;
    m.add_class::<PyScheme>()?;
    m.add_class::<ReplayGuard>()?;
    m.add_function(wrap_pyfunction!(webhook_sign, m)?)?;
    m.add_function(wrap_pyfunction!(webhook_verify, m)?)?;
    Ok(())
}
