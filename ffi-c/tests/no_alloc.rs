//! Nothing in the C API allocates, on any path: every function is called here, succeeding and
//! failing, under a global allocator that counts this thread's allocations.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr;

use sigmint::*;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator unchanged; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded from our caller.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded from our caller.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

fn zeroed_key() -> sigmint_key {
    // SAFETY: a sigmint_key is plain integers; all zeros is its "not initialized" state.
    unsafe { std::mem::zeroed() }
}

#[test]
fn no_function_allocates() {
    let mut key = zeroed_key();
    let mut tag = [0u8; SIGMINT_HMAC_SHA256_LEN];
    let mut out = [0 as std::ffi::c_char; 256];
    let mut out_len = 0usize;
    let endpoint = c"/api/v2/orders";
    let params = [
        sigmint_query_param {
            name: c"email".as_ptr(),
            name_len: 5,
            value: c"a b+c@example.com é".as_ptr(),
            value_len: "a b+c@example.com é".len(),
        },
        sigmint_query_param {
            name: c"n".as_ptr(),
            name_len: 1,
            value: c"\xff".as_ptr(),
            value_len: 1,
        },
    ];
    let secret = c"c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0=";
    let long_secret = [7u8; 100];

    let before = allocations();
    // SAFETY: every pointer is valid for the length given with it, or NULL on purpose.
    unsafe {
        assert_eq!(
            sigmint_key_init(&mut key, long_secret.as_ptr(), 100),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_key_init_base64(&mut key, secret.as_ptr(), secret.count_bytes()),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_key_init_base64(&mut key, c"YQ*".as_ptr(), 3),
            SIGMINT_RESULT_INVALID_BASE64
        );
        assert_eq!(
            sigmint_hmac_sha256(&key, b"m".as_ptr(), 1, tag.as_mut_ptr()),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_hmac_sha256_verify(&key, b"m".as_ptr(), 1, tag.as_ptr(), 16),
            SIGMINT_RESULT_INVALID_SIGNATURE
        );
        assert_eq!(
            sigmint_fonbnk_endpoint(
                endpoint.as_ptr(),
                endpoint.count_bytes(),
                params.as_ptr(),
                1,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_endpoint(
                endpoint.as_ptr(),
                endpoint.count_bytes(),
                params.as_ptr(),
                2,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_INVALID_UTF8
        );
        assert_eq!(
            sigmint_fonbnk_string_to_sign(
                u64::MAX,
                endpoint.as_ptr(),
                14,
                ptr::null_mut(),
                0,
                &mut out_len
            ),
            SIGMINT_RESULT_BUFFER_TOO_SMALL
        );
        assert_eq!(
            sigmint_fonbnk_sign(
                &key,
                1,
                endpoint.as_ptr(),
                14,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_sign(
                &key,
                1,
                c"x".as_ptr(),
                1,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE
        );
        assert!(!sigmint_result_str(SIGMINT_RESULT_PANIC).is_null());
        assert!(!sigmint_version().is_null());
        assert_eq!(sigmint_key_clear(&mut key), SIGMINT_RESULT_OK);
        assert_eq!(
            sigmint_hmac_sha256(&key, b"m".as_ptr(), 1, tag.as_mut_ptr()),
            SIGMINT_RESULT_KEY_NOT_INITIALIZED
        );
        assert_eq!(
            sigmint_key_clear(ptr::null_mut()),
            SIGMINT_RESULT_NULL_PARAMETER
        );
    }
    assert_eq!(allocations(), before, "the C API allocated");
}
