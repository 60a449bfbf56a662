//! Fonbnk KYC: the state of a user's KYC (status, documents they can submit, rules), read in
//! place, and the answer of a submission.
//!
//! Nothing is kept between calls: each function parses the body again (in a few microseconds
//! for the documented answers), so documents and rules are fetched by index.

use core::ffi::c_char;

use sigmint_core::providers::fonbnk::{self, Document, KycState, KycStatus, Rule, RuleLimit};

use crate::abi::args::{put, required, text_bytes};
use crate::abi::panic::ffi;
use crate::abi::strs::sigmint_str;
use crate::abi::views::{ABSENT, optional_view, string_view, view};
use crate::result::{SIGMINT_RESULT_INDEX_OUT_OF_RANGE, sigmint_result};

/// `kycStatus`: one of the `SIGMINT_FONBNK_KYC_STATUS_*` values.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct sigmint_fonbnk_kyc_status(u32);

/// A value the docs do not list (kept, not refused: its text is in `status_text`).
pub const SIGMINT_FONBNK_KYC_STATUS_UNKNOWN: sigmint_fonbnk_kyc_status =
    sigmint_fonbnk_kyc_status(0);
/// `"initiated"`
pub const SIGMINT_FONBNK_KYC_STATUS_INITIATED: sigmint_fonbnk_kyc_status =
    sigmint_fonbnk_kyc_status(1);
/// `"approved"`
pub const SIGMINT_FONBNK_KYC_STATUS_APPROVED: sigmint_fonbnk_kyc_status =
    sigmint_fonbnk_kyc_status(2);
/// `"rejected"`
pub const SIGMINT_FONBNK_KYC_STATUS_REJECTED: sigmint_fonbnk_kyc_status =
    sigmint_fonbnk_kyc_status(3);
/// `"invalid"`
pub const SIGMINT_FONBNK_KYC_STATUS_INVALID: sigmint_fonbnk_kyc_status =
    sigmint_fonbnk_kyc_status(4);

/// `reachedKycLimit`, which may be absent: one of the `SIGMINT_FONBNK_KYC_LIMIT_*` values.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct sigmint_fonbnk_kyc_limit(u32);

/// No `reachedKycLimit` in the answer (or `null`).
pub const SIGMINT_FONBNK_KYC_LIMIT_UNKNOWN: sigmint_fonbnk_kyc_limit = sigmint_fonbnk_kyc_limit(0);
/// `"reachedKycLimit": false`
pub const SIGMINT_FONBNK_KYC_LIMIT_NOT_REACHED: sigmint_fonbnk_kyc_limit =
    sigmint_fonbnk_kyc_limit(1);
/// `"reachedKycLimit": true`
pub const SIGMINT_FONBNK_KYC_LIMIT_REACHED: sigmint_fonbnk_kyc_limit = sigmint_fonbnk_kyc_limit(2);

/// The KYC state, as `sigmint_fonbnk_parse_kyc_state` fills it.
///
/// Texts are views **into the body** that was parsed (not copied, not NUL-terminated), valid
/// as long as the body is: the contents of each JSON string as the provider wrote them,
/// escapes intact (`sigmint_view_unescape` resolves them). An absent or `null` field is
/// `{NULL, 0}`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sigmint_fonbnk_kyc_state {
    /// `kycStatus`, as an enumeration.
    pub status: sigmint_fonbnk_kyc_status,
    /// `kycStatus` as written, such as `approved` (always present).
    pub status_text: sigmint_str,
    /// `passedKycType`, such as `advanced`.
    pub passed_kyc_type: sigmint_str,
    /// `kycStatusDescription`, such as `Partial Match`.
    pub description: sigmint_str,
    /// `reachedKycLimit`: reached, not reached, or unknown (absent or `null`).
    pub reached_kyc_limit: sigmint_fonbnk_kyc_limit,
    /// How many document types there are (`sigmint_fonbnk_kyc_document` takes 0 to
    /// `documents_len - 1`).
    pub documents_len: usize,
    /// How many rules there are (`sigmint_fonbnk_kyc_rule` takes 0 to `rules_len - 1`).
    pub rules_len: usize,
}

/// A KYC document type the user can submit, from `basicDocuments`, `advancedDocuments` and
/// `kycDocuments` (in that order), as `sigmint_fonbnk_kyc_document` fills it. Views as in
/// `sigmint_fonbnk_kyc_state`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sigmint_fonbnk_document {
    /// `_id` (always present): what `sigmint_fonbnk_kyc_submission_json` takes as the
    /// document id.
    pub id: sigmint_str,
    /// `type`, such as `basic` or `advanced`.
    pub kind: sigmint_str,
    /// `title`, such as `Voter ID`.
    pub title: sigmint_str,
    /// `value`, such as `VOTER_ID`.
    pub value: sigmint_str,
    /// `requiredFields`: the JSON text of the object (field name to `{type, label, required,
    /// …}`), braces included, to read with `sigmint_json_get_*`.
    pub required_fields_json: sigmint_str,
}

/// What a KYC rule's `max` is: one of the `SIGMINT_FONBNK_RULE_MAX_*` values.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct sigmint_fonbnk_rule_max_kind(u32);

/// No `max` (absent or `null`); `max` is `{NULL, 0}`.
pub const SIGMINT_FONBNK_RULE_MAX_NONE: sigmint_fonbnk_rule_max_kind =
    sigmint_fonbnk_rule_max_kind(0);
/// A JSON number; `max` is its text, such as `100` or `2.5e3`.
pub const SIGMINT_FONBNK_RULE_MAX_NUMBER: sigmint_fonbnk_rule_max_kind =
    sigmint_fonbnk_rule_max_kind(1);
/// A JSON string; `max` is its contents, such as `Infinity` or `100`.
pub const SIGMINT_FONBNK_RULE_MAX_TEXT: sigmint_fonbnk_rule_max_kind =
    sigmint_fonbnk_rule_max_kind(2);

/// A KYC rule, from `kycRules` and `kycSettings` (in that order), as `sigmint_fonbnk_kyc_rule`
/// fills it. Views as in `sigmint_fonbnk_kyc_state`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sigmint_fonbnk_rule {
    /// `type`, the KYC level the rule is for.
    pub kind: sigmint_str,
    /// Whether `max` is absent, a number or a string.
    pub max_kind: sigmint_fonbnk_rule_max_kind,
    /// `max`: the docs show it both as a number and as a string.
    pub max: sigmint_str,
    /// The whole rule object's JSON text, for members sigmint does not interpret.
    pub json: sigmint_str,
}

fn status(state: &KycState<'_>) -> sigmint_fonbnk_kyc_status {
    match state.status() {
        KycStatus::Initiated => SIGMINT_FONBNK_KYC_STATUS_INITIATED,
        KycStatus::Approved => SIGMINT_FONBNK_KYC_STATUS_APPROVED,
        KycStatus::Rejected => SIGMINT_FONBNK_KYC_STATUS_REJECTED,
        KycStatus::Invalid => SIGMINT_FONBNK_KYC_STATUS_INVALID,
        KycStatus::Unknown => SIGMINT_FONBNK_KYC_STATUS_UNKNOWN,
    }
}

fn document(doc: Document<'_>) -> sigmint_fonbnk_document {
    sigmint_fonbnk_document {
        id: string_view(doc.id),
        kind: optional_view(doc.kind),
        title: optional_view(doc.title),
        value: optional_view(doc.value),
        required_fields_json: doc.required_fields.map_or(ABSENT, |v| view(v.raw())),
    }
}

fn rule(rule: Rule<'_>) -> sigmint_fonbnk_rule {
    let (max_kind, max) = match rule.max {
        RuleLimit::Number(text) => (SIGMINT_FONBNK_RULE_MAX_NUMBER, view(text)),
        RuleLimit::Text(value) => (SIGMINT_FONBNK_RULE_MAX_TEXT, string_view(value)),
        RuleLimit::None => (SIGMINT_FONBNK_RULE_MAX_NONE, ABSENT),
    };
    sigmint_fonbnk_rule {
        kind: optional_view(rule.kind),
        max_kind,
        max,
        json: view(rule.json.raw()),
    }
}

/// The KYC state in `body[0..body_len]`.
///
/// # Safety
/// `body` must be readable for `body_len` bytes during `'a`.
unsafe fn parse<'a>(body: *const c_char, body_len: usize) -> Result<KycState<'a>, sigmint_result> {
    // SAFETY: forwarded from the caller.
    let body = unsafe { text_bytes(body, body_len) }?;
    Ok(fonbnk::parse_kyc_state(body)?)
}

/// Parses the answer of `SIGMINT_FONBNK_ENDPOINT_KYC_STATUS` in `body[0..body_len]` into
/// `*state` (views into `body`: see `sigmint_fonbnk_kyc_state`).
///
/// Every field the docs describe is type-checked here, documents and rules included, so
/// `sigmint_fonbnk_kyc_document` and `sigmint_fonbnk_kyc_rule` fail on the same body only for
/// an index past the end. An unknown `kycStatus` is kept (`SIGMINT_FONBNK_KYC_STATUS_UNKNOWN`),
/// not refused.
///
/// Returns the body errors of `sigmint_fonbnk_parse_user_tokens`
/// (`SIGMINT_RESULT_RESPONSE_TOO_LARGE`, `SIGMINT_RESULT_INVALID_JSON`, …,
/// `SIGMINT_RESULT_PROVIDER_ERROR`); `SIGMINT_RESULT_MISSING_FIELD` without `kycStatus` or for
/// a document without `_id`; `SIGMINT_RESULT_INVALID_FIELD` for a field of the wrong type (a
/// `kycStatus` that is not a string, a `reachedKycLimit` that is not a boolean, a document list
/// that is not an array, a rule whose `max` is neither number nor string, …). `*state` is
/// written only on success.
///
/// # Safety
/// `body` must be readable for `body_len` bytes (and stay so while the views are used) and
/// `state` writable for a `sigmint_fonbnk_kyc_state`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_parse_kyc_state(
    body: *const c_char,
    body_len: usize,
    state: *mut sigmint_fonbnk_kyc_state,
) -> sigmint_result {
    ffi(|| {
        let out = required(state)?;
        // SAFETY: the caller guarantees `body` is readable for `body_len` bytes.
        let parsed = unsafe { parse(body, body_len) }?;
        let filled = sigmint_fonbnk_kyc_state {
            status: status(&parsed),
            status_text: optional_view(parsed.status_text()),
            passed_kyc_type: optional_view(parsed.passed_kyc_type()),
            description: optional_view(parsed.description()),
            reached_kyc_limit: match parsed.reached_kyc_limit() {
                Some(true) => SIGMINT_FONBNK_KYC_LIMIT_REACHED,
                Some(false) => SIGMINT_FONBNK_KYC_LIMIT_NOT_REACHED,
                None => SIGMINT_FONBNK_KYC_LIMIT_UNKNOWN,
            },
            documents_len: parsed.documents().count(),
            rules_len: parsed.rules().count(),
        };
        // SAFETY: the caller guarantees `state` is writable.
        unsafe { put(out, filled) }
    })
}

/// Parses the KYC state in `body[0..body_len]`, as `sigmint_fonbnk_parse_kyc_state` does, and
/// fills `*document` with its document type number `index` (from 0, across
/// `basicDocuments`, `advancedDocuments` and `kycDocuments`, in that order; views into
/// `body`).
///
/// Returns `SIGMINT_RESULT_INDEX_OUT_OF_RANGE` when `index` is `documents_len` or more (so a
/// loop may also stop there), else the errors of `sigmint_fonbnk_parse_kyc_state`.
///
/// # Safety
/// `body` must be readable for `body_len` bytes (and stay so while the views are used) and
/// `document` writable for a `sigmint_fonbnk_document`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_kyc_document(
    body: *const c_char,
    body_len: usize,
    index: usize,
    document: *mut sigmint_fonbnk_document,
) -> sigmint_result {
    ffi(|| {
        let out = required(document)?;
        // SAFETY: the caller guarantees `body` is readable for `body_len` bytes.
        let parsed = unsafe { parse(body, body_len) }?;
        let found = parsed
            .documents()
            .nth(index)
            .ok_or(SIGMINT_RESULT_INDEX_OUT_OF_RANGE)?;
        // SAFETY: the caller guarantees `document` is writable.
        unsafe { put(out, self::document(found)) }
    })
}

/// Parses the KYC state in `body[0..body_len]`, as `sigmint_fonbnk_parse_kyc_state` does, and
/// fills `*rule` with its rule number `index` (from 0, across `kycRules` and `kycSettings`, in
/// that order; views into `body`).
///
/// Returns `SIGMINT_RESULT_INDEX_OUT_OF_RANGE` when `index` is `rules_len` or more, else the
/// errors of `sigmint_fonbnk_parse_kyc_state`.
///
/// # Safety
/// `body` must be readable for `body_len` bytes (and stay so while the views are used) and
/// `rule` writable for a `sigmint_fonbnk_rule`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_kyc_rule(
    body: *const c_char,
    body_len: usize,
    index: usize,
    rule: *mut sigmint_fonbnk_rule,
) -> sigmint_result {
    ffi(|| {
        let out = required(rule)?;
        // SAFETY: the caller guarantees `body` is readable for `body_len` bytes.
        let parsed = unsafe { parse(body, body_len) }?;
        let found = parsed
            .rules()
            .nth(index)
            .ok_or(SIGMINT_RESULT_INDEX_OUT_OF_RANGE)?;
        // SAFETY: the caller guarantees `rule` is writable.
        unsafe { put(out, self::rule(found)) }
    })
}

/// Parses the answer of `SIGMINT_FONBNK_ENDPOINT_KYC_SUBMIT`, `{"success":true|false}`, in
/// `body[0..body_len]`, and writes `success` to `*success`.
///
/// Returns the body errors of `sigmint_fonbnk_parse_user_tokens`;
/// `SIGMINT_RESULT_MISSING_FIELD` without `success`, `SIGMINT_RESULT_INVALID_FIELD` when it is
/// not a boolean.
///
/// # Safety
/// `body` must be readable for `body_len` bytes and `success` writable for a `bool`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_parse_kyc_submit(
    body: *const c_char,
    body_len: usize,
    success: *mut bool,
) -> sigmint_result {
    ffi(|| {
        let out = required(success)?;
        // SAFETY: the caller guarantees `body` is readable for `body_len` bytes.
        let body = unsafe { text_bytes(body, body_len) }?;
        let parsed = fonbnk::parse_kyc_submit(body)?;
        // SAFETY: the caller guarantees `success` is writable.
        unsafe { put(out, parsed) }
    })
}
