//! Partner-API builders and parsers behind `sigmint.fonbnk`, `sigmint.sfox` and
//! `sigmint.mygiro`.
//!
//! Core builds every request piece (bodies, paths, `Authorization` values) and parses every
//! answer; this module converts: a body in (`str` or bytes), small frozen result classes out,
//! with the strings unescaped and the numbers as Python numbers. A body that carries the
//! provider's error raises `sigmint.ProviderError` with the provider's text (core's
//! `providers::error_message`). The tables of Fonbnk endpoints and environments, with their
//! names, and the replay window are core's too. The HTTP clients, `auth=` adapters and the
//! sandbox are in the Python half.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};
use sigmint_core::Error;
use sigmint_core::json::Value;
use sigmint_core::providers::fonbnk::{self, KycStatus, RuleLimit, TokenKind, TokenLifetime};
use sigmint_core::providers::{self, mygiro, sfox};
use sigmint_core::time::{self, UnixMillis, UnixSeconds};

use crate::token::{number_to_py, object_to_dict, string_to_py};
use crate::{
    bytes_like, check, core_error, error_class, text, timestamp, unicode_error, with_scratch,
    written,
};

/// The system clock in Unix milliseconds (the binding's job: core reads no clock).
fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// The system clock in Unix seconds.
fn now_s() -> i64 {
    now_ms().div_euclid(1000)
}

/// A response body: `str` (its UTF-8 form) or any bytes-like object.
fn body_bytes<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    if let Ok(string) = obj.cast::<PyString>() {
        return string
            .encode_utf8()
            .map_err(|err| unicode_error(obj.py(), err));
    }
    bytes_like(obj, "body")
}

/// The provider's own text in an error body (core's `providers::error_message`): `None` when
/// core says the body holds none (`MissingField`: empty or blank; `InvalidUtf8`: not text).
/// Other errors (a body over the size limit) are raised.
fn error_text<'py>(py: Python<'py>, body: &[u8]) -> PyResult<Option<Bound<'py, PyString>>> {
    let text = with_scratch(0, false, |scratch| {
        providers::error_message(body, scratch).map(|text| PyString::new(py, text))
    });
    match text {
        Ok(text) => Ok(Some(text)),
        Err(Error::MissingField { .. } | Error::InvalidUtf8) => Ok(None),
        Err(error) => Err(core_error(py, error)),
    }
}

/// `sigmint.ProviderError(message, status, provider_message)`: core's message, the HTTP
/// status when known, and the provider's own text from `body` ([`error_text`]). When the
/// text cannot be read (the body is too large), the text is `None` and the error that says
/// why is the exception's `__cause__`.
pub(crate) fn provider_error(py: Python<'_>, status: Option<u16>, body: &[u8]) -> PyErr {
    let (text, cause) = match error_text(py, body) {
        Ok(text) => (text, None),
        Err(cause) => (None, Some(cause)),
    };
    let raised = error_class(py, Error::ProviderError)
        .and_then(|class| class.call1((Error::ProviderError.message(), status, text)));
    match raised {
        Ok(exception) => {
            let err = PyErr::from_value(exception);
            err.set_cause(py, cause);
            err
        }
        Err(err) => err,
    }
}

/// A parser's error: [`provider_error`] for the provider's own error body, else core's.
fn parse_error(py: Python<'_>, error: Error, body: &[u8]) -> PyErr {
    if error == Error::ProviderError {
        provider_error(py, None, body)
    } else {
        core_error(py, error)
    }
}

/// An optional JSON string as `str` or `None`.
fn opt_str(py: Python<'_>, value: Option<Value<'_>>) -> PyResult<Option<Py<PyString>>> {
    value
        .map(|v| string_to_py(py, v).map(Bound::unbind))
        .transpose()
}

/// `abc…` for a credential in a `repr`: at most 6 characters of a long one, none of a short
/// one, so a log line never carries a usable token.
fn redacted(token: &str) -> String {
    let shown: String = if token.chars().count() >= 24 {
        token.chars().take(6).collect()
    } else {
        String::new()
    };
    format!("'{shown}…' ({} chars)", token.chars().count())
}

/// `repr` of an optional Python string.
fn opt_repr(py: Python<'_>, value: Option<&Py<PyString>>) -> PyResult<String> {
    match value {
        Some(v) => Ok(v.bind(py).repr()?.to_string()),
        None => Ok(String::from("None")),
    }
}

/// A span of time of `count` `unit`s, as core takes it: a `Duration` cannot be negative, so
/// a negative count is a `ValueError` (as `datetime.timedelta` arithmetic would have it).
fn span(count: i64, unit: fn(u64) -> Duration) -> PyResult<Duration> {
    u64::try_from(count)
        .map(unit)
        .map_err(|_| PyValueError::new_err("a margin must not be negative"))
}

// ---------------------------------------------------------------------------------------
// Fonbnk

/// `fonbnk_user_query_json(email, country_iso_code)`: the body of the user-token and KYC
/// status requests, as core writes it.
#[pyfunction]
pub(crate) fn fonbnk_user_query_json<'py>(
    py: Python<'py>,
    email: &Bound<'py, PyAny>,
    country_iso_code: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyString>> {
    let email = text(email, "email")?;
    let country = text(country_iso_code, "country_iso_code")?;
    let query = fonbnk::UserQuery {
        email: &email,
        country_iso_code: &country,
    };
    written(py, |buf| query.write_json(buf))
}

/// `fonbnk_kyc_submission_json(email, document_id, user_fields)`: the KYC submit body, with
/// `user_fields` a sequence of `(name, value)` tuples of `str`.
#[pyfunction]
pub(crate) fn fonbnk_kyc_submission_json<'py>(
    py: Python<'py>,
    email: &Bound<'py, PyAny>,
    document_id: &Bound<'py, PyAny>,
    user_fields: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyString>> {
    let email = text(email, "email")?;
    let document_id = text(document_id, "document_id")?;
    let items = user_fields
        .try_iter()?
        .map(|item| item?.extract::<(Bound<'py, PyAny>, Bound<'py, PyAny>)>())
        .collect::<PyResult<Vec<_>>>()?;
    let texts = items
        .iter()
        .map(|(name, value)| Ok((text(name, "field name")?, text(value, "field value")?)))
        .collect::<PyResult<Vec<_>>>()?;
    let submission = fonbnk::KycSubmission {
        email: &email,
        document_id: &document_id,
        user_fields: texts.iter().map(|(name, value)| (&**name, &**value)),
    };
    written(py, |buf| submission.write_json(buf))
}

/// `fonbnk_parse_timestamp(text)`: an inbound `x-timestamp` (a `str` of ASCII digits) as an
/// int; `InvalidFieldError` for anything else.
#[pyfunction]
pub(crate) fn fonbnk_parse_timestamp(text: &Bound<'_, PyAny>) -> PyResult<u64> {
    if !text.is_instance_of::<PyString>() {
        return Err(crate::type_error("text", "str", text));
    }
    crate::inbound_timestamp(text)
}

/// `fonbnk_check_timestamp(timestamp_ms, now_ms, window_ms)`: raises
/// `TimestampOutOfWindowError` when the two are more than `window_ms` apart (core's
/// `DEFAULT_WINDOW` is exported as `FONBNK_DEFAULT_WINDOW_MS`).
#[pyfunction]
pub(crate) fn fonbnk_check_timestamp(
    py: Python<'_>,
    timestamp_ms: &Bound<'_, PyAny>,
    now_ms: &Bound<'_, PyAny>,
    window_ms: u64,
) -> PyResult<()> {
    let timestamp_ms = crate::inbound_timestamp(timestamp_ms)?;
    let now_ms = timestamp(now_ms)?;
    check(
        py,
        fonbnk::check_timestamp(timestamp_ms, now_ms, Duration::from_millis(window_ms)),
    )
}

/// The core endpoint whose path is `path` (`sigmint.fonbnk.Endpoint`'s value).
pub(crate) fn fonbnk_endpoint_by_path(path: &str) -> PyResult<fonbnk::Endpoint> {
    fonbnk::Endpoint::ALL
        .into_iter()
        .find(|endpoint| endpoint.path() == path)
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "not a Fonbnk endpoint sigmint builds requests for: {path:?}"
            ))
        })
}

/// A Fonbnk user token's `type`, `iat` and `exp`, read **without verification** (Fonbnk
/// signs them with its own key): for deciding when to ask for new ones, never for trust.
#[pyclass(module = "sigmint._sigmint", frozen)]
pub(crate) struct FonbnkTokenLifetime {
    inner: TokenLifetime,
}

#[pymethods]
impl FonbnkTokenLifetime {
    /// `"access"` (15 minutes) or `"refresh"` (14 days): the `type` claim.
    #[getter]
    fn kind(&self) -> &'static str {
        kind_name(self.inner.kind)
    }

    /// `iat`, Unix seconds.
    #[getter]
    fn issued_at(&self) -> i64 {
        self.inner.issued_at.0
    }

    /// `exp`, Unix seconds.
    #[getter]
    fn expires_at(&self) -> i64 {
        self.inner.expires_at.0
    }

    /// Whether the token has expired at `now` (Unix seconds; the system clock by default).
    #[pyo3(signature = (now=None))]
    fn expired(&self, now: Option<i64>) -> bool {
        self.inner.expired(UnixSeconds(now.unwrap_or_else(now_s)))
    }

    /// Whether to get a new token at `now` (Unix seconds; the system clock by default):
    /// expired, or expiring within `margin` seconds.
    #[pyo3(signature = (now=None, margin=60))]
    fn needs_refresh(&self, now: Option<i64>, margin: i64) -> PyResult<bool> {
        let now = UnixSeconds(now.unwrap_or_else(now_s));
        Ok(self
            .inner
            .needs_refresh(now, span(margin, Duration::from_secs)?))
    }

    fn __repr__(&self) -> String {
        format!(
            "TokenLifetime(kind='{}', issued_at={}, expires_at={})",
            self.kind(),
            self.inner.issued_at.0,
            self.inner.expires_at.0
        )
    }
}

fn kind_name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Access => "access",
        TokenKind::Refresh => "refresh",
    }
}

/// The answer of Fonbnk's user-token endpoints: both tokens as received, and each one's
/// lifetime (read unverified).
#[pyclass(module = "sigmint._sigmint", frozen)]
pub(crate) struct FonbnkUserTokens {
    /// The access token (a JWT), as received.
    #[pyo3(get)]
    access_token: String,
    /// The refresh token (a JWT), as received.
    #[pyo3(get)]
    refresh_token: String,
    /// The access token's lifetime.
    #[pyo3(get)]
    access: Py<FonbnkTokenLifetime>,
    /// The refresh token's lifetime.
    #[pyo3(get)]
    refresh: Py<FonbnkTokenLifetime>,
    access_lifetime: TokenLifetime,
    refresh_lifetime: TokenLifetime,
}

#[pymethods]
impl FonbnkUserTokens {
    /// The access token's `type` claim: `"access"`.
    #[getter]
    fn access_kind(&self) -> &'static str {
        kind_name(self.access_lifetime.kind)
    }

    /// The refresh token's `type` claim: `"refresh"`.
    #[getter]
    fn refresh_kind(&self) -> &'static str {
        kind_name(self.refresh_lifetime.kind)
    }

    /// The access token's `iat`, Unix seconds.
    #[getter]
    fn access_issued_at(&self) -> i64 {
        self.access_lifetime.issued_at.0
    }

    /// The access token's `exp`, Unix seconds.
    #[getter]
    fn access_expires_at(&self) -> i64 {
        self.access_lifetime.expires_at.0
    }

    /// The refresh token's `iat`, Unix seconds.
    #[getter]
    fn refresh_issued_at(&self) -> i64 {
        self.refresh_lifetime.issued_at.0
    }

    /// The refresh token's `exp`, Unix seconds.
    #[getter]
    fn refresh_expires_at(&self) -> i64 {
        self.refresh_lifetime.expires_at.0
    }

    /// Whether the access token has expired at `now` (Unix seconds; the system clock by
    /// default).
    #[pyo3(signature = (now=None))]
    fn expired(&self, now: Option<i64>) -> bool {
        self.access_lifetime
            .expired(UnixSeconds(now.unwrap_or_else(now_s)))
    }

    /// Whether to get new tokens at `now` (Unix seconds; the system clock by default): the
    /// access token has expired or expires within `margin` seconds.
    #[pyo3(signature = (now=None, margin=60))]
    fn needs_refresh(&self, now: Option<i64>, margin: i64) -> PyResult<bool> {
        let now = UnixSeconds(now.unwrap_or_else(now_s));
        Ok(self
            .access_lifetime
            .needs_refresh(now, span(margin, Duration::from_secs)?))
    }

    fn __repr__(&self) -> String {
        format!(
            "UserTokens(access_token={}, refresh_token={}, access_expires_at={}, refresh_expires_at={})",
            redacted(&self.access_token),
            redacted(&self.refresh_token),
            self.access_lifetime.expires_at.0,
            self.refresh_lifetime.expires_at.0
        )
    }
}

/// `fonbnk_parse_user_tokens(body)`: `{"accessToken", "refreshToken"}`, each token's
/// `type`, `iat` and `exp` read by core (unverified).
#[pyfunction]
pub(crate) fn fonbnk_parse_user_tokens(
    py: Python<'_>,
    body: &Bound<'_, PyAny>,
) -> PyResult<FonbnkUserTokens> {
    let body = body_bytes(body)?;
    let bytes = body.as_bytes();
    // Core says how much room the tokens' payloads need when the first guess is short.
    let tokens = with_scratch(1024, false, |scratch| {
        fonbnk::parse_user_tokens(bytes, scratch)
    })
    .map_err(|e| parse_error(py, e, bytes))?;
    Ok(FonbnkUserTokens {
        access_token: tokens.access_token.to_owned(),
        refresh_token: tokens.refresh_token.to_owned(),
        access: Py::new(
            py,
            FonbnkTokenLifetime {
                inner: tokens.access,
            },
        )?,
        refresh: Py::new(
            py,
            FonbnkTokenLifetime {
                inner: tokens.refresh,
            },
        )?,
        access_lifetime: tokens.access,
        refresh_lifetime: tokens.refresh,
    })
}

/// A KYC document type the user can submit.
#[pyclass(module = "sigmint._sigmint", frozen)]
pub(crate) struct FonbnkKycDocument {
    /// `_id`: what `kyc_submit` takes as `document_id`.
    #[pyo3(get)]
    id: Py<PyString>,
    /// `type`, such as `"basic"` or `"advanced"`.
    #[pyo3(get, name = "type")]
    kind: Option<Py<PyString>>,
    /// `title`, such as `"Voter ID"`.
    #[pyo3(get)]
    title: Option<Py<PyString>>,
    /// `value`, such as `"VOTER_ID"`.
    #[pyo3(get)]
    value: Option<Py<PyString>>,
    /// `requiredFields`: field name -> `{type, label, required, ...}` (empty when absent).
    #[pyo3(get)]
    required_fields: Py<PyDict>,
}

#[pymethods]
impl FonbnkKycDocument {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "KycDocument(id={}, type={}, title={}, value={}, required_fields={})",
            self.id.bind(py).repr()?,
            opt_repr(py, self.kind.as_ref())?,
            opt_repr(py, self.title.as_ref())?,
            opt_repr(py, self.value.as_ref())?,
            self.required_fields.bind(py).keys().repr()?
        ))
    }
}

/// A KYC rule: the level it asks for and its `max`.
#[pyclass(module = "sigmint._sigmint", frozen)]
pub(crate) struct FonbnkKycRule {
    /// `type`, the KYC level the rule asks for.
    #[pyo3(get, name = "type")]
    kind: Option<Py<PyString>>,
    /// `max`: an int or a float when the answer has a number, a str when it has text (such
    /// as `"Infinity"`), `None` when absent.
    #[pyo3(get)]
    max: Py<PyAny>,
    /// The whole rule, for members sigmint does not interpret.
    #[pyo3(get)]
    json: Py<PyDict>,
}

#[pymethods]
impl FonbnkKycRule {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "KycRule(type={}, max={})",
            opt_repr(py, self.kind.as_ref())?,
            self.max.bind(py).repr()?
        ))
    }
}

/// The answer of Fonbnk's KYC status endpoint.
#[pyclass(module = "sigmint._sigmint", frozen)]
pub(crate) struct FonbnkKycState {
    /// `kycStatus` as one of `"initiated"`, `"approved"`, `"rejected"`, `"invalid"`, or
    /// `"unknown"` for a value the docs do not list (see `status_text`).
    #[pyo3(get)]
    status: &'static str,
    /// `kycStatus` as the provider wrote it.
    #[pyo3(get)]
    status_text: Py<PyString>,
    /// `passedKycType`, such as `"advanced"`.
    #[pyo3(get)]
    passed_kyc_type: Option<Py<PyString>>,
    /// `kycStatusDescription`.
    #[pyo3(get)]
    description: Option<Py<PyString>>,
    /// `reachedKycLimit`.
    #[pyo3(get)]
    reached_kyc_limit: Option<bool>,
    /// The document types the user can submit, from every list the answer has.
    #[pyo3(get)]
    documents: Py<PyTuple>,
    /// The KYC rules, from every list the answer has.
    #[pyo3(get)]
    rules: Py<PyTuple>,
    /// The whole answer as a dict.
    #[pyo3(get)]
    json: Py<PyDict>,
}

#[pymethods]
impl FonbnkKycState {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "KycState(status='{}', status_text={}, passed_kyc_type={}, reached_kyc_limit={}, documents={}, rules={})",
            self.status,
            self.status_text.bind(py).repr()?,
            opt_repr(py, self.passed_kyc_type.as_ref())?,
            match self.reached_kyc_limit {
                Some(true) => "True",
                Some(false) => "False",
                None => "None",
            },
            self.documents.bind(py).len(),
            self.rules.bind(py).len()
        ))
    }
}

fn status_name(status: KycStatus) -> &'static str {
    match status {
        KycStatus::Initiated => "initiated",
        KycStatus::Approved => "approved",
        KycStatus::Rejected => "rejected",
        KycStatus::Invalid => "invalid",
        KycStatus::Unknown => "unknown",
    }
}

/// `fonbnk_parse_kyc_state(body)`: the KYC status answer, every field type-checked by core.
#[pyfunction]
pub(crate) fn fonbnk_parse_kyc_state(
    py: Python<'_>,
    body: &Bound<'_, PyAny>,
) -> PyResult<FonbnkKycState> {
    let body = body_bytes(body)?;
    let bytes = body.as_bytes();
    let state = fonbnk::parse_kyc_state(bytes).map_err(|e| parse_error(py, e, bytes))?;
    // Core refused an answer without `kycStatus`: this is only its `Option` unwrapped.
    let status_text = state
        .status_text()
        .ok_or_else(|| core_error(py, Error::MissingField { field: "kycStatus" }))?;
    let documents = state
        .documents()
        .map(|d| {
            let required_fields = match d.required_fields {
                Some(fields) => object_to_dict(py, fields)?,
                None => PyDict::new(py),
            };
            Py::new(
                py,
                FonbnkKycDocument {
                    id: string_to_py(py, d.id)?.unbind(),
                    kind: opt_str(py, d.kind)?,
                    title: opt_str(py, d.title)?,
                    value: opt_str(py, d.value)?,
                    required_fields: required_fields.unbind(),
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    let rules = state
        .rules()
        .map(|r| {
            let max = match r.max {
                RuleLimit::Number(text) => number_to_py(py, text)?.unbind(),
                RuleLimit::Text(value) => string_to_py(py, value)?.into_any().unbind(),
                RuleLimit::None => py.None(),
            };
            Py::new(
                py,
                FonbnkKycRule {
                    kind: opt_str(py, r.kind)?,
                    max,
                    json: object_to_dict(py, r.json)?.unbind(),
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(FonbnkKycState {
        status: status_name(state.status()),
        status_text: string_to_py(py, status_text)?.unbind(),
        passed_kyc_type: opt_str(py, state.passed_kyc_type())?,
        description: opt_str(py, state.description())?,
        reached_kyc_limit: state.reached_kyc_limit(),
        documents: PyTuple::new(py, documents)?.unbind(),
        rules: PyTuple::new(py, rules)?.unbind(),
        json: object_to_dict(py, state.json())?.unbind(),
    })
}

/// `fonbnk_parse_kyc_submit(body)`: the `success` of `{"success": bool}`.
#[pyfunction]
pub(crate) fn fonbnk_parse_kyc_submit(py: Python<'_>, body: &Bound<'_, PyAny>) -> PyResult<bool> {
    let body = body_bytes(body)?;
    let bytes = body.as_bytes();
    fonbnk::parse_kyc_submit(bytes).map_err(|e| parse_error(py, e, bytes))
}

// ---------------------------------------------------------------------------------------
// sFOX

/// `sfox_user_token_path(user_id)`: `/v1/enterprise/user-tokens/{user_id}`, the id
/// percent-encoded as one path segment.
#[pyfunction]
pub(crate) fn sfox_user_token_path<'py>(
    py: Python<'py>,
    user_id: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyString>> {
    let user_id = text(user_id, "user_id")?;
    written(py, |buf| sfox::user_token_path(&user_id, buf))
}

/// `Bearer {credential}` through `write` (core checks the credential).
fn bearer<'py>(
    py: Python<'py>,
    credential: &Bound<'py, PyAny>,
    what: &str,
    write: for<'o> fn(&str, &'o mut [u8]) -> Result<&'o str, Error>,
) -> PyResult<Bound<'py, PyString>> {
    let secret = crate::secret_text(credential, what)?;
    let credential =
        std::str::from_utf8(secret.as_bytes()).map_err(|_| core_error(py, Error::InvalidUtf8))?;
    // The buffer holds the credential: wiped before it is freed.
    check(
        py,
        with_scratch(0, true, |buf| {
            write(credential, buf).map(|value| PyString::new(py, value))
        }),
    )
}

/// `sfox_authorization(api_key)`: `Bearer {api_key}`.
#[pyfunction]
pub(crate) fn sfox_authorization<'py>(
    py: Python<'py>,
    api_key: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyString>> {
    bearer(py, api_key, "api_key", sfox::authorization)
}

/// An sFOX user token. sFOX advises not to store these: mint one whenever a session needs it.
#[pyclass(module = "sigmint._sigmint", frozen)]
pub(crate) struct SfoxUserToken {
    /// The user token, as received.
    #[pyo3(get)]
    token: String,
    /// `partner_user_id`: the id the token was made for.
    #[pyo3(get)]
    partner_user_id: Py<PyString>,
    /// `expires`, as written (ISO-8601, UTC).
    #[pyo3(get)]
    expires: String,
    /// `expires` in Unix milliseconds.
    #[pyo3(get)]
    expires_at_ms: i64,
}

#[pymethods]
impl SfoxUserToken {
    /// Whether the token has expired at `now_ms` (Unix milliseconds; the system clock by
    /// default).
    #[pyo3(signature = (now_ms=None))]
    fn expired(&self, now_ms: Option<i64>) -> bool {
        let now = UnixMillis(now_ms.unwrap_or_else(self::now_ms));
        time::expired(UnixMillis(self.expires_at_ms), now)
    }

    /// Whether to mint a new token at `now_ms` (Unix milliseconds; the system clock by
    /// default): expired, or expiring within `margin_ms`.
    #[pyo3(signature = (now_ms=None, margin_ms=60_000))]
    fn needs_refresh(&self, now_ms: Option<i64>, margin_ms: i64) -> PyResult<bool> {
        let now = UnixMillis(now_ms.unwrap_or_else(self::now_ms));
        let margin = span(margin_ms, Duration::from_millis)?;
        Ok(time::needs_refresh(
            UnixMillis(self.expires_at_ms),
            now,
            margin,
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "UserToken(token={}, partner_user_id={}, expires='{}')",
            redacted(&self.token),
            self.partner_user_id.bind(py).repr()?,
            self.expires
        ))
    }
}

/// `sfox_parse_user_token(body)`: `{"data": {"token", "partner_user_id", "expires"}}`.
#[pyfunction]
pub(crate) fn sfox_parse_user_token(
    py: Python<'_>,
    body: &Bound<'_, PyAny>,
) -> PyResult<SfoxUserToken> {
    let body = body_bytes(body)?;
    let bytes = body.as_bytes();
    let token = sfox::parse_user_token(bytes).map_err(|e| parse_error(py, e, bytes))?;
    Ok(SfoxUserToken {
        token: token.token.to_owned(),
        partner_user_id: string_to_py(py, token.partner_user_id)?.unbind(),
        expires: token.expires.to_owned(),
        expires_at_ms: token.expires_at_ms.0,
    })
}

// ---------------------------------------------------------------------------------------
// Mygiro

/// `mygiro_access_token_path(user_id, account_id)`:
/// `/v1/users/{user_id}/generateaccesstoken?accountId={account_id}`.
#[pyfunction]
pub(crate) fn mygiro_access_token_path<'py>(
    py: Python<'py>,
    user_id: &Bound<'py, PyAny>,
    account_id: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyString>> {
    let user_id = text(user_id, "user_id")?;
    let account_id = text(account_id, "account_id")?;
    written(py, |buf| {
        mygiro::access_token_path(&user_id, &account_id, buf)
    })
}

/// `mygiro_authorization(token)`: `Bearer {token}`.
#[pyfunction]
pub(crate) fn mygiro_authorization<'py>(
    py: Python<'py>,
    token: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyString>> {
    bearer(py, token, "token", mygiro::authorization)
}

/// `mygiro_check_tag(tag)`: raises `InvalidFieldError` for an `x-tag` that is empty or not
/// all visible ASCII.
#[pyfunction]
pub(crate) fn mygiro_check_tag(py: Python<'_>, tag: &Bound<'_, PyAny>) -> PyResult<()> {
    let tag = text(tag, "x_tag")?;
    check(py, mygiro::check_tag(&tag))
}

/// A Mygiro access token (the answer's `data`).
#[pyclass(module = "sigmint._sigmint", frozen)]
pub(crate) struct MygiroAccessToken {
    /// `token`, as received.
    #[pyo3(get)]
    token: String,
    /// `resetToken`.
    #[pyo3(get)]
    reset_token: Option<Py<PyString>>,
    /// `type`, such as `"bearer"`.
    #[pyo3(get, name = "type")]
    kind: Option<Py<PyString>>,
    /// `user`: the user's id.
    #[pyo3(get)]
    user: Option<Py<PyString>>,
    /// `_id`: the token record's id.
    #[pyo3(get)]
    id: Option<Py<PyString>>,
    /// `createdAt`, as written.
    #[pyo3(get)]
    created_at: String,
    /// `createdAt` in Unix milliseconds.
    #[pyo3(get)]
    created_at_ms: i64,
}

#[pymethods]
impl MygiroAccessToken {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let reset = match &self.reset_token {
            Some(reset) => redacted(&reset.bind(py).to_cow()?),
            None => String::from("None"),
        };
        Ok(format!(
            "AccessToken(token={}, reset_token={reset}, type={}, user={}, created_at='{}')",
            redacted(&self.token),
            opt_repr(py, self.kind.as_ref())?,
            opt_repr(py, self.user.as_ref())?,
            self.created_at
        ))
    }
}

/// `mygiro_parse_access_token(body)`: `{"status": "success", "data": {...}}`.
#[pyfunction]
pub(crate) fn mygiro_parse_access_token(
    py: Python<'_>,
    body: &Bound<'_, PyAny>,
) -> PyResult<MygiroAccessToken> {
    let body = body_bytes(body)?;
    let bytes = body.as_bytes();
    let token = mygiro::parse_access_token(bytes).map_err(|e| parse_error(py, e, bytes))?;
    Ok(MygiroAccessToken {
        token: token.token.to_owned(),
        reset_token: opt_str(py, token.reset_token)?,
        kind: opt_str(py, token.kind)?,
        user: opt_str(py, token.user)?,
        id: opt_str(py, token.id)?,
        created_at: token.created_at.to_owned(),
        created_at_ms: token.created_at_ms.0,
    })
}

// ---------------------------------------------------------------------------------------
// All providers

/// `provider_error_message(body)`: the provider's own text in an error body (the `message`
/// of a JSON object, else the whole body trimmed), `None` when there is none. Raises
/// `ResponseTooLargeError` for a body over core's limit.
#[pyfunction]
pub(crate) fn provider_error_message<'py>(
    py: Python<'py>,
    body: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyString>>> {
    let body = body_bytes(body)?;
    error_text(py, body.as_bytes())
}

/// `provider_error(status, body)`: the `sigmint.ProviderError` for a non-2xx answer, with
/// the provider's own text from `body` (`None` when there is none, or when the body is too
/// large to read: then the exception's `__cause__` is the `ResponseTooLargeError`).
#[pyfunction]
#[pyo3(name = "provider_error")]
pub(crate) fn provider_error_for<'py>(
    py: Python<'py>,
    status: u16,
    body: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let body = body_bytes(body)?;
    Ok(provider_error(py, Some(status), body.as_bytes())
        .into_value(py)
        .into_bound(py)
        .into_any())
}

/// `parse_rfc3339_ms(text)`: an RFC 3339 timestamp in Unix milliseconds.
#[pyfunction]
pub(crate) fn parse_rfc3339_ms(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<i64> {
    let text = crate::text(text, "text")?;
    check(py, time::parse_rfc3339(&text)).map(|moment| moment.0)
}

/// Registers this module's functions, classes and constants.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let endpoints = fonbnk::Endpoint::ALL
        .iter()
        .map(|e| (e.name(), e.path(), e.method()));
    m.add("FONBNK_ENDPOINTS", PyTuple::new(py, endpoints)?)?;
    let environments = fonbnk::Environment::ALL
        .iter()
        .map(|env| (env.name(), env.base_url()));
    m.add("FONBNK_ENVIRONMENTS", PyTuple::new(py, environments)?)?;
    let window_ms = u64::try_from(fonbnk::DEFAULT_WINDOW.as_millis()).unwrap_or(u64::MAX);
    m.add("FONBNK_DEFAULT_WINDOW_MS", window_ms)?;
    m.add("FONBNK_CONTENT_TYPE", fonbnk::Request::CONTENT_TYPE)?;
    m.add("PROVIDER_MAX_RESPONSE_LEN", providers::MAX_RESPONSE_LEN)?;
    m.add("SFOX_BASE_URL", sfox::BASE_URL)?;
    m.add("MYGIRO_HEADER_TAG", mygiro::HEADER_TAG)?;
    m.add_function(wrap_pyfunction!(fonbnk_user_query_json, m)?)?;
    m.add_function(wrap_pyfunction!(fonbnk_kyc_submission_json, m)?)?;
    m.add_function(wrap_pyfunction!(fonbnk_check_timestamp, m)?)?;
    m.add_function(wrap_pyfunction!(fonbnk_parse_timestamp, m)?)?;
    m.add_function(wrap_pyfunction!(fonbnk_parse_user_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(fonbnk_parse_kyc_state, m)?)?;
    m.add_function(wrap_pyfunction!(fonbnk_parse_kyc_submit, m)?)?;
    m.add_function(wrap_pyfunction!(sfox_user_token_path, m)?)?;
    m.add_function(wrap_pyfunction!(sfox_authorization, m)?)?;
    m.add_function(wrap_pyfunction!(sfox_parse_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(mygiro_access_token_path, m)?)?;
    m.add_function(wrap_pyfunction!(mygiro_authorization, m)?)?;
    m.add_function(wrap_pyfunction!(mygiro_check_tag, m)?)?;
    m.add_function(wrap_pyfunction!(mygiro_parse_access_token, m)?)?;
    m.add_function(wrap_pyfunction!(provider_error_message, m)?)?;
    m.add_function(wrap_pyfunction!(provider_error_for, m)?)?;
    m.add_function(wrap_pyfunction!(parse_rfc3339_ms, m)?)?;
    m.add_class::<FonbnkTokenLifetime>()?;
    m.add_class::<FonbnkUserTokens>()?;
    m.add_class::<FonbnkKycDocument>()?;
    m.add_class::<FonbnkKycRule>()?;
    m.add_class::<FonbnkKycState>()?;
    m.add_class::<SfoxUserToken>()?;
    m.add_class::<MygiroAccessToken>()?;
    Ok(())
}
