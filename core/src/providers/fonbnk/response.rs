//! Fonbnk answers: user tokens, KYC state, KYC submission.

use crate::json::{Kind, Value};
use crate::jws::{self, Limits};
use crate::providers::{optional_str, parse_object, required_plain_str, required_str};
use core::time::Duration;

use crate::time::{self, UnixSeconds};
use crate::{Claim, Error, jwt};

/// What a Fonbnk user token is for (its `type` claim).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// `"access"`: 15 minutes.
    Access,
    /// `"refresh"`: 14 days.
    Refresh,
}

/// The lifetime of a token, read from its claims **without verification**: Fonbnk signs
/// them with its own key. Good for deciding when to ask for new ones, never for trusting them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenLifetime {
    /// `type`.
    pub kind: TokenKind,
    /// `iat`.
    pub issued_at: UnixSeconds,
    /// `exp`.
    pub expires_at: UnixSeconds,
}

impl TokenLifetime {
    /// Whether the token has expired at `now`.
    #[must_use]
    pub fn expired(&self, now: UnixSeconds) -> bool {
        time::expired(self.expires_at, now)
    }

    /// Whether to get a new token at `now`: expired, or expiring within `margin`.
    #[must_use]
    pub fn needs_refresh(&self, now: UnixSeconds, margin: Duration) -> bool {
        time::needs_refresh(self.expires_at, now, margin)
    }
}

/// The answer of [`super::Endpoint::UserTokensV2`] and [`super::Endpoint::UserTokens`].
#[derive(Clone, Copy, Debug)]
pub struct UserTokens<'a> {
    /// The access token (a JWT), as received.
    pub access_token: &'a str,
    /// The refresh token (a JWT), as received.
    pub refresh_token: &'a str,
    /// The access token's `type`, `iat` and `exp`.
    pub access: TokenLifetime,
    /// The refresh token's `type`, `iat` and `exp`.
    pub refresh: TokenLifetime,
}

/// Reads a token's lifetime without verifying it; `scratch` holds its decoded payload.
fn lifetime(token: &str, scratch: &mut [u8]) -> Result<TokenLifetime, Error> {
    let (_, claims) = jwt::dangerous_unverified(token, scratch, &Limits::default())?;
    let kind = match claims.claim("type") {
        Some(t) if t.str_eq("access") => TokenKind::Access,
        Some(t) if t.str_eq("refresh") => TokenKind::Refresh,
        Some(t) if t.kind() != Kind::String => {
            return Err(Error::InvalidClaimType {
                claim: Claim::Named("type"),
            });
        }
        _ => return Err(Error::WrongTokenType),
    };
    Ok(TokenLifetime {
        kind,
        issued_at: claims.iat()?.ok_or(Error::MissingClaim {
            claim: Claim::Named("iat"),
        })?,
        expires_at: claims.exp()?.ok_or(Error::MissingClaim {
            claim: Claim::Named("exp"),
        })?,
    })
}

/// Parses `{"accessToken": …, "refreshToken": …}` and reads each token's `type`, `iat` and
/// `exp` (unverified). `scratch` holds one decoded token payload at a time (1 KiB is plenty).
///
/// # Errors
/// [`Error::ProviderError`] for a `{"message": …}` body; [`Error::BufferTooSmall`] with the
/// room the larger token needs, once the body has both; [`Error::MissingField`] /
/// [`Error::InvalidField`] for a missing or non-string token; the errors of
/// [`jwt::dangerous_unverified`] for a token that is not a JWT; [`Error::MissingClaim`] without
/// `iat`/`exp`; [`Error::WrongTokenType`] when the access token is not `"access"` or the
/// refresh token not `"refresh"`.
pub fn parse_user_tokens<'a>(body: &'a [u8], scratch: &mut [u8]) -> Result<UserTokens<'a>, Error> {
    let doc = parse_object(body, "accessToken")?;
    let access_token = required_plain_str(doc, "accessToken")?;
    let refresh_token = required_plain_str(doc, "refreshToken")?;
    // Room for either token's header and payload, so that one size query is enough.
    let needed = jws::scratch_len(access_token).max(jws::scratch_len(refresh_token));
    let scratch = crate::sink::prefix(scratch, needed)?;
    let access = lifetime(access_token, scratch)?;
    let refresh = lifetime(refresh_token, scratch)?;
    if access.kind != TokenKind::Access || refresh.kind != TokenKind::Refresh {
        return Err(Error::WrongTokenType);
    }
    Ok(UserTokens {
        access_token,
        refresh_token,
        access,
        refresh,
    })
}

/// `kycStatus`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KycStatus {
    /// `"initiated"`
    Initiated,
    /// `"approved"`
    Approved,
    /// `"rejected"`
    Rejected,
    /// `"invalid"`
    Invalid,
    /// A value the docs do not list (its text stays available: [`KycState::status_text`]).
    Unknown,
}

/// The answer of [`super::Endpoint::KycStatus`], read in place.
#[derive(Clone, Copy, Debug)]
pub struct KycState<'a> {
    json: Value<'a>,
}

/// A KYC document type the user can submit (from `basicDocuments`, `advancedDocuments` or
/// `kycDocuments`).
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    /// `_id`: what [`super::KycSubmission::document_id`] takes.
    pub id: Value<'a>,
    /// `type`, such as `basic` or `advanced`.
    pub kind: Option<Value<'a>>,
    /// `title`, such as `Voter ID`.
    pub title: Option<Value<'a>>,
    /// `value`, such as `VOTER_ID`.
    pub value: Option<Value<'a>>,
    /// `requiredFields`: an object, field name to `{type, label, required, …}`.
    pub required_fields: Option<Value<'a>>,
}

/// A KYC rule (from `kycRules` or `kycSettings`).
#[derive(Clone, Copy, Debug)]
pub struct Rule<'a> {
    /// `type`, the KYC level the rule asks for.
    pub kind: Option<Value<'a>>,
    /// The whole rule object, for members sigmint does not interpret.
    pub json: Value<'a>,
    /// `max`.
    pub max: RuleLimit<'a>,
}

/// A rule's `max`: the docs show it both as a number and as a string.
#[derive(Clone, Copy, Debug)]
pub enum RuleLimit<'a> {
    /// A JSON number, kept as its text.
    Number(&'a str),
    /// A JSON string (such as `"Infinity"` or `"100"`).
    Text(Value<'a>),
    /// Absent or `null`.
    None,
}

const DOCUMENT_LISTS: [&str; 3] = ["basicDocuments", "advancedDocuments", "kycDocuments"];
const RULE_LISTS: [&str; 2] = ["kycRules", "kycSettings"];

/// An element of the list `list`, which must be an object.
fn list_object<'a>(list: &'static str, value: Value<'a>) -> Result<Value<'a>, Error> {
    if value.kind() == Kind::Object {
        Ok(value)
    } else {
        Err(Error::InvalidField { field: list })
    }
}

fn parse_document<'a>(list: &'static str, value: Value<'a>) -> Result<Document<'a>, Error> {
    let value = list_object(list, value)?;
    let id = required_str(value, "_id")?;
    let required_fields = match value.get("requiredFields") {
        Some(v) if v.kind() == Kind::Object => Some(v),
        Some(v) if v.kind() != Kind::Null => {
            return Err(Error::InvalidField {
                field: "requiredFields",
            });
        }
        _ => None,
    };
    Ok(Document {
        id,
        kind: optional_str(value, "type")?,
        title: optional_str(value, "title")?,
        value: optional_str(value, "value")?,
        required_fields,
    })
}

fn parse_rule<'a>(list: &'static str, value: Value<'a>) -> Result<Rule<'a>, Error> {
    let value = list_object(list, value)?;
    let max = match value.get("max") {
        None => RuleLimit::None,
        Some(v) => match v.kind() {
            Kind::Null => RuleLimit::None,
            Kind::Number => RuleLimit::Number(v.raw()),
            Kind::String => RuleLimit::Text(v),
            _ => return Err(Error::InvalidField { field: "max" }),
        },
    };
    Ok(Rule {
        kind: optional_str(value, "type")?,
        json: value,
        max,
    })
}

/// The elements of the arrays named `lists`, each checked with `parse`.
fn list_items<'a, T: 'a>(
    json: Value<'a>,
    lists: &'static [&'static str],
    parse: fn(&'static str, Value<'a>) -> Result<T, Error>,
) -> impl Iterator<Item = T> + 'a {
    lists
        .iter()
        .filter_map(move |&name| Some((name, json.get(name)?)))
        .flat_map(|(name, list)| list.elements().map(move |v| (name, v)))
        .filter_map(move |(name, v)| parse(name, v).ok())
}

/// Parses the KYC state. Every field the docs describe is type-checked here, so the
/// accessors cannot fail; an unknown `kycStatus` is kept, not refused.
///
/// # Errors
/// [`Error::ProviderError`] for a `{"message": …}` body; [`Error::MissingField`] without
/// `kycStatus`; [`Error::InvalidField`] for a field of the wrong type (a document without a
/// string `_id`, a rule whose `max` is neither number nor string, …).
pub fn parse_kyc_state(body: &[u8]) -> Result<KycState<'_>, Error> {
    let json = parse_object(body, "kycStatus")?;
    required_str(json, "kycStatus")?;
    optional_str(json, "passedKycType")?;
    optional_str(json, "kycStatusDescription")?;
    match json.get("reachedKycLimit").map(|v| v.kind()) {
        None | Some(Kind::Bool | Kind::Null) => {}
        Some(_) => {
            return Err(Error::InvalidField {
                field: "reachedKycLimit",
            });
        }
    }
    for (lists, check) in [
        (
            &DOCUMENT_LISTS[..],
            (|list, v| parse_document(list, v).map(|_| ()))
                as fn(&'static str, Value<'_>) -> Result<(), Error>,
        ),
        (&RULE_LISTS[..], |list, v| parse_rule(list, v).map(|_| ())),
    ] {
        for &name in lists {
            match json.get(name) {
                None => {}
                Some(list) if list.kind() == Kind::Null => {}
                Some(list) if list.kind() == Kind::Array => {
                    list.elements().try_for_each(|v| check(name, v))?;
                }
                Some(_) => return Err(Error::InvalidField { field: name }),
            }
        }
    }
    Ok(KycState { json })
}

impl<'a> KycState<'a> {
    /// `kycStatus`; values the docs do not list are [`KycStatus::Unknown`].
    #[must_use]
    pub fn status(&self) -> KycStatus {
        let Some(text) = self.status_text() else {
            return KycStatus::Unknown;
        };
        [
            ("initiated", KycStatus::Initiated),
            ("approved", KycStatus::Approved),
            ("rejected", KycStatus::Rejected),
            ("invalid", KycStatus::Invalid),
        ]
        .into_iter()
        .find(|(name, _)| text.str_eq(name))
        .map_or(KycStatus::Unknown, |(_, status)| status)
    }

    /// `kycStatus` as the provider wrote it.
    #[must_use]
    pub fn status_text(&self) -> Option<Value<'a>> {
        self.json.get("kycStatus")
    }

    /// `passedKycType`, such as `advanced`.
    #[must_use]
    pub fn passed_kyc_type(&self) -> Option<Value<'a>> {
        self.json
            .get("passedKycType")
            .filter(|v| v.kind() == Kind::String)
    }

    /// `kycStatusDescription`, such as `Partial Match`.
    #[must_use]
    pub fn description(&self) -> Option<Value<'a>> {
        self.json
            .get("kycStatusDescription")
            .filter(|v| v.kind() == Kind::String)
    }

    /// `reachedKycLimit`.
    #[must_use]
    pub fn reached_kyc_limit(&self) -> Option<bool> {
        self.json
            .get("reachedKycLimit")
            .and_then(|v| v.as_bool().ok())
    }

    /// The document types the user can submit, from every list the answer has.
    pub fn documents(&self) -> impl Iterator<Item = Document<'a>> + 'a {
        list_items(self.json, &DOCUMENT_LISTS, parse_document)
    }

    /// The KYC rules, from every list the answer has.
    pub fn rules(&self) -> impl Iterator<Item = Rule<'a>> + 'a {
        list_items(self.json, &RULE_LISTS, parse_rule)
    }

    /// The whole answer, for members sigmint does not interpret.
    #[must_use]
    pub fn json(&self) -> Value<'a> {
        self.json
    }
}

/// Parses the answer of [`super::Endpoint::KycSubmit`], `{"success": bool}`.
///
/// # Errors
/// [`Error::ProviderError`] for a `{"message": …}` body; [`Error::MissingField`] /
/// [`Error::InvalidField`] without a boolean `success`.
pub fn parse_kyc_submit(body: &[u8]) -> Result<bool, Error> {
    let doc = parse_object(body, "success")?;
    const FIELD: &str = "success";
    match doc.get(FIELD) {
        None => Err(Error::MissingField { field: FIELD }),
        Some(v) => v
            .as_bool()
            .map_err(|_| Error::InvalidField { field: FIELD }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KYC: &str = r#"{
      "passedKycType": "advanced", "reachedKycLimit": false, "kycStatus": "approved",
      "kycStatusDescription": "Partial Match",
      "basicDocuments": [{"_id": "67da909b739fc481aa525c43", "type": "basic", "title": "Voter ID",
        "value": "VOTER_ID", "requiredFields": {"first_name": {"type": "string", "label": "First Name", "required": true}}}],
      "advancedDocuments": [{"_id": "67da909b739fc481aa525c47", "type": "advanced", "title": "BVN", "value": "BVN"}],
      "kycRules": [{"type": "basic", "max": 100}, {"type": "advanced", "max": "Infinity"}]
    }"#;

    #[test]
    fn kyc_state() {
        let state = parse_kyc_state(KYC.as_bytes()).unwrap();
        assert_eq!(state.status(), KycStatus::Approved);
        assert!(state.passed_kyc_type().unwrap().str_eq("advanced"));
        assert!(state.description().unwrap().str_eq("Partial Match"));
        assert_eq!(state.reached_kyc_limit(), Some(false));
        let ids: heapless::Vec<&str, 4> = state
            .documents()
            .map(|d| d.id.as_plain_str().unwrap())
            .collect();
        assert_eq!(
            ids.as_slice(),
            ["67da909b739fc481aa525c43", "67da909b739fc481aa525c47"]
        );
        let mut rules = state.rules();
        assert!(matches!(
            rules.next().unwrap().max,
            RuleLimit::Number("100")
        ));
        assert!(matches!(rules.next().unwrap().max, RuleLimit::Text(t) if t.str_eq("Infinity")));
        let unknown = parse_kyc_state(br#"{"kycStatus":"pending"}"#).unwrap();
        assert_eq!(unknown.status(), KycStatus::Unknown);
        assert!(unknown.status_text().unwrap().str_eq("pending"));
        for (bad, error) in [
            (&br#"{}"#[..], Error::MissingField { field: "kycStatus" }),
            (
                br#"{"kycStatus":1}"#,
                Error::InvalidField { field: "kycStatus" },
            ),
            (
                br#"{"kycStatus":"approved","reachedKycLimit":"no"}"#,
                Error::InvalidField {
                    field: "reachedKycLimit",
                },
            ),
            (
                br#"{"kycStatus":"approved","basicDocuments":[{"title":"x"}]}"#,
                Error::MissingField { field: "_id" },
            ),
            (
                br#"{"kycStatus":"approved","basicDocuments":[1]}"#,
                Error::InvalidField {
                    field: "basicDocuments",
                },
            ),
            (
                br#"{"kycStatus":"approved","kycRules":[{"max":[1]}]}"#,
                Error::InvalidField { field: "max" },
            ),
            (
                br#"{"kycStatus":"approved","kycRules":{}}"#,
                Error::InvalidField { field: "kycRules" },
            ),
            (br#"{"message":"Forbidden"}"#, Error::ProviderError),
            (br#"{"kycStatus":"approved""#, Error::InvalidJson),
        ] {
            assert_eq!(
                parse_kyc_state(bad).err(),
                Some(error),
                "{:?}",
                core::str::from_utf8(bad)
            );
        }
    }

    #[test]
    fn kyc_submit() {
        assert_eq!(parse_kyc_submit(br#"{"success":true}"#), Ok(true));
        assert_eq!(
            parse_kyc_submit(br#"{"success":"yes"}"#),
            Err(Error::InvalidField { field: "success" })
        );
        assert_eq!(
            parse_kyc_submit(br#"{}"#),
            Err(Error::MissingField { field: "success" })
        );
    }
}
