//! `fonbnk_sign`: a Fonbnk signature with a prepared key, against the raw HMAC floor.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use sigmint_core::providers::fonbnk::Signer;

const SECRET_B64: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const ENDPOINT: &str = "/api/v2/order-limits?depositPaymentChannel=bank&depositCurrencyType=fiat&depositCurrencyCode=NGN&depositCountryIsoCode=NG&payoutPaymentChannel=crypto&payoutCurrencyType=crypto&payoutCurrencyCode=CELO_USDT";
const TIMESTAMP: u64 = 1_765_454_073_000;

fn fonbnk_sign(c: &mut Criterion) {
    let mut group = c.benchmark_group("fonbnk_sign");
    let signer = Signer::new("client-id", SECRET_B64).unwrap();
    group.bench_function("sigmint", |b| {
        b.iter(|| {
            signer
                .headers(black_box(TIMESTAMP), black_box(ENDPOINT))
                .unwrap()
        })
    });
    let raw: [u8; 32] = core::array::from_fn(|i| i as u8);
    let prepared = Hmac::<Sha256>::new_from_slice(&raw).unwrap();
    let message = format!("{TIMESTAMP}:{ENDPOINT}");
    group.bench_function("hmac_raw", |b| {
        b.iter(|| {
            let mut mac = prepared.clone();
            mac.update(black_box(message.as_bytes()));
            mac.finalize()
        })
    });
    group.bench_function("hmac_raw_keyed", |b| {
        b.iter(|| {
            let mut mac = Hmac::<Sha256>::new_from_slice(black_box(&raw)).unwrap();
            mac.update(black_box(message.as_bytes()));
            mac.finalize()
        })
    });
    group.finish();
}

criterion_group!(benches, fonbnk_sign);
criterion_main!(benches);
