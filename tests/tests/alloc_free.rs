//! Proves sigmint-core allocates nothing: a counting global allocator watches this thread
//! while keys are built, requests signed and verified, and endpoints and headers written.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use sigmint_core::providers::fonbnk::{self, Signer};
use sigmint_core::{Key, query};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    // Only this thread's allocations count: the test harness allocates on its own threads.
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

// SAFETY: every call is forwarded unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if WATCHING.try_with(Cell::get).unwrap_or(false) {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if WATCHING.try_with(Cell::get).unwrap_or(false) {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(work: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    WATCHING.with(|w| w.set(true));
    work();
    WATCHING.with(|w| w.set(false));
    ALLOCATIONS.load(Ordering::SeqCst) - before
}

#[test]
fn the_counter_sees_allocations() {
    assert!(allocations_during(|| drop(std::hint::black_box(vec![1u8; 10]))) >= 1);
}

#[test]
fn signing_path_allocates_nothing() {
    const SECRET: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    const LONG_SECRET: &str = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODlBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWg==";
    let params = [
        ("depositPaymentChannel", "bank"),
        ("name", "Adébáyọ̀ Ọlánipẹ̀kún"),
        ("q", "a b"),
    ];
    let count = allocations_during(|| {
        let key = Key::from_base64(SECRET).unwrap();
        let long_key = Key::from_base64(LONG_SECRET).unwrap();
        let raw_key = Key::new(b"raw secret").unwrap();
        let tag = raw_key.sign(&[b"part one ", b"part two"]);
        raw_key
            .verify(&[b"part one part two"], tag.as_bytes())
            .unwrap();
        assert!(long_key.verify(&[b"x"], tag.as_bytes()).is_err());

        let mut qbuf = [0u8; 256];
        let len = query::encoded_len(params).unwrap();
        assert_eq!(query::encode(params, &mut qbuf).unwrap().len(), len);

        let mut ebuf = [0u8; 256];
        let endpoint = fonbnk::write_endpoint("/api/v2/orders", params, &mut ebuf).unwrap();
        let mut sbuf = [0u8; 300];
        fonbnk::string_to_sign(1_765_454_073_000, endpoint, &mut sbuf).unwrap();
        fonbnk::sign(&key, 1_765_454_073_000, endpoint).unwrap();

        let signer = Signer::with_key("client-id", key).unwrap();
        let headers = signer.headers(u64::MAX, endpoint).unwrap();
        std::hint::black_box(headers.pairs());
        let signer = Signer::new("client-id", SECRET).unwrap();
        std::hint::black_box(signer.headers(0, "/api/v2/user/tokens").unwrap());
        // Errors allocate nothing either.
        assert!(Key::from_base64("not base64!").is_err());
        assert!(fonbnk::write_endpoint("/a?b", params, &mut ebuf).is_err());
    });
    assert_eq!(count, 0, "sigmint-core allocated {count} times");
}
