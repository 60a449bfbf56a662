//! Typed claims on the target: `jwt::decode_as` into structs borrowing from scratch (escaped
//! strings unescaped, nested structs, `Option`, integers, bools, arrays into `heapless::Vec`,
//! enums), its refusals (wrong types, a missing field, a scratch one byte short), and
//! `jwt::encode_as` round trips. The cases of `tests/tests/typed_claims.rs`, without an
//! allocator.

use heapless::Vec;
use serde::{Deserialize, Serialize};
use sigmint_core::jwt::{self, Validation};
use sigmint_core::time::UnixSeconds;
use sigmint_core::{Claim, Error, Key};

use crate::Buffers;
use crate::check::Report;
use crate::jwt::NOW;

const KEY: &[u8] = b"typed-claims-key";

/// Claims of every kind a typed struct reads.
const FULL: &[u8] = br#"{"userData":{"email":"a\u0040b.c","countryIsoCode":"NG","isDevUser":false},"type":"access","uid":"01KC6M","note":"caf\u00e9 \"q\" \\ \n","exp":4102444800,"big":18446744073709551615,"small":-128,"nickname":null,"tags":["pos","mob\u0069le"],"float":1.5}"#;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct User<'a> {
    email: &'a str,
    country_iso_code: &'a str,
    is_dev_user: bool,
}

#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Access,
    Refresh,
}

#[derive(Deserialize)]
struct Claims<'a> {
    #[serde(borrow, rename = "userData")]
    user: User<'a>,
    #[serde(rename = "type")]
    kind: Kind,
    uid: &'a str,
    note: &'a str,
    exp: i64,
    big: u64,
    small: i8,
    nickname: Option<&'a str>,
    absent: Option<u32>,
    #[serde(borrow)]
    tags: Vec<&'a str, 4>,
}

#[derive(Deserialize)]
struct Count {
    #[allow(dead_code)]
    count: u32,
}

pub fn run(r: &mut Report, bufs: &mut Buffers) {
    let Some(key) = r.ok(Key::new(KEY), "typed", "key") else {
        return;
    };
    every_kind_of_field(r, bufs, &key);
    refusals(r, bufs, &key);
    round_trip(r, bufs, &key);
}

/// Mints a token over `claims` into `out`.
fn mint<'o>(r: &mut Report, key: &Key, claims: &[u8], out: &'o mut [u8]) -> Option<&'o str> {
    r.ok(jwt::encode_json(key, claims, out), "typed", "mint")
}

fn every_kind_of_field(r: &mut Report, bufs: &mut Buffers, key: &Key) {
    let Some(token) = mint(r, key, FULL, &mut bufs.out) else {
        return;
    };
    let validation = Validation::new(UnixSeconds(NOW));
    let decoded = r.stack("jwt::decode_as", || {
        jwt::decode_as::<Claims, _>(token, &mut bufs.scratch, key, &validation)
    });
    let Some(c) = r.ok(decoded, "every kind of field", "decode_as") else {
        return;
    };
    let case = "every kind of field";
    r.check(c.user.email == "a@b.c", case, "escaped string, unescaped");
    r.check(
        c.user.country_iso_code == "NG" && !c.user.is_dev_user,
        case,
        "nested struct",
    );
    r.check(c.kind == Kind::Access, case, "enum from a string");
    r.check(c.uid == "01KC6M", case, "borrowed string");
    r.check(c.note == "café \"q\" \\ \n", case, "escapes of every kind");
    r.check(
        c.exp == 4_102_444_800 && c.big == u64::MAX && c.small == -128,
        case,
        "integers",
    );
    r.check(
        c.nickname.is_none() && c.absent.is_none(),
        case,
        "null and absent options",
    );
    r.check(
        c.tags.as_slice() == ["pos", "mobile"],
        case,
        "array into heapless::Vec",
    );
}

/// What serde reports for a field of the wrong type: the field is not named (its key is the
/// token's, not a `'static` name).
const WRONG_TYPE: Error = Error::InvalidClaimType {
    claim: Claim::Unnamed,
};

fn refusals(r: &mut Report, bufs: &mut Buffers, key: &Key) {
    let validation = Validation::new(UnixSeconds(NOW));
    for (claims, expected, what) in [
        (
            &br#"{"count":"7"}"#[..],
            WRONG_TYPE,
            "string for an integer",
        ),
        (br#"{"count":-1}"#, WRONG_TYPE, "negative for unsigned"),
        (br#"{"count":1.5}"#, WRONG_TYPE, "float"),
        (
            br#"{"count":18446744073709551616}"#,
            Error::IntegerOverflow,
            "beyond 64 bits",
        ),
        (
            br#"{"other":1}"#,
            Error::MissingClaim {
                claim: Claim::Named("count"),
            },
            "missing field",
        ),
        (
            br#"{"count":1,"exp":1000}"#,
            Error::Expired,
            "validated as decode does",
        ),
    ] {
        if let Some(token) = mint(r, key, claims, &mut bufs.out) {
            let got = jwt::decode_as::<Count, _>(token, &mut bufs.scratch, key, &validation);
            r.err(got, expected, "refusals", what);
        }
    }
    if let Some(token) = mint(r, key, br#"{"tags":["a","b","c","d","e"]}"#, &mut bufs.out) {
        #[derive(Deserialize)]
        struct Tags<'a> {
            #[serde(borrow)]
            #[allow(dead_code)]
            tags: Vec<&'a str, 4>,
        }
        let got = jwt::decode_as::<Tags, _>(token, &mut bufs.scratch, key, &validation);
        r.err(got, WRONG_TYPE, "refusals", "array longer than its Vec");
    }
    if let Some(token) = mint(r, key, FULL, &mut bufs.out) {
        let needed = jwt::decode_as_scratch_len(token);
        if let Some(short) = bufs.scratch.get_mut(..needed - 1) {
            let got = jwt::decode_as::<Claims, _>(token, short, key, &validation);
            r.err(
                got,
                Error::BufferTooSmall { needed },
                "refusals",
                "scratch one byte short",
            );
        }
        if let Some(exact) = bufs.scratch.get_mut(..needed) {
            let got = jwt::decode_as::<Claims, _>(token, exact, key, &validation);
            r.check(got.is_ok(), "refusals", "exact scratch is enough");
        }
    }
}

fn round_trip(r: &mut Report, bufs: &mut Buffers, key: &Key) {
    #[derive(Serialize, Deserialize)]
    struct Mint<'a> {
        sub: &'a str,
        exp: i64,
        note: &'a str,
    }
    let claims = Mint {
        sub: "user-1",
        exp: 4_102_444_800,
        note: "quote \" backslash \\ é",
    };
    let minted = jwt::encode_as(key, &claims, &mut bufs.json, &mut bufs.out);
    let Some(token) = r.ok(minted, "encode_as", "mint") else {
        return;
    };
    let validation = Validation::new(UnixSeconds(NOW));
    let back = jwt::decode_as::<Mint, _>(token, &mut bufs.scratch, key, &validation);
    if let Some(back) = r.ok(back, "encode_as", "read back") {
        r.check(
            back.sub == claims.sub && back.exp == claims.exp && back.note == claims.note,
            "encode_as",
            "same claims",
        );
    }
}
